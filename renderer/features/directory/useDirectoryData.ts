import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
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
  // The first render of the home screen uses what was read while the app loaded; the live queries follow.
  const [early] = useState(() => directory.takeEarly());
  const units = useLiveQuery(() => directory.listUnits(), [directory], early?.units);
  const positions = useLiveQuery(() => directory.listPositions(), [directory], early?.positions);
  const people = useLiveQuery(() => directory.listPeople(), [directory], early?.people);
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

/** People as a searchable select lists them: 姓名（单位）. */
export function personOptions(directory: DirectoryData): { value: string; label: string }[] {
  return directory.people.map((p) => ({
    value: p.id,
    label: `${p.name}（${directory.unitById.get(p.unitId)?.name ?? ''}）`,
  }));
}
