import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_REPORT_RULES } from '@shared/domain/incident/report-deadlines';
import type { Actor } from '@shared/domain/org/types';
import { EmergencyDeskDatabase } from '../database';
import { createDirectoryRepository } from './directory-repository';
import { createSettingsRepository, type SettingsRepository } from './settings-repository';

const admin: Actor = { personId: 'x', name: '管理员', positionId: 'y', positionName: '值班员' };
let db: EmergencyDeskDatabase;
let settings: SettingsRepository;
let ids: { zhang: string; li: string; duty: string; lead: string };

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`settings-${crypto.randomUUID()}`);
  await db.open();
  const directory = createDirectoryRepository(db);
  let clock = 1_000;
  settings = createSettingsRepository(db, () => clock++);
  const unitId = await directory.saveUnit(
    { name: '区应急管理局', kind: 'emergencyDept', parentId: null },
    null,
    admin,
  );
  const duty = await directory.savePosition({ name: '值班员', category: 'duty' }, null, admin);
  const lead = await directory.savePosition({ name: '带班领导', category: 'duty' }, null, admin);
  const zhang = await directory.savePerson(
    { name: '张三', unitId, mobile: '13800138000', positionIds: [duty] },
    null,
    admin,
  );
  const li = await directory.savePerson(
    { name: '李四', unitId, mobile: '13800138001', positionIds: [lead] },
    null,
    admin,
  );
  await directory.setPin(li, '4321', admin);
  ids = { zhang, li, duty, lead };
});
afterEach(async () => {
  await db.delete();
});

describe('session (sign in to a position)', () => {
  it('signs in, survives a reopen, and records each shift change', async () => {
    await settings.signIn(ids.zhang, ids.duty, '');
    db.close();
    await db.open();
    expect((await settings.getSession())?.actor).toMatchObject({ name: '张三', positionName: '值班员' });

    await settings.signIn(ids.li, ids.lead, '4321');
    expect((await settings.getSession())?.actor.name).toBe('李四');
    const signIns = await db.audit
      .where('[entity+entityId]')
      .between(['session', ''], ['session', '\uffff'])
      .sortBy('at');
    expect(signIns.map((a) => a.summary)).toEqual(['张三（值班员）', '张三 → 李四（带班领导）']);

    await settings.signOut();
    expect(await settings.getSession()).toBeNull();
  });

  it('refuses a wrong PIN and keeps the previous session', async () => {
    await settings.signIn(ids.zhang, ids.duty, '');
    await expect(settings.signIn(ids.li, ids.lead, '0000')).rejects.toMatchObject({ code: 'pinWrong' });
    expect((await settings.getSession())?.actor.name).toBe('张三');
  });

  it('keeps install settings', async () => {
    expect(await settings.getInstallSettings()).toEqual({ jurisdictionName: '', ownUnitId: null });
    await settings.saveInstallSettings({ jurisdictionName: ' 示范区 ', ownUnitId: 'u1' }, admin);
    expect(await settings.getInstallSettings()).toEqual({ jurisdictionName: '示范区', ownUnitId: 'u1' });
  });
});

describe('信息报送时限规则', () => {
  it('are the sample rules until a set is saved; a saved set survives a reopen and is audited; reset forgets it', async () => {
    expect(await settings.getReportRules()).toEqual({ rules: [...SAMPLE_REPORT_RULES], isSample: true });
    const rules = SAMPLE_REPORT_RULES.map((r) => (r.id === 'phone-major' ? { ...r, withinMinutes: 10 } : r));
    await settings.saveReportRules(rules, admin);
    db.close();
    await db.open();
    expect(await settings.getReportRules()).toEqual({ rules, isSample: false });
    await settings.resetReportRules(admin);
    expect((await settings.getReportRules()).isSample).toBe(true);
    const audit = await db.audit.where('[entity+entityId]').equals(['settings', 'reportRules']).sortBy('at');
    expect(audit.map((a) => [a.action, a.actor?.name, a.summary])).toEqual([
      [
        'update',
        '管理员',
        '信息报送时限规则6条：书面初报（事发单位报县级）60分钟，电话初报（较大）30分钟，书面初报（较大）60分钟，电话初报（重大及以上）10分钟，书面初报（重大及以上）30分钟',
      ],
      ['reset', '管理员', '信息报送时限规则恢复为示例规则'],
    ]);
  });

  it('refuses a bad set with the field that is wrong, and keeps what was stored', async () => {
    const first = SAMPLE_REPORT_RULES[0]!;
    await settings.saveReportRules([first], admin);
    await expect(settings.saveReportRules([{ ...first, withinMinutes: 2000 }], admin)).rejects.toMatchObject({
      code: 'invalidInput',
      params: { field: '0.withinMinutes', message: 'minutesRange' },
    });
    await expect(settings.saveReportRules([{ ...first, kind: 'followUp' }], admin)).rejects.toMatchObject({
      params: { message: 'initialRuleRequired' },
    });
    expect(await settings.getReportRules()).toEqual({ rules: [first], isSample: false });
    expect(await db.audit.where('[entity+entityId]').equals(['settings', 'reportRules']).count()).toBe(1);
  });
});
