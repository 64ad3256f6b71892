import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../backup/backup-bundle';
import { sealEntry, type LogEntry, type LogEntryInput } from '../incident/log-chain';
import {
  ARCHIVE_FORMAT,
  archiveFileName,
  createArchivePackage,
  readArchivePackage,
  shortChecksum,
  type ArchiveInput,
  type ArchivePackage,
} from './archive-package';

const EXPORTED_AT = new Date(2026, 10, 23, 9, 30).getTime();
const officer = { personId: 'p1', name: '崔伟', positionId: 'pos1', positionName: '值班员' };

function log(incidentId: string, texts: string[]): LogEntry[] {
  const lines: LogEntry[] = [];
  for (const [i, text] of texts.entries()) {
    const input: LogEntryInput = {
      at: EXPORTED_AT - 3_600_000 + i * 60_000,
      author: officer,
      category: 'note',
      text,
      links: [],
      corrects: null,
    };
    lines.push(sealEntry(input, lines.at(-1) ?? null, { id: `${incidentId}-l${i + 1}`, incidentId }));
  }
  return lines;
}

const TEXTS = [
  '立案：台风“海燕”影响滨江村',
  '启用预案：示范区防台风应急预案（第1版）',
  '滨江村已转移群众120人',
];

function incidentInput(lines: LogEntry[] = log('i1', TEXTS)): ArchiveInput {
  return {
    kind: 'incident',
    subject: { id: 'i1', title: '台风“海燕” 影响/滨江村', serial: '2026-0003' },
    schemaVersion: 7,
    exportedAt: EXPORTED_AT,
    exportedBy: '崔伟（值班员）',
    jurisdiction: '示范区',
    tables: {
      incidents: [{ id: 'i1', serial: '2026-0003', title: '台风“海燕”影响滨江村', logCount: lines.length }],
      incidentLog: lines,
      intakes: [{ id: 'k1', serial: '2026-0007', sourcePerson: '王建国', injured: 2 }],
    },
  };
}

/** What someone editing the file by hand and signing it again would produce. */
async function resigned(archive: ArchivePackage, edit: (copy: ArchivePackage) => void): Promise<string> {
  const copy = structuredClone(archive);
  edit(copy);
  const { checksum: _old, ...body } = copy;
  return JSON.stringify({ ...body, checksum: await sha256Hex(canonicalJson(body)) });
}

async function refusal(text: string) {
  const result = await readArchivePackage(text);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('the archive package', () => {
  it('names its format, subject, author and jurisdiction, counts every table and verifies the log', async () => {
    const archive = await createArchivePackage(incidentInput());
    expect(archive).toMatchObject({
      format: ARCHIVE_FORMAT,
      formatVersion: 1,
      kind: 'incident',
      subject: { id: 'i1', serial: '2026-0003' },
      exportedBy: '崔伟（值班员）',
      jurisdiction: '示范区',
      manifest: { incidents: 1, incidentLog: 3, intakes: 1 },
      logChecks: [{ incidentId: 'i1', check: { ok: true, count: 3 } }],
    });
    expect(archive.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(shortChecksum(archive)).toBe(archive.checksum.slice(0, 8));
    // The file as saved reads back whole, whatever the property order.
    const read = await readArchivePackage(JSON.stringify(archive, null, 1));
    expect(read).toEqual({ ok: true, archive });
  });

  it('is named after its subject and the day it was made, without characters a file name cannot hold', async () => {
    const archive = await createArchivePackage(incidentInput());
    expect(archiveFileName(archive)).toBe('归档包-事件-2026-0003-台风“海燕”影响滨江村-20261123.json');
    expect(
      archiveFileName({
        kind: 'drill',
        subject: { id: 'r1', title: '危化品 泄漏桌面推演', serial: '' },
        exportedAt: EXPORTED_AT,
      }),
    ).toBe('归档包-演练-危化品泄漏桌面推演-20261123.json');
  });

  it('refuses a truncated file, and a file that is not an archive or is from a newer version', async () => {
    const text = JSON.stringify(await createArchivePackage(incidentInput()));
    const cut = await refusal(text.slice(0, Math.floor(text.length * 0.7)));
    expect(cut).toMatchObject({ problem: 'notJson' });
    expect(cut.message).toMatch(/不完整或已损坏/);
    expect(await refusal('{"format":"emergency-desk-backup"}')).toMatchObject({ problem: 'notArchive' });
    expect(await refusal('null')).toMatchObject({ problem: 'notArchive' });
    expect(await refusal(JSON.stringify({ ...JSON.parse(text), formatVersion: 2 }))).toMatchObject({
      problem: 'tooNew',
      message: '该归档包是第2版格式，来自更新版本的软件，请升级后再读取',
    });
    const { tables: _gone, ...noTables } = JSON.parse(text) as ArchivePackage;
    expect((await refusal(JSON.stringify(noTables))).message).toMatch(/^归档包结构不正确：tables/);
  });

  it('refuses any edit that was not signed again: a count, the header, a row', async () => {
    const archive = await createArchivePackage(incidentInput());
    const edited = (edit: (a: ArchivePackage) => void) => {
      const copy = structuredClone(archive);
      edit(copy);
      return JSON.stringify(copy);
    };
    for (const text of [
      edited((a) => ((a.tables['intakes']![0] as { injured: number }).injured = 0)),
      edited((a) => (a.jurisdiction = '别区')),
      edited((a) => (a.exportedAt += 1)),
      edited((a) => a.tables['incidentLog']!.pop()),
    ]) {
      expect(await refusal(text)).toEqual({
        ok: false,
        problem: 'checksum',
        message: '校验失败：归档包内容已被修改或不完整',
      });
    }
  });

  it('refuses an edit that was signed again: the manifest, a missing subject, a log line changed or cut', async () => {
    const archive = await createArchivePackage(incidentInput());
    expect(await refusal(await resigned(archive, (a) => a.tables['intakes']!.push({ id: 'k2' })))).toEqual({
      ok: false,
      problem: 'manifest',
      message: '清单与内容不符：“intakes”清单记 1 条，文件中有 2 条',
    });
    expect(
      await refusal(
        await resigned(archive, (a) => {
          a.tables['incidents'] = [];
          a.tables['incidentLog'] = [];
          a.manifest = { incidents: 0, incidentLog: 0, intakes: 1 };
        }),
      ),
    ).toMatchObject({ problem: 'subjectMissing' });

    const changed = await resigned(archive, (a) => {
      (a.tables['incidentLog']![2] as LogEntry).text = '滨江村已转移群众12人';
    });
    expect(await refusal(changed)).toEqual({
      ok: false,
      problem: 'logChanged',
      message: '事件 2026-0003 的处置日志已被改动：现自第3条起内容与其哈希值不符，导出时哈希链完整（3条）',
    });
    // The last line removed, the manifest fixed up: the incident row still counts three.
    const cut = await resigned(archive, (a) => {
      a.tables['incidentLog']!.pop();
      a.manifest['incidentLog'] = 2;
    });
    expect((await refusal(cut)).message).toBe(
      '事件 2026-0003 的处置日志已被改动：现自第3条起编号不连续或缺失，导出时哈希链完整（3条）',
    );
    // Re-recording the export's own finding does not help: a line cut from the end stays missing.
    const cutAndRecorded = await resigned(archive, (a) => {
      a.tables['incidentLog']!.pop();
      a.manifest['incidentLog'] = 2;
      a.logChecks = [{ incidentId: 'i1', check: { ok: true, count: 2 } }];
    });
    expect(await refusal(cutAndRecorded)).toMatchObject({ problem: 'logChanged' });
  });

  it('keeps a log that was already broken when exported, and reads it as it was', async () => {
    const lines = log('i1', TEXTS);
    lines[1] = { ...lines[1]!, text: '启用预案：另一预案' };
    const archive = await createArchivePackage(incidentInput(lines));
    expect(archive.logChecks).toEqual([
      { incidentId: 'i1', check: { ok: false, brokenAt: 2, reason: 'content' } },
    ]);
    const read = await readArchivePackage(JSON.stringify(archive));
    expect(read.ok && read.archive.logChecks[0]?.check).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'content',
    });
  });

  it('verifies each incident log of a drill package on its own, in sequence order', async () => {
    const drillLog = log('d1', ['演练立案', '演练：启动Ⅳ级响应']);
    const archive = await createArchivePackage({
      kind: 'drill',
      subject: { id: 'r1', title: '台风桌面推演', serial: '' },
      schemaVersion: 7,
      exportedAt: EXPORTED_AT,
      exportedBy: '胡雪军（评估）',
      jurisdiction: '示范区',
      tables: {
        drillRuns: [{ id: 'r1' }],
        drillJournal: [],
        incidents: [{ id: 'd1', serial: '演练-2026-0001', logCount: 2 }],
        incidentLog: [...drillLog].reverse(),
      },
    });
    expect(archive.logChecks).toEqual([{ incidentId: 'd1', check: { ok: true, count: 2 } }]);
    expect(archive.manifest).toEqual({ drillRuns: 1, drillJournal: 0, incidents: 1, incidentLog: 2 });
    expect((await readArchivePackage(JSON.stringify(archive))).ok).toBe(true);
  });
});
