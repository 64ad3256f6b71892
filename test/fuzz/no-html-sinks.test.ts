/**
 * "Imported text is never rendered as HTML": React escapes every string it renders, so imported names, notes
 * and script lines stay text as long as nothing in the app writes markup itself. This holds the renderer to
 * that: no HTML sinks, and no ECharts tooltip `formatter` (its string is set as HTML; the default escapes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SINKS =
  /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcDoc|srcdoc/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('imported text is never rendered as HTML', () => {
  it('the renderer has no HTML sinks, and its charts no tooltip formatters', () => {
    const files = sources(join(ROOT, 'renderer'));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const name = relative(ROOT, file);
      const hits = text.match(SINKS) ? [`${name}: ${text.match(SINKS)![0]}`] : [];
      // Label formatters draw text on the canvas; a tooltip's output is set as HTML.
      if (/tooltip\s*:\s*\{[^}]*formatter/.test(text)) hits.push(`${name}: tooltip formatter`);
      return hits;
    });
    expect(found).toEqual([]);
  });
});
