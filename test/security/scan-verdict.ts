/**
 * What the Electronegativity scan means for the gate: every HIGH or MEDIUM finding fails it unless an
 * allow-list entry names its check and file AND the source at the finding still looks the way the entry's
 * reason assumes (its premise). A finding the scanner reports anywhere else, or on code rewritten so the
 * premise no longer holds, fails again. Entries that match nothing fail too, so the list cannot outlive its
 * reasons. LOW and INFORMATIONAL findings are printed as notes.
 */

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Repository-relative, forward slashes. */
  file: string;
  line: number;
  /** 0-based, as the scanner reports it. */
  column: number;
  description: string;
}

export interface AllowedFinding {
  check: string;
  file: string;
  /** Must match the source text starting at the finding's line and column. */
  premise: RegExp;
  reason: string;
}

export interface ParseFailure {
  file: string;
  message: string;
  /** The scanner still read the file (a warning); otherwise the file went unscanned. */
  tolerable: boolean;
}

export interface Verdict {
  passed: boolean;
  blocking: Finding[];
  allowed: { entry: AllowedFinding; findings: Finding[] }[];
  unusedEntries: AllowedFinding[];
  notes: Finding[];
  unscanned: ParseFailure[];
  parserWarnings: ParseFailure[];
}

const FAILING: ReadonlySet<Severity> = new Set(['HIGH', 'MEDIUM']);

export function judgeScan(
  findings: readonly Finding[],
  parseFailures: readonly ParseFailure[],
  allowList: readonly AllowedFinding[],
  sourceAt: (finding: Finding) => string,
): Verdict {
  const covered = new Map<AllowedFinding, Finding[]>(allowList.map((entry) => [entry, []]));
  const blocking: Finding[] = [];
  const notes: Finding[] = [];
  for (const finding of findings) {
    if (!FAILING.has(finding.severity)) {
      notes.push(finding);
      continue;
    }
    const entry = allowList.find(
      (candidate) =>
        candidate.check === finding.check &&
        candidate.file === finding.file &&
        startsWith(sourceAt(finding), candidate.premise),
    );
    if (entry) covered.get(entry)?.push(finding);
    else blocking.push(finding);
  }
  const allowed = [...covered].map(([entry, matched]) => ({ entry, findings: matched }));
  const unusedEntries = allowed.filter(({ findings: matched }) => matched.length === 0).map((a) => a.entry);
  const unscanned = parseFailures.filter((failure) => !failure.tolerable);
  return {
    passed: blocking.length === 0 && unusedEntries.length === 0 && unscanned.length === 0,
    blocking: sortFindings(blocking),
    allowed: allowed.filter(({ findings: matched }) => matched.length > 0),
    unusedEntries,
    notes: sortFindings(notes),
    unscanned,
    parserWarnings: parseFailures.filter((failure) => failure.tolerable),
  };
}

/** The source text from a 1-based line and 0-based column to the end of the file. */
export function sourceFrom(text: string, line: number, column: number): string {
  const lines = text.split('\n');
  return [lines[line - 1]?.slice(column) ?? '', ...lines.slice(line)].join('\n');
}

export function formatFindings(findings: readonly Finding[]): string[] {
  const rows = findings.map((f) => [
    f.severity,
    f.confidence,
    f.check,
    `${f.file}:${f.line}:${f.column}`,
    f.description,
  ]);
  return formatTable(['severity', 'confidence', 'check', 'where', 'what'], rows);
}

export function formatTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Sticky, so the premise must match right at the finding, whatever flags it was written with. */
function startsWith(text: string, premise: RegExp): boolean {
  return new RegExp(premise.source, `${premise.flags.replace(/[gy]/g, '')}y`).test(text);
}

const SEVERITY_ORDER: Severity[] = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.check.localeCompare(b.check),
  );
}
