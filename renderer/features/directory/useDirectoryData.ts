import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Person, Position, Unit } from '@shared/domain/org/types';
import { useServices } from '../../services/services';

export interface DirectoryData {
  loaded: boolean;
  units: Unit[];
  positions: Position[];
  people: Person[];
  unitById: Map<string, Unit>;
  positionById: Map<string, Position>;
}

/** The whole directory, live: a write from any screen or window shows up here without a refresh. */
export function useDirectoryData(): DirectoryData {
  const { directory } = useServices();
  const units = useLiveQuery(() => directory.listUnits(), [directory]);
  const positions = useLiveQuery(() => directory.listPositions(), [directory]);
  const people = useLiveQuery(() => directory.listPeople(), [directory]);
  const loaded = units !== undefined && positions !== undefined && people !== undefined;
  if (loaded && performance.getEntriesByName('directory-data').length === 0)
    performance.mark('directory-data');
  return useMemo(
    () => ({
      loaded,
      units: units ?? [],
      positions: positions ?? [],
      people: people ?? [],
      unitById: new Map((units ?? []).map((u) => [u.id, u])),
      positionById: new Map((positions ?? []).map((p) => [p.id, p])),
    }),
    [loaded, units, positions, people],
  );
}
