import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { pullTestSummary } from '@shared/domain/resources/pull-test';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createPullTestRepository, type PullTestRepository } from './pull-test-repository';
import { createResourceRepository } from './resource-repository';

const actor: Actor = { personId: 'p0', name: '崔亚波', positionId: 'pos0', positionName: '值班员' };
const MIN = 60_000;
const START = Date.parse('2026-11-23T09:00:00+08:00');
let db: EmergencyDeskDatabase;
let repo: PullTestRepository;
let clock = START;

beforeEach(async () => {
  clock = START;
  db = new EmergencyDeskDatabase(`pull-tests-${crypto.randomUUID()}`);
  await db.open();
  repo = createPullTestRepository(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

async function teams(...names: string[]): Promise<string[]> {
  const resources = createResourceRepository(db, () => clock);
  const ids: string[] = [];
  for (const name of names) {
    ids.push(await resources.saveRecord('team', { name, type: 'professional', headcount: 20 }, null, actor));
  }
  return ids;
}

const pullTestAudit = () =>
  db.audit.where('[entity+entityId]').between(['pullTest', ''], ['pullTest', '\uffff']);

describe('pull test repository', () => {
  it('starts a test at the clock, records checkpoints with their authors and audit rows, and closes it', async () => {
    const [a, b, c] = await teams('东湖防汛突击队', '西城危化处置队', '新港蓝天救援队');
    const id = await repo.start('  汛前拉动  ', [a!, b!, c!, a!], '夜间', actor);
    const started = await repo.get(id);
    expect(started).toMatchObject({
      name: '汛前拉动',
      startedAt: START,
      note: '夜间',
      teamIds: [a, b, c],
      closedAt: null,
      createdBy: actor,
    });

    clock = START + 6 * MIN;
    await repo.record(id, a!, 'acknowledged', START + 4 * MIN, null, actor);
    clock = START + 21 * MIN;
    await repo.record(id, a!, 'ready', clock, 18, actor);
    clock = START + 22 * MIN;
    await repo.record(id, b!, 'ready', START + 9 * MIN, null, actor);
    clock = START + 60 * MIN;
    await repo.close(id, actor);

    const closed = (await repo.get(id))!;
    expect(closed).toMatchObject({ closedAt: START + 60 * MIN, updatedBy: actor });
    const summary = pullTestSummary(closed, clock);
    expect(
      summary.teams.map((r) => [r.status, r.acknowledgedMinutes, r.readyMinutes, r.headcountReady]),
    ).toEqual([
      ['ready', 4, 21, 18],
      ['ready', 9, 9, null],
      ['missing', null, null, null],
    ]);
    expect(summary.slowestTeamIds).toEqual([a]);

    const audit = await pullTestAudit().sortBy('at');
    expect(audit.map((row) => [row.action, row.summary, row.actor?.name])).toEqual([
      ['create', '汛前拉动（3 支队伍）', '崔亚波'],
      ['pullTest.acknowledged', '汛前拉动：东湖防汛突击队 已响应 4 分钟', '崔亚波'],
      ['pullTest.ready', '汛前拉动：东湖防汛突击队 已集结 21 分钟，18 人', '崔亚波'],
      ['pullTest.ready', '汛前拉动：西城危化处置队 已集结 9 分钟', '崔亚波'],
      ['pullTest.close', '汛前拉动', '崔亚波'],
    ]);
  });

  it('lists the newest test first', async () => {
    const [a] = await teams('东湖防汛突击队');
    await repo.start('春季拉动', [a!], '', actor);
    clock += 90 * 24 * 60 * MIN;
    await repo.start('汛前拉动', [a!], '', actor);
    expect((await repo.list()).map((t) => t.name)).toEqual(['汛前拉动', '春季拉动']);
  });

  it('refuses a test with no teams, an unknown team or no name, and writes nothing', async () => {
    const [a] = await teams('东湖防汛突击队');
    expect((await rejection(repo.start('汛前拉动', [], '', actor))).code).toBe('pullTest.noTeams');
    const unknown = await rejection(repo.start('汛前拉动', [a!, 'gone-1', 'gone-2'], '', actor));
    expect(unknown.code).toBe('pullTest.unknownTeam');
    expect(unknown.params).toEqual({ count: 2 });
    const nameless = await rejection(repo.start('   ', [a!], '', actor));
    expect([nameless.code, nameless.params]).toEqual(['invalidInput', { field: 'name' }]);
    expect(await db.pullTests.count()).toBe(0);
    expect(await pullTestAudit().count()).toBe(0);
  });

  it('refuses a record before the start, in the future, for another team, or after the close, and changes nothing', async () => {
    const [a, b] = await teams('东湖防汛突击队', '西城危化处置队');
    const id = await repo.start('汛前拉动', [a!], '', actor);
    clock = START + 10 * MIN;
    const code = async (promise: Promise<unknown>) => (await rejection(promise)).code;
    expect(await code(repo.record(id, a!, 'acknowledged', START - MIN, null, actor))).toBe(
      'pullTest.beforeStart',
    );
    expect(await code(repo.record(id, a!, 'ready', START + 11 * MIN, 20, actor))).toBe('pullTest.inFuture');
    expect(await code(repo.record(id, b!, 'ready', START + 5 * MIN, 20, actor))).toBe(
      'pullTest.teamNotInTest',
    );
    expect(await code(repo.record(id, a!, 'ready', START + 5 * MIN, -3, actor))).toBe(
      'pullTest.headcountInvalid',
    );
    expect(await code(repo.record('missing', a!, 'ready', START + 5 * MIN, 20, actor))).toBe('notFound');
    await repo.record(id, a!, 'ready', START + 5 * MIN, 20, actor);
    expect(await code(repo.record(id, a!, 'acknowledged', START + 6 * MIN, null, actor))).toBe(
      'pullTest.acknowledgedAfterReady',
    );
    await repo.close(id, actor);
    const before = await repo.get(id);
    expect(await code(repo.record(id, a!, 'ready', START + 7 * MIN, 20, actor))).toBe('pullTest.closed');
    expect(await code(repo.close(id, actor))).toBe('pullTest.closed');
    expect(await repo.get(id)).toEqual(before);
    expect((await pullTestAudit().toArray()).map((r) => r.action).sort()).toEqual([
      'create',
      'pullTest.close',
      'pullTest.ready',
    ]);
  });
});
