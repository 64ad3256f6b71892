/**
 * 关键任务: what each evaluated capability must get done, so evaluators rate against stated tasks rather than
 * an impression. A scenario keeps them by capability name; tasks of a capability no longer on its list are
 * dropped when it is saved, so a renamed or removed capability leaves nothing behind.
 */
import { z } from '../../validation/z';
import type { AQT9009_CAPABILITIES } from './evaluation';

export const CRITICAL_TASK_MAX = 200;
export const CRITICAL_TASKS_PER_CAPABILITY = 20;

/** One task as written; the form checks each with this too. */
export const criticalTaskSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(CRITICAL_TASK_MAX, { error: 'tooLong' });

/** Capability name → its 关键任务, in the order evaluators read them. */
export type CriticalTasks = Record<string, string[]>;

/**
 * Reference tasks for AQ/T 9009-2015's twelve evaluation contents, offered on request (填入参考关键任务) and
 * meant to be edited for the drill at hand.
 */
export const AQT9009_CRITICAL_TASKS: Readonly<
  Record<(typeof AQT9009_CAPABILITIES)[number], readonly string[]>
> = {
  预警与信息报告: [
    '按规定时限向上级政府和有关部门完成初报、续报',
    '报告要素齐全：时间、地点、事件性质、伤亡和损失、已采取的措施',
    '准确、及时接收和转发预警信息',
  ],
  紧急动员: [
    '迅速研判并确定响应级别，由有权限的负责人启动应急响应',
    '按响应级别及时通知有关单位和人员',
    '应急队伍在规定时间内集结到位',
  ],
  指挥与协调: [
    '及时成立现场指挥部，明确总指挥和各工作组职责',
    '指挥人员熟悉预案和处置程序，指令清晰、下达及时',
    '各参演单位信息互通、协同有序',
  ],
  事故监测与研判: [
    '及时开展现场侦检和监测，掌握事态发展',
    '研判危害范围和发展趋势，提出处置建议',
    '根据研判结果调整响应级别和处置措施',
  ],
  现场处置: [
    '按预案和现场处置方案及时开展先期处置',
    '抢险救援措施得当，救援人员安全防护到位',
    '采取措施防止次生、衍生事故',
  ],
  应急资源管理: [
    '准确掌握应急队伍、物资、装备的数量和位置',
    '按需及时调拨、补充应急资源',
    '登记并跟踪应急资源的使用情况',
  ],
  应急通信: [
    '建立并保持指挥部与现场之间的通信畅通',
    '主用通信中断时及时启用备用通信手段',
    '通信用语规范，信息传递准确',
  ],
  信息公开: ['按规定时限发布首条权威信息', '发布内容经审核，准确、口径统一', '跟踪舆情，及时回应社会关切'],
  人员保护: [
    '及时组织受威胁群众疏散、转移和安置',
    '落实老幼病残孕等特殊人群的帮扶',
    '救援人员配备并正确使用个体防护装备',
  ],
  警戒与管制: [
    '及时划定警戒区域并设置警戒标志',
    '实施交通管制，保障救援通道畅通',
    '维护现场秩序，控制无关人员进出',
  ],
  医疗救护: ['医疗救护力量及时到达现场', '开展现场检伤分类和急救', '及时转运伤员，掌握伤员救治情况'],
  现场控制及恢复: [
    '确认险情得到有效控制、危险源消除',
    '开展现场清理、洗消和环境监测',
    '按程序宣布应急结束，组织恢复生产生活秩序',
  ],
};

/** The tasks of one capability; none when it has none (or the scenario predates 关键任务). */
export function criticalTasksOf(tasks: Readonly<CriticalTasks> | undefined, capability: string): string[] {
  const own = tasks && Object.hasOwn(tasks, capability) ? tasks[capability] : undefined;
  return own ? [...own] : [];
}

/** The reference tasks of an AQ/T 9009 capability; none for a capability the scenario named itself. */
export function referenceTasksOf(capability: string): readonly string[] {
  return Object.hasOwn(AQT9009_CRITICAL_TASKS, capability)
    ? AQT9009_CRITICAL_TASKS[capability as keyof typeof AQT9009_CRITICAL_TASKS]
    : [];
}

/** Only the listed capabilities' tasks, and none left empty: what a scenario keeps when saved. */
export function pruneCriticalTasks(
  capabilities: readonly string[],
  tasks: Readonly<CriticalTasks>,
): CriticalTasks {
  return Object.fromEntries(
    capabilities.flatMap((capability) => {
      const own = criticalTasksOf(tasks, capability);
      return own.length ? [[capability, own]] : [];
    }),
  );
}

/** Fills in the reference tasks of each listed capability that has none yet; what was written stays as it is. */
export function withReferenceTasks(
  capabilities: readonly string[],
  tasks: Readonly<CriticalTasks>,
): CriticalTasks {
  const filled: CriticalTasks = { ...tasks };
  for (const capability of capabilities) {
    const reference = referenceTasksOf(capability);
    if (criticalTasksOf(tasks, capability).length === 0 && reference.length)
      filled[capability] = [...reference];
  }
  return filled;
}
