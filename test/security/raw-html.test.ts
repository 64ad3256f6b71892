/**
 * The renderer never turns a string into markup. Names, log entries, imported spreadsheets and plans are
 * typed by people or come from files, and React escapes them only while they stay text: one raw-HTML sink
 * would let an imported cell run script beside the preload bridge (the CSP blocks inline script, but not
 * markup that restyles or spoofs a screen). The scan reads the source text of every file under renderer/,
 * tests included, so a sink cannot hide in a helper either.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const rendererDir = join(root, 'renderer');
const SOURCE = /\.(ts|tsx|js|mjs|html)$/;

const SINKS: { name: string; pattern: RegExp }[] = [
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  // An assignment, not a read or a comparison (`===`).
  { name: 'innerHTML/outerHTML assignment', pattern: /\.(inner|outer)HTML\s*\+?=(?!=)/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\s*\(/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(ln)?\s*\(/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\s*\(/ },
  { name: 'iframe srcdoc', pattern: /\bsrcdoc\b/i },
  { name: 'DOMParser', pattern: /\bnew\s+DOMParser\b/ },
];

/** An ECharts tooltip `formatter` returns a string the chart sets as HTML (label formatters draw on the canvas). */
const TOOLTIP_FORMATTER = /tooltip\s*:\s*\{[^}]*formatter/;

function findHtmlSinks(text: string): { line: number; sink: string }[] {
  return text.split('\n').flatMap((lineText, index) =>
    SINKS.filter(({ pattern }) => pattern.test(lineText)).map(({ name }) => ({
      line: index + 1,
      sink: name,
    })),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

describe('raw-HTML sinks', () => {
  it.each([
    ['<div dangerouslySetInnerHTML={{ __html: row.note }} />', 'dangerouslySetInnerHTML'],
    ['cell.innerHTML = value;', 'innerHTML/outerHTML assignment'],
    ['panel.innerHTML += `<b>${name}</b>`;', 'innerHTML/outerHTML assignment'],
    ['node.outerHTML=html', 'innerHTML/outerHTML assignment'],
    ["list.insertAdjacentHTML('beforeend', item)", 'insertAdjacentHTML'],
    ['document.write(report)', 'document.write'],
    ['range.createContextualFragment(markup)', 'createContextualFragment'],
    ['<iframe srcDoc={page} />', 'iframe srcdoc'],
    ['new DOMParser().parseFromString(text, "text/html")', 'DOMParser'],
  ])('finds %s', (code, sink) => {
    expect(findHtmlSinks(`const a = 1;\n${code}\n`)).toEqual([{ line: 2, sink }]);
  });

  it.each([
    'el.textContent = name;',
    "expect(el.innerHTML === '').toBe(true);",
    'const html = el.innerHTML;',
    '<Typography.Text>{row.note}</Typography.Text>',
  ])('lets text and reads pass: %s', (code) => {
    expect(findHtmlSinks(code)).toEqual([]);
  });

  it('finds a chart tooltip formatter, not a label formatter', () => {
    expect(TOOLTIP_FORMATTER.test("tooltip: { trigger: 'axis', formatter: (p) => p.name }")).toBe(true);
    expect(TOOLTIP_FORMATTER.test("tooltip: { trigger: 'axis' }, label: { formatter: '{c}' }")).toBe(false);
  });

  it('finds none anywhere under renderer/', () => {
    const files = sourceFiles(rendererDir);
    // A walk that found nothing would pass vacuously.
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const name = relative(root, file);
      const sinks = findHtmlSinks(text).map(({ line, sink }) => `${name}:${line} ${sink}`);
      return TOOLTIP_FORMATTER.test(text) ? [...sinks, `${name}: chart tooltip formatter`] : sinks;
    });
    expect(found).toEqual([]);
  });
});
