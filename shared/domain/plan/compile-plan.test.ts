import { describe, expect, it } from 'vitest';
import { as, samplePlan, startPlan } from '../../../test/support/plan-driver';

describe('a compiled typhoon plan (warning colour + storm category, signers per level)', () => {
  it('proposes Ⅳ on an orange warning with a tropical storm, and only a signer commits it', () => {
    const run = startPlan(samplePlan('sample-typhoon'));
    run.warn('台风', 'orange');
    expect(run.snapshot().matches({ lifecycle: 'warning' })).toBe(true);
    expect(run.proposal()).toBeNull();

    run.observe('windScale', 9);
    expect(run.proposal()).toMatchObject({ level: 'IV', source: 'triggers' });
    expect(run.proposal()!.reasons[0]).toContain('台风预警 橙色（二级）');

    const byDutyOfficer = { type: 'level.approve', level: 'IV', at: run.now, by: as.dutyOfficer } as const;
    expect(run.snapshot().can(byDutyOfficer)).toBe(false);
    run.send(byDutyOfficer);
    expect(run.level()).toBeNull();

    run.approve('IV', as.secretary, { expectedDurationHours: 12 });
    const snapshot = run.snapshot();
    expect(snapshot.matches({ lifecycle: { response: 'IV' } })).toBe(true);
    expect(snapshot.hasTag('level.IV')).toBe(true);
    const [activation] = snapshot.context.activations;
    expect(activation).toMatchObject({
      level: 'IV',
      matter: '示范区防台风Ⅳ级应急响应',
      expectedDurationHours: 12,
      signatures: [{ roleId: 'secretary', actor: as.secretary }],
    });
    expect(activation!.measures).toHaveLength(5);
    expect(snapshot.context.tasks.filter((t) => t.level === 'IV')).toHaveLength(5);
    expect(snapshot.context.tasks[0]).toMatchObject({
      level: null,
      text: '指挥部办公室跟踪台风路径，组织会商',
    });
  });

  it('a signer of Ⅳ cannot sign Ⅰ; the commander can, and Ⅰ issues every lower level’s actions once', () => {
    const run = startPlan(samplePlan('sample-typhoon'));
    run.warn('台风', 'orange');
    run.observe('windScale', 9);
    run.approve('IV', as.secretary);
    const issuedAtIV = run.snapshot().context.tasks.length;

    run.warn('台风', 'red');
    run.observe('windScale', 16);
    expect(run.proposal()).toMatchObject({ level: 'I' });
    expect(run.snapshot().can({ type: 'level.approve', level: 'I', at: run.now, by: as.secretary })).toBe(
      false,
    );
    expect(run.snapshot().can({ type: 'level.approve', level: 'I', at: run.now, by: as.deputy })).toBe(false);
    run.approve('I', as.commander);
    expect(run.level()).toBe('I');
    const tasks = run.snapshot().context.tasks;
    expect(new Set(tasks.map((t) => t.actionId)).size).toBe(tasks.length);
    expect(tasks.length).toBe(issuedAtIV + 3 + 3 + 2);
  });
});

describe('a compiled flood plan (the office recommends, a leader approves)', () => {
  it('needs the recommendation first', () => {
    const run = startPlan(samplePlan('sample-flood'));
    run.observe('rainfall24h', 120);
    expect(run.proposal()?.level).toBe('IV');
    run.approve('IV', as.secretary);
    expect(run.level()).toBeNull();

    expect(
      run.snapshot().can({ type: 'level.recommend', level: 'IV', note: '', at: run.now, by: as.dutyOfficer }),
    ).toBe(false);
    run.recommend('IV', as.office);
    run.approve('IV', as.secretary);
    expect(run.level()).toBe('IV');
    expect(run.snapshot().context.activations[0]!.recommendation).toMatchObject({
      roleId: 'office',
      actor: as.office,
    });
  });

  it('a declined proposal is not proposed again by the clock, but is by new facts', () => {
    const run = startPlan(samplePlan('sample-flood'));
    run.observe('rainfall24h', 120);
    run.decline('IV', as.secretary, '雨势减弱');
    expect(run.proposal()).toBeNull();
    run.advance('10m');
    expect(run.proposal()).toBeNull();
    run.observe('riverLevel', 4.8);
    expect(run.proposal()?.level).toBe('IV');
  });

  it('terminates only with its condition and by its approver, then goes through aftermath to closed', () => {
    const run = startPlan(samplePlan('sample-flood'));
    run.observe('rainfall24h', 160);
    run.recommend('III', as.office);
    run.approve('III', as.deputy);
    expect(run.level()).toBe('III');

    run.terminate(as.deputy);
    expect(run.snapshot().matches({ lifecycle: 'terminated' })).toBe(false);
    run.observe('situationControlled', true);
    run.terminate(as.secretary);
    expect(run.snapshot().matches({ lifecycle: 'terminated' })).toBe(false);
    run.terminate(as.deputy);
    expect(run.snapshot().matches({ lifecycle: 'terminated' })).toBe(true);

    run.send({ type: 'aftermath.begin', at: run.now, by: as.office });
    run.send({ type: 'case.close', summary: '善后评估完成', at: run.now, by: as.office });
    expect(run.snapshot().matches({ lifecycle: 'closed' })).toBe(true);
    const journalLength = run.snapshot().context.journal.length;
    run.observe('rainfall24h', 500);
    expect(run.snapshot().context.journal.length).toBe(journalLength);
  });
});

describe('a compiled hazardous-chemicals plan (elapsed time, 提级, joint signing, adjustment)', () => {
  it('proposes Ⅲ exactly 4 h after the accident while not under control (2 h in a sensitive period)', () => {
    for (const [sensitive, limit] of [
      [false, '240m'],
      [true, '120m'],
    ] as const) {
      const run = startPlan(samplePlan('sample-hazmat'));
      run.observe('accidentAt', run.now);
      if (sensitive) run.observe('sensitivePeriod', true);
      run.observe('deaths', 1);
      run.approve('IV', as.secretary);
      expect(run.level()).toBe('IV');
      const limitMinutes = Number(limit.replace('m', ''));
      run.advance(`${limitMinutes - 1}m`);
      expect(run.proposal()).toBeNull();
      run.advance('1m');
      expect(run.proposal()).toMatchObject({ level: 'III' });
      expect(run.proposal()!.reasons[0]).toMatch(/^自事故发生起 \d小时，仍未得到有效控制/);
    }
  });

  it('a late tick (after sleep) still proposes what is due', () => {
    const run = startPlan(samplePlan('sample-hazmat'));
    run.observe('accidentAt', run.now);
    run.advance('9h');
    expect(run.proposal()?.level).toBe('III');
  });

  it('提级 needs a reason, and the raised level is signed like any other', () => {
    const run = startPlan(samplePlan('sample-hazmat'));
    run.observe('deaths', 1);
    run.approve('IV', as.secretary);
    const noReason = {
      type: 'level.raise',
      level: 'III',
      basis: 'sensitive',
      reason: ' ',
      at: run.now,
      by: as.office,
    } as const;
    expect(run.snapshot().can(noReason)).toBe(false);
    run.raise('III', as.office, '事故发生在全国重要会议期间，社会关注度高', 'majorEvent');
    expect(run.proposal()).toMatchObject({ level: 'III', source: 'discretionary', basis: 'majorEvent' });
    run.advance('1m');
    expect(run.proposal()?.source).toBe('discretionary');
    run.approve('III', as.secretary);
    expect(run.level()).toBe('III');
    expect(run.snapshot().context.activations[1]!.reasons[0]).toContain('重要会议或重大活动期间');
  });

  it('a signer who holds two of the signing roles signs once', () => {
    const run = startPlan(samplePlan('sample-hazmat'));
    run.observe('deaths', 1);
    run.approve('IV', as.secretary);
    expect(run.snapshot().context.activations[0]!.signatures).toHaveLength(1);
  });

  it('Ⅰ needs both the commander and the deputy (会签)', () => {
    const run = startPlan(samplePlan('sample-hazmat'));
    run.observe('deaths', 31);
    run.recommend('I', as.office);
    run.approve('I', as.commander);
    expect(run.level()).toBeNull();
    expect(run.proposal()!.signatures).toHaveLength(1);
    expect(run.snapshot().can({ type: 'level.approve', level: 'I', at: run.now, by: as.commander })).toBe(
      false,
    );
    run.approve('I', as.deputy);
    expect(run.level()).toBe('I');
    expect(run.snapshot().context.activations[0]!.signatures.map((s) => s.roleId)).toEqual([
      'commander',
      'deputy',
    ]);
  });

  it('steps down only when the condition holds, with a reason, by the level’s approver', () => {
    const run = startPlan(samplePlan('sample-hazmat'));
    run.observe('deaths', 4);
    run.approve('III', as.secretary);
    run.stepDown('IV', as.secretary);
    expect(run.level()).toBe('III');
    run.observe('controlled', true);
    run.stepDown('IV', as.dutyOfficer);
    run.stepDown('IV', as.secretary, '');
    expect(run.level()).toBe('III');
    run.stepDown('IV', as.secretary);
    expect(run.level()).toBe('IV');
    expect(run.snapshot().matches({ lifecycle: { response: 'IV' } })).toBe(true);
  });
});

describe('warning notices (Art. 64)', () => {
  it('keeps what each warning in force says, and drops it when lifted', () => {
    const run = startPlan(samplePlan('sample-typhoon'));
    const notice = {
      area: '新港街道、青石街道沿海',
      issuer: '区三防指挥部',
      startsAt: run.now,
      content: '台风“海燕”将于明日登陆',
      measures: ['渔船回港避风'],
    };
    run.send({
      type: 'warning.issue',
      warningType: '台风',
      level: 'orange',
      notice,
      at: run.now,
      by: as.dutyOfficer,
    });
    expect(run.snapshot().context.warningNotices['台风']).toMatchObject({
      ...notice,
      level: 'orange',
      issuedBy: as.dutyOfficer,
    });
    expect(run.snapshot().context.journal.at(-1)!.why).toBe(
      '区三防指挥部发布台风橙色（二级）预警：新港街道、青石街道沿海；台风“海燕”将于明日登陆',
    );
    run.lift('台风');
    expect(run.snapshot().context.warningNotices).toEqual({});
  });
});

describe('四个一', () => {
  it('is mobilised only when all four are in place', () => {
    const run = startPlan(samplePlan('sample-hazmat'));
    const at = () => ({ at: run.now, by: as.office });
    run.send({
      type: 'fourOnes.leader',
      personId: as.deputy.personId,
      name: '彭新浩',
      unitId: 'u',
      unitName: '示范区应急管理局',
      ...at(),
    });
    run.send({ type: 'fourOnes.taskForce', members: [{ personId: 'p', name: '刘志蓉' }], ...at() });
    run.send({ type: 'fourOnes.specialPlan', title: '某化工厂泄漏事故处置方案', ...at() });
    expect(run.snapshot().hasTag('mobilised')).toBe(false);
    run.send({ type: 'fourOnes.taskForce', members: [], ...at() });
    run.send({ type: 'fourOnes.channel', personId: 'x', name: '孔德超', ...at() });
    expect(run.snapshot().hasTag('mobilised')).toBe(true);
    expect(run.snapshot().context.journal.at(-1)).toMatchObject({
      event: 'fourOnes.mobilised',
      to: 'fourOnes.mobilised',
    });
  });
});

describe('the journal', () => {
  it('records who, when, from, to and why, and emits every entry', () => {
    const run = startPlan(samplePlan('sample-typhoon'));
    run.warn('台风', 'orange', as.dutyOfficer);
    run.observe('windScale', 9);
    run.advance('5m');
    run.approve('IV', as.secretary);
    const journal = run.snapshot().context.journal;
    expect(journal.map((e) => [e.event, e.from, e.to])).toEqual([
      ['warning.issue', 'monitoring', 'warning'],
      ['observation.record', 'warning', 'warning'],
      ['level.propose', 'warning', 'warning'],
      ['level.approve', 'warning', 'response.IV'],
    ]);
    expect(journal[2]).toMatchObject({ by: null, event: 'level.propose' });
    expect(journal[3]).toMatchObject({ by: as.secretary, at: run.now, seq: 4 });
    expect(journal[3]!.why).toMatch(/^批准启动Ⅳ级响应：/);
    expect(run.emitted).toEqual(journal);
  });
});
