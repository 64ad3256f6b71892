/**
 * The services over a fresh fake-indexeddb database with a director, one published plan and a signed-in
 * evaluator: for renderer tests of the 评估报告, which may not open the database themselves (only renderer/db
 * may).
 */
import type { Actor, Person } from '@shared/domain/org/types';
import { EmergencyDeskDatabase } from '../../renderer/db/database';
import type { PlanRecord } from '../../renderer/db/records';
import type { Platform } from '../../renderer/platform/desktop';
import { createServices } from '../../renderer/services/services';

export async function openReportFixture(options: {
  platform: Platform;
  now: () => number;
  director: Actor;
  signedIn: Actor;
  plan: { id: string; version: number; title: string };
}) {
  const db = new EmergencyDeskDatabase(`report-${crypto.randomUUID()}`);
  await db.open();
  const services = createServices(db, options.platform, options.now);
  // The director ends the run: the desk's roles ask for 导调人员 (issue 8).
  await db.people.add({
    id: options.director.personId,
    name: options.director.name,
    roles: ['controller'],
  } as Person);
  await db.plans.add({
    id: options.plan.id,
    version: options.plan.version,
    status: 'published',
    meta: { title: options.plan.title },
  } as PlanRecord);
  await db.settings.put({ key: 'session', value: { actor: options.signedIn, since: options.now() } });
  return { services, drop: () => db.delete() };
}
