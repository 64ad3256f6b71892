/**
 * The heavy steps of a spreadsheet import or export — reading the file, checking every row, writing them —
 * in a session that keeps the file's rows where they were read. In a Web Worker (resource-sheet-worker.ts)
 * the screen only ever receives the header, counts and the problem cells, so a 100,000-row file never
 * crosses to the main thread. Where there is no Worker (unit tests) the same session runs in-thread.
 */
import type { Actor } from '@shared/domain/org/types';
import {
  checkSheet,
  SHEET_COLUMNS,
  type ColumnMapping,
  type SheetCheck,
  type SheetIssue,
  type SheetKind,
  type SheetLookups,
} from '@shared/domain/resources/resource-sheet';
import { readSheet, writeSheet, type SheetFormat } from '../files/spreadsheet-files';
import { EmergencyDeskDatabase } from './database';
import { createResourceRepository } from './repositories/resource-repository';
import { RepositoryError } from './repositories/repository-error';

/** A correction typed in the preview: a cell (row as in the file, column index) and its new text. */
export interface CellPatch {
  row: number;
  column: number;
  value: string;
}

export type SheetRequest =
  | { type: 'read'; bytes: Uint8Array; format: SheetFormat }
  | {
      type: 'check';
      kind: SheetKind;
      mapping: ColumnMapping;
      lookups: SheetLookups;
      patches: CellPatch[];
    }
  | { type: 'import'; databaseName: string; kind: SheetKind; actor: Actor }
  | { type: 'write'; rows: string[][]; format: SheetFormat; sheetName: string };

export interface ReadSummary {
  headers: string[];
  /** Data rows, without the header. */
  rowCount: number;
  encoding: string;
}

/** An issue with the cell's current text, so the preview can offer it for correction. */
export type PreviewIssue = SheetIssue & { value: string };

export interface CheckSummary {
  /** The first problems, for the preview; the counts below cover them all. */
  issues: PreviewIssue[];
  issueCount: number;
  badRows: number;
  importable: number;
}

export type SheetResponse = ReadSummary | CheckSummary | { imported: number } | { bytes: Uint8Array };

/** At most this many problems travel to the preview; the summary still counts them all. */
const PREVIEW_ISSUES = 500;

export class SheetSession {
  private rows: string[][] = [];
  private checked: SheetCheck | null = null;
  private mapping: ColumnMapping = {};
  private cancelled = false;

  cancel(): void {
    this.cancelled = true;
  }

  async handle(
    request: SheetRequest,
    onProgress: (done: number, total: number) => void,
  ): Promise<SheetResponse> {
    this.cancelled = false;
    switch (request.type) {
      case 'read': {
        const sheet = await readSheet(request.bytes, request.format);
        this.rows = sheet.rows;
        this.checked = null;
        return {
          headers: sheet.rows[0] ?? [],
          rowCount: Math.max(0, sheet.rows.length - 1),
          encoding: sheet.encoding,
        };
      }
      case 'check': {
        for (const patch of request.patches) {
          const row = this.rows[patch.row - 1];
          if (row) row[patch.column] = patch.value;
        }
        this.mapping = request.mapping;
        this.checked = checkSheet(request.kind, this.rows, request.mapping, request.lookups);
        return {
          issues: this.checked.issues
            .slice(0, PREVIEW_ISSUES)
            .map((issue) => ({ ...issue, value: this.cellOf(request.kind, issue) })),
          issueCount: this.checked.issues.length,
          badRows: new Set(this.checked.issues.filter((i) => i.row > 1).map((i) => i.row)).size,
          importable: this.checked.records.length,
        };
      }
      case 'import': {
        if (!this.checked) throw new RepositoryError('unexpected', { message: 'import before check' });
        const records = this.checked.records;
        const db = new EmergencyDeskDatabase(request.databaseName);
        try {
          await db.open();
          const imported = await createResourceRepository(db).importRecords(
            request.kind,
            records,
            request.actor,
            {
              onProgress: (done) => onProgress(done, records.length),
              isCancelled: () => this.cancelled,
            },
          );
          return { imported };
        } finally {
          db.close();
        }
      }
      case 'write':
        return { bytes: await writeSheet(request.rows, request.format, request.sheetName) };
    }
  }

  private cellOf(kind: SheetKind, issue: SheetIssue): string {
    const index = columnIndexOf(kind, this.mapping, issue.column);
    return index === null ? '' : (this.rows[issue.row - 1]?.[index] ?? '');
  }
}

/** The file column an issue's header refers to, through the mapping. */
export function columnIndexOf(kind: SheetKind, mapping: ColumnMapping, header: string): number | null {
  const field = sheetFieldOf(kind, header);
  return field === null ? null : (mapping[field] ?? null);
}

function sheetFieldOf(kind: SheetKind, header: string): string | null {
  return SHEET_COLUMNS[kind].find((c) => c.header === header)?.field ?? null;
}
