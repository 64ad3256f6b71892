/**
 * What every import kind gives the fuzz runner: a way to make file N, and the real read → check → write path a
 * person takes on its screen, ending in what that screen would show. The runner judges the result.
 */
import type { TFunction } from 'i18next';
import { createI18n } from '../../renderer/i18n/i18n';
import { translateError } from '../../renderer/ui/translate-error';
import type { EmergencyDeskDatabase } from '../../renderer/db/database';
import { RepositoryError } from '../../renderer/db/repositories/repository-error';
import type { Actor } from '../../shared/domain/org/types';
import type { Rng } from './fuzz-random';
import type { FuzzFile } from './sheet-files';
import type { Dump } from './fixture-db';

export interface Problem {
  /** The sentence the screen shows, in zh-CN, rendered by the app's own i18n. */
  text: string;
  /** The importer's code for it (its i18n key). */
  code: string;
  /**
   * Where in the file: the spreadsheet row (1 = header; null in a JSON file), the column or field named
   * ('' for a whole-row problem) and, in a JSON file, the path. Null when the problem is the file as a whole.
   */
  where: { row: number | null; field: string; path?: readonly (string | number)[] } | null;
}

export type Outcome =
  | {
      status: 'accepted';
      /** Records written (rows, plans, tables). */
      count: number;
    }
  | {
      status: 'refused';
      problems: Problem[];
      /** The file's header row as read, when it could be read: the names a problem may give as its field. */
      headers: readonly string[];
    };

export interface ImportContext {
  db: EmergencyDeskDatabase;
  actor: Actor;
  now: () => number;
  t: TFunction;
}

export interface FuzzKind {
  name: string;
  /** Whether a problem's field names something a person can find (a header of the file or of the format). */
  isKnownField(field: string, headers: readonly string[]): boolean;
  /** Codes of problems about the file as a whole (not JSON, empty, damaged …): the only ones without a place. */
  fileCodes: ReadonlySet<string>;
  /** Codes of problems about a whole row, not one field (a row with more cells than the header has). */
  wholeRowCodes: ReadonlySet<string>;
  /** Builds the valid sample from the fixture database; called once per database. */
  prepare(context: ImportContext): Promise<void>;
  generate(rng: Rng, index: number): Promise<FuzzFile>;
  /** The screen's path. Only the app's own refusal (RepositoryError) may be caught; anything else escapes. */
  importFile(context: ImportContext, file: FuzzFile): Promise<Outcome>;
  /** Records the valid sample of this file's sort imports, to hold a pristine file to. */
  sampleCount(file: FuzzFile): number;
  /** After an accepted file: what is wrong with what it wrote (rows half-written, other tables touched). */
  checkWrite(before: Dump, after: Dump, outcome: Extract<Outcome, { status: 'accepted' }>): string[];
}

let t: TFunction | null = null;

/** The zh-CN translator the screens use (one instance for the whole run). */
export function zhCN(): TFunction {
  t ??= createI18n('zh-CN').getFixedT('zh-CN');
  return t;
}

/**
 * A refusal thrown by a repository, as the screen words it (its params say where, when they do); anything
 * else is not the app's own refusal and rethrows.
 */
export function refusalOf(error: unknown, translate: TFunction): Problem {
  if (!(error instanceof RepositoryError)) throw error;
  const { row, field } = error.params;
  const where =
    field === undefined && row === undefined
      ? null
      : { row: typeof row === 'number' ? row : null, field: String(field ?? '') };
  return { text: translateError(translate, error), code: error.code, where };
}

export const refused = (problems: Problem[], headers: readonly string[] = []): Outcome => ({
  status: 'refused',
  problems,
  headers,
});

/** A refusal about the whole file (no row, no field). */
export const fileProblem = (text: string, code: string): Problem => ({ text, code, where: null });

/** A spreadsheet problem as the preview shows it: row, column, then what is wrong. */
export const cellProblem = (text: string, code: string, row: number, field: string): Problem => ({
  text: `第${row}行 ${field}：${text}`,
  code,
  where: { row, field },
});
