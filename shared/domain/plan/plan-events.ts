/**
 * Events a running plan accepts. Every event carries `at` from the caller's clock (epoch ms); every event a
 * person causes carries `by`, the person signed in at the keyboard, so the journal can name them.
 */
import type { Actor } from '../org/types';
import type { ResponseLevel, WarningLevel } from './levels';
import type { RaiseBasis } from './plan-schema';
import type { JournalEntry, WarningNotice } from './plan-context';

interface By {
  at: number;
  by: Actor;
}

export type PlanEvent =
  | ({ type: 'observation.record'; key: string; value: number | boolean } & By)
  | ({ type: 'warning.issue'; warningType: string; level: WarningLevel; notice?: WarningNotice } & By)
  | ({ type: 'warning.lift'; warningType: string } & By)
  | ({ type: 'order.receive'; level: ResponseLevel; from: string } & By)
  | { type: 'time.tick'; at: number }
  | ({ type: 'level.recommend'; level: ResponseLevel; note: string } & By)
  | ({ type: 'level.raise'; level: ResponseLevel; basis: RaiseBasis; reason: string } & By)
  | ({ type: 'level.approve'; level: ResponseLevel; matter?: string; expectedDurationHours?: number } & By)
  | ({ type: 'level.decline'; level: ResponseLevel; reason: string } & By)
  | ({ type: 'level.stepDown'; level: ResponseLevel; reason: string } & By)
  | ({ type: 'response.terminate'; reason: string } & By)
  | ({ type: 'aftermath.begin' } & By)
  | ({ type: 'case.close'; summary: string } & By)
  | ({ type: 'fourOnes.leader'; personId: string; name: string; unitId: string; unitName: string } & By)
  | ({ type: 'fourOnes.taskForce'; members: { personId: string; name: string }[] } & By)
  | ({ type: 'fourOnes.specialPlan'; title: string } & By)
  | ({ type: 'fourOnes.channel'; personId: string; name: string } & By);

export type PlanEventType = PlanEvent['type'];

export type PlanEmitted = { type: 'journal'; entry: JournalEntry };
