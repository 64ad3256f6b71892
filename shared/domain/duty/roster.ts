/**
 * 值班排班: for each date and shift, the 带班领导 (leader on call) and the 值班员 on duty. The duty state
 * changes how many must be present (日常 one officer, 预警 two, 响应 three, always with the leader) — the
 * sample office's rule, kept as data beside the shifts so an office can see and change it in one place.
 */
import { z } from '../../validation/z';
import type { Authored } from '../org/types';
import type { DutyState } from './duty-state';
import type { ShiftSlot } from './shifts';

export const OFFICERS_REQUIRED: Record<DutyState['kind'], number> = { routine: 1, warning: 2, response: 3 };

export const rosterInputSchema = z
  .object({
    leaderId: z.string({ error: 'leaderRequired' }).min(1, { error: 'leaderRequired' }),
    officerIds: z
      .array(z.string())
      .min(1, { error: 'officersRequired' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'officerTwice' }),
    note: z.string().trim().max(200, { error: 'tooLong' }).default(''),
  })
  .refine((v) => !v.officerIds.includes(v.leaderId), { error: 'leaderIsOfficer', path: ['officerIds'] });

export type RosterInput = z.input<typeof rosterInputSchema>;
export type RosterValues = z.output<typeof rosterInputSchema>;

export interface RosterEntry extends RosterValues, ShiftSlot, Authored {
  /** `${date}:${shiftKey}`: one row per shift, so writing a shift twice replaces it. */
  id: string;
}

export function rosterId(slot: ShiftSlot): string {
  return `${slot.date}:${slot.shiftKey}`;
}

export type RosterGap = { kind: 'unstaffed' } | { kind: 'officersShort'; have: number; need: number };

/** What the shift lacks for the duty state in force: nobody rostered, or fewer officers than it needs. */
export function rosterGaps(
  entry: Pick<RosterEntry, 'officerIds'> | undefined,
  state: DutyState,
): RosterGap[] {
  if (!entry) return [{ kind: 'unstaffed' }];
  const need = OFFICERS_REQUIRED[state.kind];
  return entry.officerIds.length < need
    ? [{ kind: 'officersShort', have: entry.officerIds.length, need }]
    : [];
}

/**
 * 复制上周: the rows of one week moved to another by whole days, for the shifts that have no row yet there —
 * a roster already made by hand is never overwritten.
 */
export function copiedWeek(
  source: readonly RosterEntry[],
  dayOffset: (date: string) => string,
  taken: ReadonlySet<string>,
): { slot: ShiftSlot; values: RosterValues }[] {
  return source.flatMap((entry) => {
    const slot = { date: dayOffset(entry.date), shiftKey: entry.shiftKey };
    return taken.has(rosterId(slot))
      ? []
      : [{ slot, values: { leaderId: entry.leaderId, officerIds: entry.officerIds, note: entry.note } }];
  });
}
