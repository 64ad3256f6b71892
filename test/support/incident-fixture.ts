/**
 * The services over a fresh fake-indexeddb database with the sample typhoon plan published: for renderer
 * tests of what writes into incidents from outside the console, which may not open the database themselves
 * (only renderer/db may).
 */
import { EmergencyDeskDatabase } from '../../renderer/db/database';
import type { Platform } from '../../renderer/platform/desktop';
import { createServices } from '../../renderer/services/services';
import { publishSamplePlan } from './plan-driver';

export async function openIncidentFixture(options: { platform: Platform; now: () => number }) {
  const db = new EmergencyDeskDatabase(`incident-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  return { services: createServices(db, options.platform, options.now), drop: () => db.delete() };
}
