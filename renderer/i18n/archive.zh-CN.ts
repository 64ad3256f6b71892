/** 归档包 and 清除个人信息 (issue 8): the incident console's ending and the finished drill run's 导调台. */
export const archiveZhCN = {
  export: '导出归档包',
  exported: '已导出归档包 {{file}}（{{rows}} 条记录，校验码 {{checksum}}）',
  purge: '清除个人信息',
  purgeTitle: '清除个人信息（不可撤销）',
  purgeLaw: '依《突发事件应对法》第八十五条，为应对突发事件获取的个人信息，应在应对工作结束后予以销毁。',
  purgeWill: '将清除 {{count}} 名报告人的姓名和电话（接报 {{serials}}）。',
  purgeNothing: '没有需要清除的个人信息：本事件接报中报告人的姓名和电话已清除或未登记。',
  purgeKeeps:
    '保留：伤亡、损失等人数，处置日志（作为证据，不改写），通讯录中的工作人员。清除后无法恢复，请先导出归档包。',
  purgeType: '请输入事件标题“{{title}}”或“{{word}}”以确认：',
  purgeWord: '确认清除',
  purgeOk: '清除',
  purged: '已清除 {{count}} 名报告人的姓名和电话',
  purgedNothing: '没有需要清除的个人信息',
  purgedAt: '个人信息已于 {{time}} 清除，人数统计保留。',
  purgeHint: '请先导出归档包存档。依法完成调查评估后，清除接报中报告人的姓名和电话；伤亡、损失等人数保留。',
  audit: {
    actions: { 'archive.export': '生成归档包', 'data.purge': '清除个人信息' },
    entities: { incident: '事件' },
  },
  errors: {
    notClosed: '事件结案后才能清除个人信息',
    runNotOver: '演练结束后才能导出归档包',
  },
} as const;
