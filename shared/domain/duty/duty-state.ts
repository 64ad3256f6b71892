/**
 * 值班状态 shown in every screen's header: 日常 when nothing runs, 预警 while a warning is in force for an open
 * incident, 响应 (with the highest level) while a response runs.
 */
import type { Incident } from '../incident/incident';
import { responseRank, type ResponseLevel } from '../plan/levels';

export type DutyState =
  { kind: 'routine' } | { kind: 'warning' } | { kind: 'response'; level: ResponseLevel };

export function dutyState(incidents: readonly Pick<Incident, 'status' | 'phase' | 'level'>[]): DutyState {
  const open = incidents.filter((i) => i.status === 'open');
  const levels = open
    .filter((i) => i.phase === 'response' && i.level !== null)
    .map((i) => i.level as ResponseLevel)
    .sort((a, b) => responseRank(b) - responseRank(a));
  if (levels[0]) return { kind: 'response', level: levels[0] };
  return open.some((i) => i.phase === 'warning') ? { kind: 'warning' } : { kind: 'routine' };
}
