import { describe, expect, it } from 'vitest';
import type { FuzzKind, Problem } from './fuzz-kind';
import { messageFault } from './run-fuzz';

const kind = {
  isKnownField: (field: string, headers: readonly string[]) => field === '姓名' || headers.includes(field),
  fileCodes: new Set(['csvEmpty']),
  wholeRowCodes: new Set(['csvExtraCells']),
} as unknown as FuzzKind;

const fault = (problem: Problem, headers: readonly string[] = []) => messageFault(kind, problem, headers);

describe('how the fuzz runner judges a refusal', () => {
  it('accepts a sentence that names the row and a column of the file, or a whole-file problem by its code', () => {
    expect(
      fault({ text: '第3行 姓名：必填', code: 'required', where: { row: 3, field: '姓名' } }),
    ).toBeNull();
    expect(
      fault({ text: '第3行 部门：必填', code: 'required', where: { row: 3, field: '部门' } }, ['部门']),
    ).toBeNull();
    expect(fault({ text: '文件为空', code: 'csvEmpty', where: null })).toBeNull();
    expect(
      fault({ text: '第4行 该行有 9 列', code: 'csvExtraCells', where: { row: 4, field: '' } }),
    ).toBeNull();
  });

  it('flags a library message, a placeholder or key left in, and a refusal that does not say where', () => {
    expect(fault({ text: '操作失败：End of data reached', code: 'unexpected', where: null })).toMatch(
      /library/,
    );
    expect(
      fault({
        text: '第2行 姓名：不能超过 {{max}} 个字符',
        code: 'tooLong',
        where: { row: 2, field: '姓名' },
      }),
    ).toMatch(/untranslated/);
    expect(fault({ text: 'errors.backupRowInvalid', code: 'x', where: null })).toMatch(/untranslated/);
    expect(fault({ text: '输入有误：injects', code: 'invalidInput', where: null })).toMatch(/no place/);
    expect(fault({ text: '第2行：必填', code: 'required', where: { row: 2, field: '' } })).toMatch(
      /no field/,
    );
    expect(fault({ text: '第2行 备注：必填', code: 'required', where: { row: 2, field: '备注' } })).toMatch(
      /not in the file/,
    );
    expect(fault({ text: '姓名：必填', code: 'required', where: { row: 7, field: '姓名' } })).toMatch(
      /row 7/,
    );
  });

  it('holds a JSON file to naming every list element on the path', () => {
    const where = { row: null, field: '姓名', path: ['groups', 6, 'memberUnitIds', 0] };
    expect(fault({ text: '姓名：取值无效', code: 'invalid', where })).toMatch(/which groups \(7\)/);
    expect(fault({ text: '工作组第7项 · 姓名第1项：取值无效', code: 'invalid', where })).toBeNull();
    const level = { row: null, field: '姓名', path: ['levels', 2, 'triggers', 0] };
    expect(
      fault({ text: 'Ⅱ级响应 · 启动条件第1条 · 姓名：取值无效', code: 'invalid', where: level }),
    ).toBeNull();
  });
});
