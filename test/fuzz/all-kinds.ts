/** Every import kind the desk has, in the order the suite and the bench run them. */
import type { FuzzKind } from './fuzz-kind';
import { backupKind } from './kinds/backup-kind';
import { peopleKind } from './kinds/people-kind';
import { planKind } from './kinds/plan-kind';
import { resourceKind } from './kinds/resource-kind';
import { scriptKind } from './kinds/script-kind';

export const allKinds = (): FuzzKind[] => [
  backupKind(),
  planKind(),
  scriptKind(),
  resourceKind(),
  peopleKind(),
];
