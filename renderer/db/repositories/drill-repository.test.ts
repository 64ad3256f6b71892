import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statusOf } from '@shared/domain/drill/drill-machine';
import type { ScenarioInput } from '@shared/domain/drill/scenario';
import { opensSeal } from '@shared/domain/drill/scenario-seal';
import type { Actor, Person } from '@shared/domain/org/types';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createDrillRepository, type DrillRepository } from './drill-repository';

const MIN = 60_000;
const START = Date.parse('2026-12-05T09:00:00+08:00');
const controller: Actor = { personId: 'p-ctl', name: '崔亚波', positionId: 'pos0', positionName: '值班员' };
const director: Actor = { personId: 'p-dir', name: '王建国', positionId: 'pos1', positionName: '带班领导' };
let db: EmergencyDeskDatabase;
let repo: DrillRepository;
let clock = START;

const SCENARIO: ScenarioInput = {
  title: '台风“海燕”防御桌面推演',
  form: 'tabletop',
  scope: 'combined',
  purpose: 'inspection',
  injects: [
    {
      id: 'i1',
      no: '1',
      offsetMs: 0,
      synopsis: '气象台发布台风蓝色预警',
      text: '市气象台 08:00 发布台风蓝色预警。',
      expectedActions: [{ id: 'a1', text: '转发预警并启动值班加强', windowMinutes: 15 }],
    },
    {
      id: 'i2',
      no: '2',
      offsetMs: 10 * MIN,
      synopsis: '催办：预警未转发',
      text: '区防指来电询问预警转发情况。',
      contingency: { kind: 'unlessObserved', injectId: 'i1', actionId: 'a1' },
    },
    {
      id: 'i3',
      no: '3',
      offsetMs: 20 * MIN,
      synopsis: '新港街道低洼处积水',
      text: '新港街道报告低洼处积水 40 厘米。',
    },
  ],
};

beforeEach(async () => {
  clock = START;
  db = new EmergencyDeskDatabase(`drills-${crypto.randomUUID()}`);
  await db.open();
  repo = createDrillRepository(db, () => clock);
  // The director ends the run: the desk's roles ask for 导调人员 (issue 8).
  await db.people.add({ id: director.personId, name: director.name, roles: ['controller'] } as Person);
});
afterEach(async () => {
  await db.delete();
});

async function startedRun(speed = 60): Promise<string> {
  const scenarioId = await repo.saveScenario(SCENARIO, controller);
  const runId = await repo.createRun(scenarioId, director.personId, controller);
  await repo.append(runId, { type: 'comms.checked' }, controller);
  await repo.append(runId, { type: 'clock.speed', speed }, controller);
  await repo.append(runId, { type: 'clock.start' }, controller);
  return runId;
}

describe('drill repository', () => {
  it('refuses a scenario with an empty title or a contingency naming a missing action, naming the field', async () => {
    const empty = await rejection(repo.saveScenario({ ...SCENARIO, title: ' ' }, controller));
    expect(empty.params).toMatchObject({ field: 'title', message: 'required' });
    const broken = await rejection(
      repo.saveScenario(
        {
          ...SCENARIO,
          injects: [
            {
              ...SCENARIO.injects![1]!,
              contingency: { kind: 'unlessObserved', injectId: 'i1', actionId: 'x' },
            },
          ],
        },
        controller,
      ),
    );
    expect(broken.params).toMatchObject({ field: 'injects.0.contingency', message: 'contingencyTarget' });
    expect(await db.drillScenarios.count()).toBe(0);
  });

  it('delivers on time at ×60, skips a contingency whose action was observed, and never delivers twice', async () => {
    const runId = await startedRun();
    // T+0 went out with the start, in its transaction, on time; the ticker finds nothing more to do.
    const started = (await repo.load(runId))!.snapshot.context.outcomes['i1'];
    expect(started).toMatchObject({ kind: 'delivered', at: START, plannedAt: START });
    const first = await repo.deliverDue(runId, clock, controller);
    expect(first.delivered).toEqual([]);
    clock += 5_000;
    await repo.append(
      runId,
      { type: 'action.mark', injectId: 'i1', actionId: 'a1', mark: 'observed', observedAt: clock },
      controller,
    );
    // T+10m at ×60 is 10 s of real time after the start.
    clock = START + 10_000;
    const second = await repo.deliverDue(runId, clock, controller);
    expect(second.skipped.map((d) => d.inject.no)).toEqual(['2']);
    expect(await repo.deliverDue(runId, clock, controller)).toEqual({
      delivered: [],
      skipped: [],
      overdue: [],
    });
    clock = START + 20_000;
    const third = await repo.deliverDue(runId, clock, controller);
    expect(third.delivered).toEqual([expect.objectContaining({ latenessMs: 0, plannedAt: START + 20_000 })]);
    const loaded = await repo.load(runId);
    expect(Object.keys(loaded!.snapshot.context.outcomes)).toHaveLength(3);
  });

  it('follows writes from another window by applying only the rows after the ones it holds', async () => {
    const runId = await startedRun();
    // The participant screen's window: a repository of its own over the same database.
    const other = createDrillRepository(db, () => clock);
    expect((await other.load(runId))!.snapshot.context.entries).toHaveLength(0);
    await repo.deliverDue(runId, clock, controller);
    clock += 1_000;
    await repo.append(runId, { type: 'note', text: '导调组：开始', injectId: null }, controller);
    await other.append(
      runId,
      { type: 'response', text: '已转发预警', author: '滨江街道', injectId: 'i1' },
      controller,
    );

    const seen = (await other.load(runId))!.snapshot.context;
    expect(Object.keys(seen.outcomes)).toEqual(['i1']);
    expect(seen.entries.map((e) => e.text)).toEqual(['导调组：开始', '已转发预警']);
    // The console's cache took the other window's row too, and stays what a fresh replay reads.
    const mine = (await repo.load(runId))!.snapshot.context;
    const fresh = (await createDrillRepository(db, () => clock).load(runId))!.snapshot.context;
    expect(mine).toEqual(fresh);
    expect(mine.entries).toHaveLength(2);
    // …and keeps refusing what the run no longer takes: i1 was delivered once, in whichever window.
    await expect(
      other.append(
        runId,
        { type: 'inject.deliver', injectId: 'i1', plannedAt: clock, scenarioMs: 0, isAuto: false },
        controller,
      ),
    ).rejects.toThrow();
  });

  it('holds injects that fell due while no tick ran as overdue, and moves later ones by exactly the pause', async () => {
    const runId = await startedRun();
    await repo.deliverDue(runId, clock, controller);
    clock = START + 3_000;
    await repo.append(runId, { type: 'clock.pause' }, controller);
    clock += 7_300;
    await repo.append(runId, { type: 'clock.resume' }, controller);
    // Nobody ticked for a minute (a reload): 2 and 3 are overdue, not delivered behind the controller's back.
    clock = START + 7_300 + 60_000;
    const late = await repo.deliverDue(runId, clock, controller);
    expect(late.delivered).toEqual([]);
    expect(late.overdue.map((d) => [d.inject.no, d.plannedAt])).toEqual([
      ['2', START + 10_000 + 7_300],
      ['3', START + 20_000 + 7_300],
    ]);
    const run = await repo.load(runId);
    expect(statusOf(run!.snapshot)).toBe('running');
  });

  it('lets only the director declare ENDEX, keeps the journal, and a rerun starts a new run', async () => {
    const runId = await startedRun();
    const refused = await rejection(repo.append(runId, { type: 'run.endex' }, controller));
    expect(refused.code).toBe('drill.refused');
    await repo.append(runId, { type: 'run.endex' }, director);
    const ended = await repo.load(runId);
    expect(statusOf(ended!.snapshot)).toBe('ended');
    expect((await db.drillRuns.get(runId))?.status).toBe('ended');
    await rejection(repo.append(runId, { type: 'note', text: '补记', injectId: null }, controller));
    const rerun = await repo.createRun(ended!.run.scenarioId, director.personId, controller);
    expect(rerun).not.toBe(runId);
    // comms, speed, start, the T+0 inject that went out with the start, ENDEX.
    const journal = await db.drillJournal
      .where('[runId+seq]')
      .between([runId, 0], [runId, Infinity])
      .toArray();
    expect(journal.map((row) => row.event.type)).toEqual([
      'comms.checked',
      'clock.speed',
      'clock.start',
      'inject.deliver',
      'run.endex',
    ]);
  });

  it('aborts only with a reason, and audits it', async () => {
    const runId = await startedRun();
    await rejection(repo.append(runId, { type: 'run.abort', reason: '  ' }, controller));
    await repo.append(runId, { type: 'run.abort', reason: '辖区发生真实火情' }, controller);
    expect((await db.drillRuns.get(runId))?.status).toBe('aborted');
    const audit = await db.audit.where('[entity+entityId]').equals(['drillRun', runId]).toArray();
    expect(audit.map((a) => a.summary)).toContain('中止：辖区发生真实火情');
  });
});

describe('double-blind (双盲)', () => {
  it('seals a scenario by passphrase: kept through edits, opened only by it, removed only with it', async () => {
    const id = await repo.saveScenario({ ...SCENARIO, blind: 'doubleBlind' }, controller);
    expect(await rejection(repo.sealScenario(id, '12345', controller))).toMatchObject({
      code: 'invalidInput',
      params: { message: 'passphraseShort' },
    });
    await repo.sealScenario(id, '海燕-0917', controller);
    expect(await rejection(repo.sealScenario(id, 'another-one', controller))).toMatchObject({
      code: 'drill.alreadySealed',
    });
    await repo.saveScenario({ ...SCENARIO, blind: 'doubleBlind', title: '改名' }, controller, id);
    const sealed = await repo.getScenario(id);
    expect(sealed?.title).toBe('改名');
    expect(JSON.stringify(sealed?.seal)).not.toContain('海燕');
    expect(await opensSeal(sealed!.seal!, '海燕-0917')).toBe(true);
    expect(await opensSeal(sealed!.seal!, 'wrong-guess')).toBe(false);

    // A run freezes the seal with the script: its console is locked too.
    const runId = await repo.createRun(id, director.personId, controller);
    expect((await repo.load(runId))?.scenario.seal).toEqual(sealed?.seal);

    expect(await rejection(repo.unsealScenario(id, 'wrong-guess', controller))).toMatchObject({
      code: 'drill.wrongPassphrase',
    });
    expect((await repo.getScenario(id))?.seal).toBeDefined();
    await repo.unsealScenario(id, '海燕-0917', controller);
    expect((await repo.getScenario(id))?.seal).toBeUndefined();
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(
      expect.arrayContaining(['seal', 'unseal']),
    );
  });

  it('fires an armed start at the drawn moment from the ticker, late if the console was closed', async () => {
    const scenarioId = await repo.saveScenario({ ...SCENARIO, blind: 'doubleBlind' }, controller);
    const runId = await repo.createRun(scenarioId, director.personId, controller);
    await repo.append(runId, { type: 'comms.checked' }, controller);
    const fireAt = START + 47 * MIN;
    await repo.append(runId, { type: 'start.arm', from: START, to: START + 60 * MIN, fireAt }, controller);

    clock = fireAt - 1;
    await repo.deliverDue(runId, clock, controller);
    expect((await repo.getRun(runId))?.status).toBe('ready');

    // Nobody ticked at 47 minutes: the console reopened at 52.
    clock = START + 52 * MIN;
    await repo.deliverDue(runId, clock, controller);
    const loaded = await repo.load(runId);
    expect(loaded?.run.status).toBe('running');
    expect(loaded?.snapshot.context.randomStart).toEqual({
      from: START,
      to: START + 60 * MIN,
      plannedAt: fireAt,
      at: START + 52 * MIN,
    });
    // The script runs from the real start: the first inject (T+0) goes out on the next tick.
    const tick = await repo.deliverDue(runId, clock, controller);
    expect(tick.delivered.map((d) => d.inject.id)).toEqual(['i1']);
  });

  it('keeps the 拉动 list in the journal, refusing records out of order', async () => {
    const runId = await startedRun();
    clock += MIN;
    await repo.append(
      runId,
      { type: 'callout.record', unit: '区消防救援大队', stage: 'notified', observedAt: clock },
      controller,
    );
    const refused = await rejection(
      repo.append(
        runId,
        { type: 'callout.record', unit: '蓝天救援队', stage: 'arrived', observedAt: clock },
        controller,
      ),
    );
    expect(refused).toMatchObject({ code: 'drill.refused' });
    clock += 12 * MIN;
    await repo.append(
      runId,
      { type: 'callout.record', unit: '区消防救援大队', stage: 'arrived', observedAt: clock },
      controller,
    );
    const state = (await repo.load(runId))?.snapshot.context;
    expect(state?.callout).toEqual({
      区消防救援大队: {
        notifiedAt: START + MIN,
        acknowledgedAt: START + 13 * MIN,
        arrivedAt: START + 13 * MIN,
      },
    });
  });
});
