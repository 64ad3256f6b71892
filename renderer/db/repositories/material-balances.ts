/**
 * The balances of some materials as their ledgers have them: the cached rows and the openings not posted yet
 * (stock-opening.ts). The one read of a set of materials' stock, for the repository and the search worker.
 */
import type { Material } from '@shared/domain/resources/resource-types';
import type { StockBalance } from '@shared/domain/resources/stock-ledger';
import { currentBalances } from '@shared/domain/resources/stock-opening';
import type { EmergencyDeskDatabase } from '../database';

/** Read in the caller's transaction, if it has one: it must take stockBalances. */
export async function readMaterialBalances(
  db: EmergencyDeskDatabase,
  materials: readonly Material[],
): Promise<StockBalance[]> {
  const cached = await db.stockBalances
    .where('materialId')
    .anyOf(materials.map((m) => m.id))
    .toArray();
  return currentBalances(materials, cached);
}
