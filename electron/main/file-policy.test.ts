import { describe, it, expect } from 'vitest';
import {
  FALLBACK_FILE_NAME,
  MAX_FILE_NAME_BYTES,
  MAX_OPEN_FILE_BYTES,
  fileExtension,
  isAllowedOpenExtension,
  isAllowedOpenSize,
  sanitiseFileName,
} from './file-policy';

const spreadsheets = [
  { name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] },
  { name: 'CSV', extensions: ['csv'] },
];
const pdf = [{ name: 'PDF', extensions: ['pdf'] }];
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

describe('fileExtension', () => {
  it.each([
    ['/home/duty/物资台账.XLSX', 'xlsx'],
    ['C:\\Users\\duty\\plan.v2.json', 'json'],
    ['/home/duty/archive.tar.gz', 'gz'],
    ['/home/duty/README', ''],
    ['/home/duty/.csv', ''],
    ['C:\\data.d\\noext', ''],
    ['', ''],
  ])('%s → %j', (path, extension) => {
    expect(fileExtension(path)).toBe(extension);
  });
});

describe('isAllowedOpenExtension', () => {
  it('accepts a file whose extension is in any filter, in any case', () => {
    expect(isAllowedOpenExtension('/home/duty/物资台账.xlsx', spreadsheets)).toBe(true);
    expect(isAllowedOpenExtension('C:\\导入\\通讯录.CSV', spreadsheets)).toBe(true);
    expect(isAllowedOpenExtension('/home/duty/old.xls', spreadsheets)).toBe(true);
  });

  it('rejects what the dialog let through outside the filters', () => {
    expect(isAllowedOpenExtension('/home/duty/.ssh/id_rsa', spreadsheets)).toBe(false);
    expect(isAllowedOpenExtension('/etc/shadow', spreadsheets)).toBe(false);
    expect(isAllowedOpenExtension('/home/duty/tool.exe', spreadsheets)).toBe(false);
    expect(isAllowedOpenExtension('/home/duty/data.csv.exe', spreadsheets)).toBe(false);
    expect(isAllowedOpenExtension('/home/duty/.csv', spreadsheets)).toBe(false);
  });

  it('accepts any file when the renderer asked for no filter', () => {
    expect(isAllowedOpenExtension('/home/duty/notes', [])).toBe(true);
  });
});

describe('isAllowedOpenSize', () => {
  it('accepts up to the limit and nothing beyond', () => {
    expect(isAllowedOpenSize(0)).toBe(true);
    expect(isAllowedOpenSize(MAX_OPEN_FILE_BYTES)).toBe(true);
    expect(isAllowedOpenSize(MAX_OPEN_FILE_BYTES + 1)).toBe(false);
    expect(isAllowedOpenSize(-1)).toBe(false);
    expect(isAllowedOpenSize(Number.NaN)).toBe(false);
  });
});

describe('sanitiseFileName', () => {
  it('keeps an ordinary Chinese name as it is', () => {
    expect(sanitiseFileName('2024年防汛演练评估报告.pdf', pdf)).toBe('2024年防汛演练评估报告.pdf');
  });

  it('replaces path separators so the name cannot leave its folder', () => {
    expect(sanitiseFileName('街道/社区\\报告.pdf', pdf)).toBe('街道_社区_报告.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitiseFileName('..\\..\\Windows\\win.ini')).toBe('_.._Windows_win.ini');
    expect(sanitiseFileName('/absolute/path.csv')).toBe('_absolute_path.csv');
  });

  it('replaces characters Windows forbids and control characters', () => {
    expect(sanitiseFileName('预案<v2>: "修订"|草稿?*.docx')).toBe('预案_v2_ _修订_草稿_.docx');
    expect(sanitiseFileName('a\u0000b\nc\td\u007fe.txt')).toBe('a_b_c_d_e.txt');
  });

  it('removes bidirectional overrides that disguise the extension', () => {
    expect(sanitiseFileName('报告\u202Efdp.exe', pdf)).toBe('报告fdp.exe.pdf');
  });

  it('replaces half surrogate pairs and keeps whole ones', () => {
    expect(sanitiseFileName('a\ud800b.txt')).toBe('a_b.txt');
    expect(sanitiseFileName('演练🚒.txt')).toBe('演练🚒.txt');
  });

  it('drops leading dots and trailing dots and spaces', () => {
    expect(sanitiseFileName('.hidden.csv')).toBe('hidden.csv');
    expect(sanitiseFileName('  report. . ')).toBe('report');
    expect(sanitiseFileName('..')).toBe(FALLBACK_FILE_NAME);
  });

  it.each([
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Aux.tar.gz', '_Aux.tar.gz'],
    ['nul', '_nul'],
    ['COM1.csv', '_COM1.csv'],
    ['lpt9', '_lpt9'],
    ['CONIN$', '_CONIN$'],
    ['console.txt', 'console.txt'],
    ['COM10.txt', 'COM10.txt'],
  ])('guards the reserved Windows name %s', (name, expected) => {
    expect(sanitiseFileName(name)).toBe(expected);
  });

  it('adds the first filter extension when the name lacks an allowed one', () => {
    expect(sanitiseFileName('演练记录', pdf)).toBe('演练记录.pdf');
    expect(sanitiseFileName('演练记录.txt', pdf)).toBe('演练记录.txt.pdf');
    expect(sanitiseFileName('台账', spreadsheets)).toBe('台账.xlsx');
    expect(sanitiseFileName('台账.csv', spreadsheets)).toBe('台账.csv');
    expect(sanitiseFileName('REPORT.PDF', pdf)).toBe('REPORT.PDF');
    expect(sanitiseFileName('con', pdf)).toBe('_con.pdf');
  });

  it('falls back to 未命名 for a name with nothing left', () => {
    expect(sanitiseFileName('', pdf)).toBe(`${FALLBACK_FILE_NAME}.pdf`);
    expect(sanitiseFileName('   ')).toBe(FALLBACK_FILE_NAME);
    expect(sanitiseFileName('.pdf', pdf)).toBe('pdf.pdf');
  });

  it('caps the length in UTF-8 bytes and keeps the extension', () => {
    const long = '特别重大突发事件应急处置'.repeat(20);
    const result = sanitiseFileName(`${long}.xlsx`, spreadsheets);
    expect(utf8Bytes(result)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(result.endsWith('.xlsx')).toBe(true);
    expect(result.startsWith('特别重大突发事件')).toBe(true);
    expect(result).not.toContain('\ufffd');
  });

  it('never cuts a surrogate pair in half', () => {
    const result = sanitiseFileName('🚒'.repeat(100), pdf);
    expect(utf8Bytes(result)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(result).toBe(`${'🚒'.repeat(49)}.pdf`);
  });

  it('treats a long or odd tail as part of the name, not an extension', () => {
    expect(sanitiseFileName('v1.0 final')).toBe('v1.0 final');
    expect(sanitiseFileName('report.verylongextension', pdf)).toBe('report.verylongextension.pdf');
  });
});
