import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import type { ResourceAlert } from '@shared/domain/resources/resource-alerts';
import { EmergencyDeskDatabase } from './database';
import { createResourceRepository, type ResourceRepository } from './repositories/resource-repository';
import { createAlertsSession, type AlertsReport, type AlertsSession } from './resource-alerts-session';

const keeper: Actor = { personId: 'p0', name: '崔伟', positionId: 'pos0', positionName: '物资保管员' };
const DAY = 86_400_000;
/** The page's clock: a day the system clock of this machine is not on, as in the e2e tests. */
const PAGE_NOW = Date.parse('2026-11-23T09:00:00+08:00');

let page: EmergencyDeskDatabase;
let resources: ResourceRepository;
let reports: AlertsReport[];
let session: AlertsSession;

beforeEach(async () => {
  page = new EmergencyDeskDatabase(`alerts-${crypto.randomUUID()}`);
  await page.open();
  resources = createResourceRepository(page, () => PAGE_NOW);
  reports = [];
  session = createAlertsSession((report) => reports.push(report));
});
afterEach(async () => {
  session.handle({ type: 'close' });
  await page.delete();
});

async function waitFor(isDone: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !isDone(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
  if (!isDone()) throw new Error('timed out');
}

/**
 * Waits until the session has posted more than `count` reports; returns the last one's alerts about the
 * material (its warehouse, never counted, also has a stocktake alert throughout).
 */
async function alertsAfter(count: number): Promise<ResourceAlert[]> {
  for (let i = 0; i < 2_000; i += 1) {
    const last = reports.at(-1);
    if (reports.length > count && last) {
      if (last.type === 'failed') throw new Error(`the session failed: ${last.failure.code}`);
      if (!last.view.list) throw new Error('the report has no list');
      return last.view.list.filter((alert) => 'materialId' in alert);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('no alerts came');
}

describe('the alerts session (what the alerts worker runs)', () => {
  it('sends the counts alone until the page asks for the list, then the list with them at once', async () => {
    const store = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, keeper);
    await resources.saveRecord(
      'material',
      { code: '2010101', name: '编织沙袋', unit: '条', warehouseId: store, minimumStock: 100 },
      null,
      keeper,
    );
    session.handle({ type: 'watch', databaseName: page.name, at: PAGE_NOW });
    await waitFor(() => reports.length > 0);
    const counted = reports.at(-1);
    expect(counted).toEqual({
      type: 'alerts',
      view: { counts: expect.objectContaining({ lowStock: 1, stocktakeOverdue: 1 }), total: 2, list: null },
    });

    session.handle({ type: 'list', wanted: true });
    expect(reports).toHaveLength(2);
    expect(reports.at(-1)).toEqual({
      type: 'alerts',
      view: { counts: expect.objectContaining({ lowStock: 1 }), total: 2, list: expect.any(Array) },
    });
  });

  it('works the alerts out on its own connection, hears every write of the page, and follows the page’s clock to the next day', async () => {
    const store = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, keeper);
    const bags = await resources.saveRecord(
      'material',
      { code: '2010101', name: '编织沙袋', unit: '条', warehouseId: store, minimumStock: 100 },
      null,
      keeper,
    );
    session.handle({ type: 'watch', databaseName: page.name, at: PAGE_NOW });
    session.handle({ type: 'list', wanted: true });
    expect((await alertsAfter(0)).map((a) => a.kind)).toEqual(['lowStock']);

    // A batch that expires the day after tomorrow, written by the page: stock is enough, the batch is due.
    const seen = reports.length;
    const expiry = new Date(PAGE_NOW + 2 * DAY).toISOString().slice(0, 10);
    await resources.postStock(
      bags,
      { kind: 'receive', warehouseId: store, batchNo: 'B1', expiryDate: expiry, quantity: 500 },
      {},
      keeper,
    );
    const afterReceipt = await alertsAfter(seen);
    expect(afterReceipt).toEqual([expect.objectContaining({ kind: 'expiring', materialId: bags })]);

    // The page's clock reaches three days later: the batch has expired, so the stock is below its minimum.
    const beforeClock = reports.length;
    session.handle({ type: 'clock', at: PAGE_NOW + 3 * DAY });
    expect((await alertsAfter(beforeClock)).map((a) => a.kind).sort()).toEqual(['expired', 'lowStock']);

    // A reading on the same day changes nothing, and after close nothing more comes.
    const settled = reports.length;
    session.handle({ type: 'clock', at: PAGE_NOW + 3 * DAY + 60_000 });
    session.handle({ type: 'close' });
    await resources.postStock(bags, { kind: 'issue', warehouseId: store, quantity: 10 }, {}, keeper);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reports).toHaveLength(settled);
  });
});
