import { describe, expect, it } from 'vitest';
import { archiveFileName, archiveIntact, sealArchive, type ArchiveContent } from './archive';

const content = {
  exportedAt: 1,
  exportedBy: '崔伟',
  jurisdiction: '示范区',
  incident: { id: 'i1', serial: '2026-0001', title: '台风 影响/滨江村' },
  intake: null,
  events: [],
  log: [],
  logCheck: { ok: true, count: 0 },
  tasks: [],
  reports: [],
  dispatches: [],
  notifications: [],
} as unknown as ArchiveContent;

describe('the incident archive', () => {
  it('is sealed so that any edit of the file shows', () => {
    const archive = sealArchive(content);
    expect(archiveIntact(archive)).toBe(true);
    expect(archiveIntact({ ...archive, jurisdiction: '别区' })).toBe(false);
    expect(archiveIntact(JSON.parse(JSON.stringify(archive)) as typeof archive)).toBe(true);
  });

  it('is named after the incident, without characters a file name cannot hold', () => {
    expect(archiveFileName({ serial: '2026-0001', title: '台风 影响/滨江村' })).toBe(
      '事件档案-2026-0001-台风影响滨江村.json',
    );
  });
});
