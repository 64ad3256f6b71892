/** 角色 and the PIN re-check at 签发, ENDEX and 清除数据 (issue 8). */
export const rolesZhCN = {
  names: {
    operator: '值班操作员',
    controller: '导调人员',
    evaluator: '评估人员',
    administrator: '系统管理员',
  },
  field: '角色',
  byPosition: '按岗位',
  byPositionHint:
    '未单独设置角色的人员按所担任的岗位确定：指挥、值守岗位为值班操作员，演练岗位为导调人员和评估人员。系统管理员只能单独指定。',
  resetToPositions: '恢复按岗位确定',
  firstSetup:
    '尚未指定系统管理员：目前任何已签到人员都可以分配角色。请先为至少一人指定“系统管理员”，此后只有系统管理员能变更角色。',
  why: {
    levelApprove: '{{name}}没有“值班操作员”或“系统管理员”角色，不能签发响应级别',
    reportApprove: '{{name}}没有“值班操作员”或“系统管理员”角色，不能签发报告',
    drillEndex: '{{name}}没有“导调人员”或“系统管理员”角色，不能宣布演练结束',
    dataPurge: '{{name}}没有“系统管理员”角色，不能清除数据',
    dataRestore: '{{name}}没有“系统管理员”角色，不能从备份恢复（恢复会替换通讯录和角色）',
    rolesChange: '{{name}}没有“系统管理员”角色，不能变更角色',
    notInDirectory: '通讯录中没有{{name}}，不能执行此操作',
  },
  confirm: {
    title: {
      levelApprove: '确认签发响应级别',
      reportApprove: '确认签发报告',
      drillEndex: '确认宣布演练结束',
      dataPurge: '确认清除数据',
      dataRestore: '确认从备份恢复',
      rolesChange: '确认变更角色',
    },
    prompt: {
      levelApprove: '请输入 PIN 以确认签发',
      reportApprove: '请输入 PIN 以确认签发',
      drillEndex: '请输入 PIN 以确认宣布演练结束',
      dataPurge: '请输入 PIN 以确认清除数据',
      dataRestore: '请输入 PIN 以确认从备份恢复',
      rolesChange: '请输入 PIN 以确认变更角色',
    },
    who: '签署人：{{name}}（{{position}}）',
    pin: 'PIN 码',
    ok: '确认',
    locked: 'PIN 连续输错 {{max}} 次，已锁定，请 {{seconds}} 秒后再试',
    triesLeft: '再输错 {{count}} 次将锁定 {{seconds}} 秒',
  },
  audit: {
    actions: {
      'roles.change': '角色变更',
      'act.pinWrong': 'PIN 错误',
      'act.locked': 'PIN 锁定',
    },
  },
  errors: {
    actRefused: '$t({{key}})',
    actPinWrong: 'PIN 码不正确，还可尝试 {{left}} 次',
    actLocked: 'PIN 连续输错次数过多，已锁定，请 {{seconds}} 秒后再试',
    actPinRequired: '此操作须先输入 PIN 确认，请重新操作',
  },
} as const;
