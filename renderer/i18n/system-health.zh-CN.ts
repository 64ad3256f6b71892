/** The desk watching itself: clock jumps and a full disk. */
export const systemHealthZhCN = {
  clock: {
    jumpTitle: '检测到系统时钟跳变',
    jumpBody: '系统时间从 {{from}} 变为 {{to}}（差 {{seconds}} 秒）。请核对本机时间是否正确。',
    suspendTitle: '检测到休眠恢复',
    suspendBody: '本机约 {{duration}}未运行（{{from}} → {{to}}）。请核对期间的时限与任务。',
    seconds: '{{count}} 秒',
    minutes: '{{count}} 分钟',
    notice: '{{body}}{{outcome}}',
    logged: '已记入审计记录和 {{count}} 起处置中事件的日志。',
    notLogged: '未能记入日志：{{reason}}',
  },
  storageFull: {
    title: '存储空间已满，应用已转为只读模式',
    description:
      '已保存的数据不受影响，仍可查阅、检索和导出备份；新的修改暂时无法保存，已输入的内容会保留在原处。请先导出备份，再清理磁盘空间，然后点击“重新检查”。',
    exportBackup: '导出备份',
    recheck: '重新检查',
    writable: '存储空间已恢复，可以继续保存',
    stillFull: '仍然无法写入：磁盘空间不足',
  },
  audit: {
    actions: {
      'clock.jump': '时钟跳变',
      'clock.suspend': '休眠恢复',
      'storage.writable': '存储恢复可写',
    },
    entities: { clock: '系统时钟', storage: '本地存储' },
  },
} as const;
