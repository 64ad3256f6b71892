/**
 * Shelter capacity (容纳人数) = effective area ÷ per-person area. GB 21734-2008 asks for more than 1.5 m² per
 * person; the install's default is configurable and a shelter may set its own. A capacity typed in by hand
 * is kept as an override with its reason, so a printed list can say which figures were not computed.
 */
import type { Shelter } from './resource-types';

export const DEFAULT_PER_PERSON_AREA_M2 = 1.5;

export interface ShelterCapacity {
  capacity: number;
  computed: number;
  overridden: boolean;
  perPersonAreaM2: number;
  /** Free places now; negative when over capacity. */
  free: number;
}

export function shelterCapacity(
  shelter: Pick<Shelter, 'effectiveAreaM2' | 'perPersonAreaM2' | 'capacityOverride' | 'occupancy'>,
  defaultPerPersonAreaM2 = DEFAULT_PER_PERSON_AREA_M2,
): ShelterCapacity {
  const perPersonAreaM2 = shelter.perPersonAreaM2 ?? defaultPerPersonAreaM2;
  const computed = perPersonAreaM2 > 0 ? Math.floor(shelter.effectiveAreaM2 / perPersonAreaM2 + 1e-9) : 0;
  const capacity = shelter.capacityOverride?.value ?? computed;
  return {
    capacity,
    computed,
    overridden: shelter.capacityOverride !== null,
    perPersonAreaM2,
    free: capacity - shelter.occupancy,
  };
}
