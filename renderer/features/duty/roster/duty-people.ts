import type { Person } from '@shared/domain/org/types';
import type { DirectoryData } from '../../directory/useDirectoryData';

/** The position whose holders lead a shift: named by the field's term, as the sample directory has it. */
export const LEADER_POSITION = '带班领导';

/** `search` holds what the search box matches: name, unit, pinyin and phones (the person's searchText). */
export interface PersonOption {
  value: string;
  label: string;
  search: string;
}

export interface DutyPeople {
  leaderOptions: PersonOption[];
  officerOptions: PersonOption[];
  nameOf: (id: string) => string;
}

function option(directory: DirectoryData, person: Person): PersonOption {
  const label = `${person.name}（${directory.unitById.get(person.unitId)?.name ?? ''}）`;
  return { value: person.id, label, search: `${label} ${person.searchText}` };
}

/**
 * Who may lead a shift (holders of 带班领导) and who may stand it (holders of any duty position first, then
 * everyone else: an office short of staff rosters whoever it has).
 */
export function dutyPeople(directory: DirectoryData): DutyPeople {
  const leaderIds = new Set(directory.positions.filter((p) => p.name === LEADER_POSITION).map((p) => p.id));
  const dutyIds = new Set(
    directory.positions.filter((p) => p.category === 'duty' && !leaderIds.has(p.id)).map((p) => p.id),
  );
  const holds = (person: Person, ids: Set<string>) => person.positionIds.some((id) => ids.has(id));
  const byId = new Map(directory.people.map((p) => [p.id, p]));
  return {
    leaderOptions: directory.people.filter((p) => holds(p, leaderIds)).map((p) => option(directory, p)),
    officerOptions: [
      ...directory.people.filter((p) => holds(p, dutyIds)),
      ...directory.people.filter((p) => !holds(p, dutyIds)),
    ].map((p) => option(directory, p)),
    nameOf: (id) => byId.get(id)?.name ?? id,
  };
}
