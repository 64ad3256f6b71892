/**
 * A long run for the 参演人员 screen's tests: 35 injects, one every scenario minute at ×60, every one
 * delivered on time, written through the app's own repository into the database a rendered app has opened.
 */
import type { Actor } from '@shared/domain/org/types';
import { EmergencyDeskDatabase } from '../../renderer/db/database';
import { createDrillRepository } from '../../renderer/db/repositories/drill-repository';

/** 崔伟 of the sample office, as the run's 总指挥. */
const DIRECTOR: Actor = {
  personId: '00000000-0000-4000-8000-000000030054',
  name: '崔伟',
  positionId: '00000000-0000-4000-8000-000000020006',
  positionName: '值班员',
};
const START = Date.parse('2026-12-05T09:00:00+08:00');
export const LONG_RUN_INJECTS = 35;

/** A run at ×60 with an inject every scenario minute, every one delivered on time. */
export async function longRunDelivered(databaseName: string): Promise<string> {
  const db = new EmergencyDeskDatabase(databaseName);
  const drills = createDrillRepository(db, () => START);
  const scenarioId = await drills.saveScenario(
    {
      title: '长时推演',
      form: 'tabletop',
      scope: 'single',
      purpose: 'inspection',
      injects: Array.from({ length: LONG_RUN_INJECTS }, (_, i) => ({
        id: `i${i + 1}`,
        no: String(i + 1),
        offsetMs: (i + 1) * 60_000,
        synopsis: `第${i + 1}条情况`,
        text: `情况通报 ${i + 1}`,
      })),
    },
    DIRECTOR,
  );
  const runId = await drills.createRun(scenarioId, DIRECTOR.personId, DIRECTOR);
  await drills.append(runId, { type: 'comms.checked' }, DIRECTOR);
  await drills.append(runId, { type: 'clock.speed', speed: 60 }, DIRECTOR);
  await drills.append(runId, { type: 'clock.start' }, DIRECTOR);
  for (let i = 1; i <= LONG_RUN_INJECTS; i++) await drills.deliverDue(runId, START + i * 1_000, DIRECTOR);
  db.close();
  return runId;
}
