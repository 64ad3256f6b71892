/**
 * A drill run: one performance of a scenario. It freezes the scenario as it was at the start of the run (a
 * write-once row of its own, `DrillRunScenario`, so the run row the ticker rewrites stays small), so later
 * edits of the scenario never change what this run delivered, and reruns never touch earlier runs. Its state
 * is the replay of its journal rows (numbered per run, append-only) through the drill machine.
 */
import type { Authored } from '../org/types';
import type { DrillStatus } from './drill-machine';
import type { RunEvent } from './run-events';
import type { Scenario } from './scenario';

export interface DrillRun extends Authored {
  id: string;
  scenarioId: string;
  /** The scenario's title when the run was created (for lists). */
  title: string;
  /** 演练总指挥: the only person who may declare ENDEX. */
  directorId: string;
  directorName: string;
  /** Cached from the journal's replay at each append, for lists. */
  status: DrillStatus;
  /** The last journal row's number (0 before any). */
  lastSeq: number;
}

export interface DrillJournalRow {
  id: string;
  runId: string;
  seq: number;
  event: RunEvent;
}

/** The scenario as it stood when the run was created; written once, never changed. */
export interface DrillRunScenario {
  runId: string;
  scenario: Scenario;
}
