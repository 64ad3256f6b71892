import { describe, expect, it } from 'vitest';
import { copiedWeek, rosterGaps, rosterId, rosterInputSchema, type RosterEntry } from './roster';

const entry = (date: string, shiftKey: string, officerIds: string[]): RosterEntry => ({
  id: rosterId({ date, shiftKey }),
  date,
  shiftKey,
  leaderId: 'leader',
  officerIds,
  note: '',
  createdAt: 1,
  createdBy: null,
  updatedAt: 1,
  updatedBy: null,
});

describe('roster', () => {
  it('needs a leader and at least one officer, each once, the leader not also an officer', () => {
    expect(rosterInputSchema.safeParse({ leaderId: 'a', officerIds: ['b'] }).success).toBe(true);
    const codes = (input: unknown) =>
      rosterInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(codes({ leaderId: '', officerIds: ['b'] })).toEqual([['leaderId', 'leaderRequired']]);
    expect(codes({ leaderId: 'a', officerIds: [] })).toEqual([['officerIds', 'officersRequired']]);
    expect(codes({ leaderId: 'a', officerIds: ['b', 'b'] })).toEqual([['officerIds', 'officerTwice']]);
    expect(codes({ leaderId: 'a', officerIds: ['a', 'b'] })).toEqual([['officerIds', 'leaderIsOfficer']]);
  });

  it('asks for more officers as the duty state rises', () => {
    const two = entry('2026-11-23', 'day', ['x', 'y']);
    expect(rosterGaps(two, { kind: 'routine' })).toEqual([]);
    expect(rosterGaps(two, { kind: 'warning' })).toEqual([]);
    expect(rosterGaps(two, { kind: 'response', level: 'III' })).toEqual([
      { kind: 'officersShort', have: 2, need: 3 },
    ]);
    expect(rosterGaps(undefined, { kind: 'routine' })).toEqual([{ kind: 'unstaffed' }]);
  });

  it('copies a week onto the shifts that have no row yet, never over one made by hand', () => {
    const week = [entry('2026-11-16', 'day', ['x']), entry('2026-11-16', 'night', ['y'])];
    const copies = copiedWeek(
      week,
      (date) => (date === '2026-11-16' ? '2026-11-23' : date),
      new Set(['2026-11-23:night']),
    );
    expect(copies).toEqual([
      {
        slot: { date: '2026-11-23', shiftKey: 'day' },
        values: { leaderId: 'leader', officerIds: ['x'], note: '' },
      },
    ]);
  });
});
