import { describe, expect, it } from 'vitest';
import { sealEntry, verifyChain, type LogEntry, type LogEntryInput } from './log-chain';

const author = { personId: 'p1', name: '崔伟', positionId: 'pos', positionName: '值班员' };
const line = (text: string, at: number): LogEntryInput => ({
  at,
  author,
  category: 'note',
  text,
  links: [],
  corrects: null,
});

function chain(texts: string[]): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const [i, text] of texts.entries()) {
    entries.push(
      sealEntry(line(text, 1000 + i), entries.at(-1) ?? null, { id: `e${i + 1}`, incidentId: 'inc-1' }),
    );
  }
  return entries;
}

describe('the hash-chained incident log', () => {
  it('verifies an untouched chain', () => {
    const entries = chain(['接报：北岭林场起火', '启动Ⅳ级响应', '调派扑火队伍']);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 3 });
  });

  it('points at the first entry whose text was edited', () => {
    const entries = chain(['接报', '启动Ⅳ级响应', '调派扑火队伍']);
    entries[1] = { ...entries[1]!, text: '启动Ⅲ级响应' };
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 2, reason: 'content' });
  });

  it('detects a deleted entry and a re-sealed forgery that does not link to its predecessor', () => {
    const entries = chain(['接报', '启动Ⅳ级响应', '调派扑火队伍']);
    expect(verifyChain([entries[0]!, entries[2]!])).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'sequence',
    });
    const forged = sealEntry(line('伪造的记录', 1001), null, { id: 'e2', incidentId: 'inc-1' });
    expect(verifyChain([entries[0]!, { ...forged, seq: 2 }, entries[2]!])).toMatchObject({
      ok: false,
      brokenAt: 2,
    });
  });

  it('records a correction as a new entry pointing at the corrected one', () => {
    const entries = chain(['重伤 3 人']);
    const correction = sealEntry(
      { ...line('更正：重伤 2 人', 2000), category: 'correction', corrects: entries[0]!.id },
      entries[0]!,
      { id: 'e2', incidentId: 'inc-1' },
    );
    expect(verifyChain([...entries, correction])).toEqual({ ok: true, count: 2 });
    expect(entries[0]!.text).toBe('重伤 3 人');
  });

  it('verifies a long log page by page, carrying the last checked entry across pages', () => {
    const entries = chain(Array.from({ length: 7 }, (_, i) => `第${i + 1}条`));
    expect(verifyChain(entries.slice(0, 3))).toEqual({ ok: true, count: 3 });
    expect(verifyChain(entries.slice(3), entries[2]!)).toEqual({ ok: true, count: 4 });
    const tampered = entries.slice(3).map((e) => (e.seq === 6 ? { ...e, at: e.at + 60_000 } : e));
    expect(verifyChain(tampered, entries[2]!)).toEqual({ ok: false, brokenAt: 6, reason: 'content' });
  });
});
