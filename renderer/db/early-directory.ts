/**
 * The directory as public/early-probe.js read it while the bundle loaded. The home screen shows it on its
 * first render; its live queries then take over. Handed out once: later screens read the database itself.
 */
import type { Person, Position, Unit } from '@shared/domain/org/types';

export interface EarlyDirectory {
  units: Unit[];
  positions: Position[];
  people: Person[];
}

declare global {
  interface Window {
    edEarlyDirectory?: Promise<EarlyDirectory | null> | undefined;
  }
}

let settled: EarlyDirectory | null = null;

/** Waits until the early read has finished and closed its connection; keeps what it read. */
export async function settleEarlyDirectory(): Promise<void> {
  if (typeof window === 'undefined' || !window.edEarlyDirectory) return;
  const pending = window.edEarlyDirectory;
  window.edEarlyDirectory = undefined;
  settled = await pending.catch(() => null);
}

export function hasEarlyDirectory(): boolean {
  return settled !== null;
}

export function takeEarlyDirectory(): EarlyDirectory | null {
  const early = settled;
  settled = null;
  return early;
}
