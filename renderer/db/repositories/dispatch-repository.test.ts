import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createDispatchRepository, type DispatchRepository } from './dispatch-repository';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';
import { createResourceRepository, type ResourceRepository } from './resource-repository';

const T0 = Date.parse('2026-11-23T02:00:00+08:00');
let db: EmergencyDeskDatabase;
let incidents: IncidentRepository;
let resources: ResourceRepository;
let dispatches: DispatchRepository;
let clock = T0;
const actor = as.office;

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`dispatch-${crypto.randomUUID()}`);
  await db.open();
  const tick = () => (clock += 1000);
  incidents = createIncidentRepository(db, tick);
  resources = createResourceRepository(db, tick);
  dispatches = createDispatchRepository(db, resources, tick);
});
afterEach(async () => {
  await db.delete();
});

async function setUp() {
  const incidentId = await incidents.open(
    { title: '台风影响滨江村', place: '滨江村', category: 'natural', occurredAt: T0 - 600_000 },
    actor,
  );
  const warehouse = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, actor);
  const bags = await resources.saveRecord(
    'material',
    { code: '2010101', name: '编织沙袋', unit: '条', warehouseId: warehouse },
    null,
    actor,
  );
  await resources.postStock(
    bags,
    { kind: 'receive', warehouseId: warehouse, batchNo: '', expiryDate: null, quantity: 800 },
    {},
    actor,
  );
  const team = await resources.saveRecord(
    'team',
    {
      name: '示范区防汛抢险队',
      type: 'professional',
      field: '防汛抢险',
      headcount: 40,
      readiness: 'standby',
    },
    null,
    actor,
  );
  const shelter = await resources.saveRecord(
    'shelter',
    {
      name: '滨江小学',
      level: 'street',
      type: 'school',
      duration: 'short',
      effectiveAreaM2: 300,
      open: true,
    },
    null,
    actor,
  );
  return { incidentId, bags, team, shelter };
}

describe('dispatch repository', () => {
  it('issues 500 sandbags from stock with a ledger 出库 that names the dispatch, and refuses more than is left', async () => {
    const { incidentId, bags } = await setUp();
    const id = await dispatches.dispatch(
      incidentId,
      { kind: 'material', resourceId: bags, quantity: 500 },
      actor,
    );
    expect((await resources.balancesOf(bags)).reduce((sum, b) => sum + b.quantity, 0)).toBe(300);
    const [dispatch] = await dispatches.list(incidentId);
    const entries = await resources.entriesOf(bags);
    expect(entries.find((e) => e.kind === 'issue')).toMatchObject({ refId: id, party: '台风影响滨江村' });
    expect(dispatch).toMatchObject({ status: 'dispatched', quantity: 500, unit: '条' });

    const refused = await rejection(
      dispatches.dispatch(incidentId, { kind: 'material', resourceId: bags, quantity: 400 }, actor),
    );
    expect(refused.code).toBe('stock.insufficientStock');
    expect(await dispatches.list(incidentId)).toHaveLength(1);
    const incident = (await incidents.get(incidentId))!;
    const [last] = await incidents.logRange(incidentId, incident.logCount, incident.logCount);
    expect(last).toMatchObject({ category: 'resource', text: '调派物资 编织沙袋 500条，已出库' });
  });

  it('marks a dispatched team 出动 and back to 待命 once withdrawn; the status moves only forward', async () => {
    const { incidentId, team } = await setUp();
    const id = await dispatches.dispatch(incidentId, { kind: 'team', resourceId: team }, actor);
    expect((await db.teams.get(team))?.readiness).toBe('deployed');
    await dispatches.setStatus(id, 'enRoute', actor);
    await dispatches.setStatus(id, 'arrived', actor);
    expect((await rejection(dispatches.setStatus(id, 'enRoute', actor))).code).toBe('dispatchStatusNotNow');
    await dispatches.setStatus(id, 'withdrawn', actor);
    expect((await db.teams.get(team))?.readiness).toBe('standby');
    const [dispatch] = await dispatches.list(incidentId);
    expect(dispatch?.history.map((h) => h.status)).toEqual(['dispatched', 'enRoute', 'arrived', 'withdrawn']);
  });

  it('places people in a shelter up to its capacity and frees the places when withdrawn', async () => {
    const { incidentId, shelter } = await setUp();
    // 300 m² at 1.5 m² a person: 200 places.
    const id = await dispatches.dispatch(
      incidentId,
      { kind: 'shelter', resourceId: shelter, quantity: 120 },
      actor,
    );
    expect((await db.shelters.get(shelter))?.occupancy).toBe(120);
    const full = await rejection(
      dispatches.dispatch(incidentId, { kind: 'shelter', resourceId: shelter, quantity: 81 }, actor),
    );
    expect(full.code).toBe('shelterFull');
    expect(full.params).toEqual({ name: '滨江小学', free: 80 });
    await dispatches.setStatus(id, 'withdrawn', actor);
    expect((await db.shelters.get(shelter))?.occupancy).toBe(0);
  });
});
