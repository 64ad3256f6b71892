/**
 * 拉动 records. Each write checks its input, applies the rules of pull-test.ts to the row as it is inside the
 * transaction, stamps who wrote it and appends an audit row in that same transaction. Refusals are
 * `RepositoryError('pullTest.<code>')`, shown through `errors.pullTest.*`.
 */
import type { Actor } from '@shared/domain/org/types';
import {
  elapsedMinutes,
  recordCheckpoint,
  type PullTest,
  type PullTestStage,
} from '@shared/domain/resources/pull-test';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';

type Clock = () => number;

const NAME_MAX = 60;
const NOTE_MAX = 200;
const STAGE_WORDS: Record<PullTestStage, string> = { acknowledged: '已响应', ready: '已集结' };

export function createPullTestRepository(db: EmergencyDeskDatabase, now: Clock = Date.now) {
  async function existing(testId: string): Promise<PullTest> {
    const test = await db.pullTests.get(testId);
    if (!test) throw new RepositoryError('notFound');
    return test;
  }

  return {
    /** Newest first. */
    list: () => db.pullTests.orderBy('startedAt').reverse().toArray(),
    get: (id: string) => db.pullTests.get(id),

    /** Notifies the teams now: the start is the notification time every minute counts from. */
    async start(name: string, teamIds: readonly string[], note: string, actor: Actor): Promise<string> {
      const trimmed = name.trim();
      if (trimmed === '' || trimmed.length > NAME_MAX) {
        throw new RepositoryError('invalidInput', { field: 'name' });
      }
      if (note.length > NOTE_MAX) throw new RepositoryError('invalidInput', { field: 'note' });
      const ids = [...new Set(teamIds)];
      if (ids.length === 0) throw new RepositoryError('pullTest.noTeams');
      return db.transaction('rw', [db.pullTests, db.teams, db.audit], async () => {
        const teams = await db.teams.bulkGet(ids);
        const unknown = teams.filter((team) => !team).length;
        if (unknown > 0) throw new RepositoryError('pullTest.unknownTeam', { count: unknown });
        const at = now();
        const test: PullTest = {
          id: crypto.randomUUID(),
          name: trimmed,
          startedAt: at,
          note: note.trim(),
          teamIds: ids,
          checkpoints: {},
          closedAt: null,
          createdAt: at,
          createdBy: actor,
          updatedAt: at,
          updatedBy: actor,
        };
        await db.pullTests.add(test);
        await db.audit.add(
          auditEntry(at, actor, 'create', 'pullTest', test.id, `${trimmed}（${ids.length} 支队伍）`),
        );
        return test.id;
      });
    },

    /**
     * Records one team's 已响应 or 已集结 at `at` (the time on the screen, possibly edited back). A time
     * still to come is refused: nobody can report a muster that has not happened.
     */
    async record(
      testId: string,
      teamId: string,
      stage: PullTestStage,
      at: number,
      headcount: number | null,
      actor: Actor,
    ): Promise<PullTest> {
      return db.transaction('rw', [db.pullTests, db.teams, db.audit], async () => {
        const test = await existing(testId);
        const written = now();
        if (at > written) throw new RepositoryError('pullTest.inFuture');
        const result = recordCheckpoint(test, teamId, stage, at, headcount);
        if (!result.ok) throw new RepositoryError(`pullTest.${result.code}`);
        const next: PullTest = { ...result.test, updatedAt: written, updatedBy: actor };
        await db.pullTests.put(next);
        const team = await db.teams.get(teamId);
        const counted = stage === 'ready' && headcount !== null ? `，${headcount} 人` : '';
        await db.audit.add(
          auditEntry(
            written,
            actor,
            `pullTest.${stage}`,
            'pullTest',
            testId,
            `${test.name}：${team?.name ?? teamId} ${STAGE_WORDS[stage]} ${elapsedMinutes(test.startedAt, at)} 分钟${counted}`,
          ),
        );
        return next;
      });
    },

    /** Ends the test: from now on a team not ready is missing, and nothing more can be recorded. */
    async close(testId: string, actor: Actor): Promise<void> {
      await db.transaction('rw', [db.pullTests, db.audit], async () => {
        const test = await existing(testId);
        if (test.closedAt !== null) throw new RepositoryError('pullTest.closed');
        const at = now();
        await db.pullTests.put({ ...test, closedAt: at, updatedAt: at, updatedBy: actor });
        await db.audit.add(auditEntry(at, actor, 'pullTest.close', 'pullTest', testId, test.name));
      });
    },
  };
}

export type PullTestRepository = ReturnType<typeof createPullTestRepository>;
