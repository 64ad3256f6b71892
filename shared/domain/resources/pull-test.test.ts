import { describe, expect, it } from 'vitest';
import {
  pullTestSummary,
  recordCheckpoint,
  teamHistory,
  type PullTest,
  type PullTestStage,
} from './pull-test';

const START = Date.parse('2026-11-23T09:00:00+08:00');
const MIN = 60_000;

function pullTest(overrides: Partial<PullTest> = {}): PullTest {
  return {
    id: 't1',
    name: '汛前拉动',
    startedAt: START,
    note: '',
    teamIds: ['a', 'b', 'c'],
    checkpoints: {},
    closedAt: null,
    createdAt: START,
    createdBy: null,
    updatedAt: START,
    updatedBy: null,
    ...overrides,
  };
}

/** Records each step in order and fails the test on the first refusal. */
function record(
  test: PullTest,
  ...steps: [teamId: string, stage: PullTestStage, at: number, headcount?: number][]
): PullTest {
  return steps.reduce((current, [teamId, stage, at, headcount]) => {
    const result = recordCheckpoint(current, teamId, stage, at, headcount);
    if (!result.ok) throw new Error(`${teamId} ${stage}: ${result.code}`);
    return result.test;
  }, test);
}

function refusal(test: PullTest, teamId: string, stage: PullTestStage, at: number, headcount?: number) {
  const result = recordCheckpoint(test, teamId, stage, at, headcount);
  return result.ok ? 'accepted' : result.code;
}

describe('recordCheckpoint', () => {
  it('records acknowledged then ready with the headcount, leaving the original test unchanged', () => {
    const before = pullTest();
    const after = record(
      before,
      ['a', 'acknowledged', START + 3 * MIN],
      ['a', 'ready', START + 20 * MIN, 18],
    );
    expect(after.checkpoints['a']).toEqual({
      acknowledgedAt: START + 3 * MIN,
      readyAt: START + 20 * MIN,
      headcountReady: 18,
    });
    expect(before.checkpoints).toEqual({});
  });

  it('a team ready without a call back has acknowledged at the same time', () => {
    const after = record(pullTest(), ['b', 'ready', START + 12 * MIN, 9]);
    expect(after.checkpoints['b']).toEqual({
      acknowledgedAt: START + 12 * MIN,
      readyAt: START + 12 * MIN,
      headcountReady: 9,
    });
  });

  it('a corrected ready time earlier than the acknowledgement moves the acknowledgement with it', () => {
    const after = record(
      pullTest(),
      ['a', 'acknowledged', START + 10 * MIN],
      ['a', 'ready', START + 8 * MIN],
    );
    expect(after.checkpoints['a']).toMatchObject({
      acknowledgedAt: START + 8 * MIN,
      readyAt: START + 8 * MIN,
    });
  });

  it('keeps the counted headcount when ready is recorded again without one', () => {
    const after = record(pullTest(), ['a', 'ready', START + 9 * MIN, 20], ['a', 'ready', START + 10 * MIN]);
    expect(after.checkpoints['a']).toMatchObject({ readyAt: START + 10 * MIN, headcountReady: 20 });
  });

  it('refuses a team not notified, a time before the notification, and any record once closed', () => {
    const open = pullTest();
    expect(refusal(open, 'z', 'acknowledged', START + MIN)).toBe('teamNotInTest');
    expect(refusal(open, 'a', 'acknowledged', START - 1)).toBe('beforeStart');
    expect(refusal(open, 'a', 'ready', START - MIN)).toBe('beforeStart');
    expect(refusal(open, 'a', 'acknowledged', Number.NaN)).toBe('timeInvalid');
    expect(refusal(open, 'a', 'acknowledged', START)).toBe('accepted');
    const closed = pullTest({ closedAt: START + 60 * MIN });
    expect(refusal(closed, 'a', 'acknowledged', START + MIN)).toBe('closed');
    expect(refusal(closed, 'a', 'ready', START + MIN)).toBe('closed');
  });

  it('refuses an acknowledgement later than the ready time, and a headcount that is not a whole number', () => {
    const ready = record(pullTest(), ['a', 'ready', START + 15 * MIN]);
    expect(refusal(ready, 'a', 'acknowledged', START + 16 * MIN)).toBe('acknowledgedAfterReady');
    expect(refusal(ready, 'a', 'acknowledged', START + 15 * MIN)).toBe('accepted');
    expect(refusal(pullTest(), 'a', 'ready', START + MIN, -1)).toBe('headcountInvalid');
    expect(refusal(pullTest(), 'a', 'ready', START + MIN, 2.5)).toBe('headcountInvalid');
  });
});

describe('pullTestSummary', () => {
  it('gives whole minutes rounded down, the status of each team, and the slowest while running', () => {
    const test = record(
      pullTest(),
      ['a', 'acknowledged', START + 2 * MIN + 59_999],
      ['a', 'ready', START + 17 * MIN + 30_000, 24],
      ['b', 'acknowledged', START + 5 * MIN],
      ['b', 'ready', START + 25 * MIN],
      ['c', 'acknowledged', START + 7 * MIN],
    );
    const summary = pullTestSummary(test, START + 40 * MIN + 1);
    expect(summary.teams.map((r) => [r.teamId, r.status, r.acknowledgedMinutes, r.readyMinutes])).toEqual([
      ['a', 'ready', 2, 17],
      ['b', 'ready', 5, 25],
      ['c', 'acknowledged', 7, null],
    ]);
    expect(summary.teams.map((r) => r.waitingMinutes)).toEqual([null, null, 40]);
    expect(summary.slowestTeamIds).toEqual(['b']);
    expect(summary.counts).toEqual({ waiting: 0, acknowledged: 1, ready: 2, missing: 0 });
  });

  it('once closed, a team not ready is missing, even if it acknowledged, and waiting stops at the close', () => {
    const test = {
      ...record(pullTest(), ['a', 'ready', START + 10 * MIN], ['b', 'acknowledged', START + 4 * MIN]),
      closedAt: START + 45 * MIN,
    };
    const summary = pullTestSummary(test, START + 500 * MIN);
    expect(summary.teams.map((r) => r.status)).toEqual(['ready', 'missing', 'missing']);
    expect(summary.teams.map((r) => r.waitingMinutes)).toEqual([null, 45, 45]);
    expect(summary.counts).toEqual({ waiting: 0, acknowledged: 0, ready: 1, missing: 2 });
  });

  it('flags every team tied on the slowest whole minute, and nobody when none is ready', () => {
    const tied = record(
      pullTest(),
      ['a', 'ready', START + 12 * MIN + 5_000],
      ['b', 'ready', START + 12 * MIN + 55_000],
      ['c', 'ready', START + 11 * MIN + 59_000],
    );
    expect(pullTestSummary(tied, START + 60 * MIN).slowestTeamIds).toEqual(['a', 'b']);
    expect(pullTestSummary(pullTest(), START + 60 * MIN).slowestTeamIds).toEqual([]);
    expect(pullTestSummary(pullTest(), START).teams.map((r) => r.status)).toEqual([
      'waiting',
      'waiting',
      'waiting',
    ]);
  });

  it('does not call the only team of a one-team test the slowest', () => {
    const single = record(pullTest({ teamIds: ['a'] }), ['a', 'ready', START + 30 * MIN]);
    expect(pullTestSummary(single, START + 60 * MIN).teams[0]).toMatchObject({
      status: 'ready',
      readyMinutes: 30,
      isSlowest: false,
    });
  });
});

describe('teamHistory', () => {
  it("lists one team's results over the tests it was in, newest first", () => {
    const spring = {
      ...record(
        pullTest({ id: 's', name: '春季拉动', startedAt: START - 90 * 24 * 60 * MIN }),
        ['a', 'ready', START - 90 * 24 * 60 * MIN + 22 * MIN, 20],
        ['b', 'ready', START - 90 * 24 * 60 * MIN + 14 * MIN],
      ),
      closedAt: START - 89 * 24 * 60 * MIN,
    };
    const other = pullTest({ id: 'o', name: '其他队伍', teamIds: ['c'] });
    const autumn = { ...pullTest({ id: 'f', name: '汛前拉动' }), closedAt: START + 60 * MIN };
    const rows = teamHistory([spring, other, autumn], 'a');
    expect(rows.map((r) => [r.testName, r.status, r.readyMinutes, r.headcountReady, r.isSlowest])).toEqual([
      ['汛前拉动', 'missing', null, null, false],
      ['春季拉动', 'ready', 22, 20, true],
    ]);
    expect(teamHistory([spring, autumn], 'z')).toEqual([]);
  });
});
