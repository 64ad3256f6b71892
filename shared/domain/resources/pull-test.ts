/**
 * 拉动 (pull tests) of rescue teams: the office notifies one or more teams at `startedAt` and records, per
 * team, when it acknowledged (已响应) and when it stood mustered and ready (已集结) with how many people.
 * Elapsed times are whole minutes from the notification, rounded down, as the office reports them.
 *
 * Rules of a checkpoint (`recordCheckpoint`):
 * - only teams that were notified, only while the test is open, never before the notification;
 * - a team is never ready before it acknowledged. A team that turns up without calling back first has
 *   acknowledged by turning up: recording 已集结 with no 已响应 stamps both at that time. An acknowledgement
 *   later than the recorded ready time is refused;
 * - a stage may be recorded again while the test is open (a correction); the repository audits each one.
 * A team not ready when the test is closed is missing (缺席). Pure: no clock is read here.
 */
import type { Authored } from '../org/types';

export const PULL_TEST_STAGES = ['acknowledged', 'ready'] as const;
export type PullTestStage = (typeof PULL_TEST_STAGES)[number];

export interface PullTestCheckpoint {
  acknowledgedAt: number | null;
  readyAt: number | null;
  /** People mustered at the ready time; null when not counted. */
  headcountReady: number | null;
}

export interface PullTest extends Authored {
  id: string;
  name: string;
  /** The notification time: every elapsed minute counts from here. */
  startedAt: number;
  note: string;
  teamIds: string[];
  checkpoints: Record<string, PullTestCheckpoint>;
  closedAt: number | null;
}

export type PullTestRefusalCode =
  'teamNotInTest' | 'beforeStart' | 'closed' | 'acknowledgedAfterReady' | 'timeInvalid' | 'headcountInvalid';

export type CheckpointResult = { ok: true; test: PullTest } | { ok: false; code: PullTestRefusalCode };

export type PullTestTeamStatus = 'waiting' | 'acknowledged' | 'ready' | 'missing';

export interface PullTestTeamResult {
  teamId: string;
  status: PullTestTeamStatus;
  acknowledgedAt: number | null;
  readyAt: number | null;
  headcountReady: number | null;
  acknowledgedMinutes: number | null;
  readyMinutes: number | null;
  /** Whole minutes a team not yet ready has been waited for: to `now`, or to the close. */
  waitingMinutes: number | null;
  isSlowest: boolean;
}

export interface PullTestSummary {
  teams: PullTestTeamResult[];
  slowestTeamIds: string[];
  counts: Record<PullTestTeamStatus, number>;
}

const MINUTE = 60_000;

export const EMPTY_CHECKPOINT: PullTestCheckpoint = {
  acknowledgedAt: null,
  readyAt: null,
  headcountReady: null,
};

export function elapsedMinutes(from: number, to: number): number {
  return Math.floor((to - from) / MINUTE);
}

export function checkpointOf(test: PullTest, teamId: string): PullTestCheckpoint {
  return test.checkpoints[teamId] ?? EMPTY_CHECKPOINT;
}

/**
 * A new test with one stage of one team recorded at `at`, or why not. `headcount` is the number mustered:
 * it belongs to the ready stage (kept from an earlier record when omitted) and is ignored otherwise.
 */
export function recordCheckpoint(
  test: PullTest,
  teamId: string,
  stage: PullTestStage,
  at: number,
  headcount?: number | null,
): CheckpointResult {
  if (test.closedAt !== null) return { ok: false, code: 'closed' };
  if (!test.teamIds.includes(teamId)) return { ok: false, code: 'teamNotInTest' };
  if (!Number.isFinite(at)) return { ok: false, code: 'timeInvalid' };
  if (at < test.startedAt) return { ok: false, code: 'beforeStart' };
  const current = checkpointOf(test, teamId);
  let next: PullTestCheckpoint;
  if (stage === 'acknowledged') {
    if (current.readyAt !== null && at > current.readyAt)
      return { ok: false, code: 'acknowledgedAfterReady' };
    next = { ...current, acknowledgedAt: at };
  } else {
    const counted = headcount ?? null;
    if (counted !== null && !(Number.isInteger(counted) && counted >= 0)) {
      return { ok: false, code: 'headcountInvalid' };
    }
    const acknowledgedAt =
      current.acknowledgedAt === null || current.acknowledgedAt > at ? at : current.acknowledgedAt;
    next = { acknowledgedAt, readyAt: at, headcountReady: counted ?? current.headcountReady };
  }
  return { ok: true, test: { ...test, checkpoints: { ...test.checkpoints, [teamId]: next } } };
}

function teamStatus(test: PullTest, checkpoint: PullTestCheckpoint): PullTestTeamStatus {
  if (checkpoint.readyAt !== null) return 'ready';
  if (test.closedAt !== null) return 'missing';
  return checkpoint.acknowledgedAt !== null ? 'acknowledged' : 'waiting';
}

/**
 * Each team's times and status, in the order the teams were notified. The slowest are the ready teams with
 * the most whole minutes to ready (ties all flagged); a test of one team has nobody to be slower than.
 */
export function pullTestSummary(test: PullTest, now: number): PullTestSummary {
  const end = test.closedAt ?? now;
  const minutes = (at: number | null) => (at === null ? null : elapsedMinutes(test.startedAt, at));
  const teams = test.teamIds.map((teamId): PullTestTeamResult => {
    const checkpoint = checkpointOf(test, teamId);
    return {
      teamId,
      status: teamStatus(test, checkpoint),
      ...checkpoint,
      acknowledgedMinutes: minutes(checkpoint.acknowledgedAt),
      readyMinutes: minutes(checkpoint.readyAt),
      waitingMinutes: checkpoint.readyAt === null ? Math.max(0, elapsedMinutes(test.startedAt, end)) : null,
      isSlowest: false,
    };
  });
  const readyMinutes = teams.flatMap((r) => (r.readyMinutes === null ? [] : [r.readyMinutes]));
  const slowest = test.teamIds.length > 1 && readyMinutes.length > 0 ? Math.max(...readyMinutes) : null;
  for (const row of teams) row.isSlowest = slowest !== null && row.readyMinutes === slowest;
  const counts = { waiting: 0, acknowledged: 0, ready: 0, missing: 0 };
  for (const row of teams) counts[row.status] += 1;
  return { teams, slowestTeamIds: teams.filter((r) => r.isSlowest).map((r) => r.teamId), counts };
}

export interface TeamHistoryRow extends PullTestTeamResult {
  testId: string;
  testName: string;
  startedAt: number;
  closedAt: number | null;
}

/**
 * One team's results over the tests it was in, newest first. Open tests are included with their status so
 * far; `now` only matters for their waiting minutes.
 */
export function teamHistory(tests: readonly PullTest[], teamId: string, now = 0): TeamHistoryRow[] {
  return tests
    .filter((test) => test.teamIds.includes(teamId))
    .sort((a, b) => b.startedAt - a.startedAt)
    .map((test) => {
      const result = pullTestSummary(test, Math.max(now, test.startedAt)).teams.find(
        (r) => r.teamId === teamId,
      )!;
      return {
        ...result,
        testId: test.id,
        testName: test.name,
        startedAt: test.startedAt,
        closedAt: test.closedAt,
      };
    });
}
