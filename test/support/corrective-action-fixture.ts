/**
 * One open corrective action in a fresh fake-indexeddb database, with the real repositories: for renderer
 * tests of the 整改台账 screens, which may not open the database themselves (only renderer/db may).
 */
import type { Actor, Person } from '@shared/domain/org/types';
import { EmergencyDeskDatabase } from '../../renderer/db/database';
import { createCorrectiveActionRepository } from '../../renderer/db/repositories/corrective-action-repository';
import { createDrillRepository } from '../../renderer/db/repositories/drill-repository';

export async function openActionFixture(actor: Actor, now: () => number) {
  const db = new EmergencyDeskDatabase(`actions-${crypto.randomUUID()}`);
  await db.open();
  const drills = createDrillRepository(db, now);
  const actions = createCorrectiveActionRepository(db, now);
  await db.people.add({ id: actor.personId, name: actor.name } as Person);
  const scenarioId = await drills.saveScenario(
    {
      title: '台风防御桌面推演',
      form: 'tabletop',
      scope: 'single',
      purpose: 'inspection',
      injects: [{ id: 'i1', no: '1', offsetMs: 0, synopsis: '预警', text: '气象台发布台风蓝色预警。' }],
    },
    actor,
  );
  const runId = await drills.createRun(scenarioId, actor.personId, actor);
  const id = await actions.create(
    {
      runId,
      issue: '预警信息未及时转发街道',
      measure: '修订预警转发流程',
      responsibleUnit: '区应急管理局',
      responsiblePerson: '江天成',
      deadlineDate: '2026-06-20',
    },
    actor,
  );
  return { actions, id, drop: () => db.delete() };
}
