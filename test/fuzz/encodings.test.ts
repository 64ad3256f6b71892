import { describe, expect, it } from 'vitest';
import { decodeText } from '../../shared/files/decode-text';
import { encodeGbk, encodeText, ENCODINGS } from './encodings';

const TEXT = '姓名,所属单位,手机\r\n林晓雯,区应急管理局/办公室,13912345678\r\n欧阳振华,“借调”人员,\r\n';

describe('fuzz encodings', () => {
  it('writes GBK that the desk reads back as GB18030, byte for byte what Excel on Chinese Windows saves', () => {
    const bytes = encodeGbk('应急')!;
    expect([...bytes]).toEqual([0xd3, 0xa6, 0xbc, 0xb1]);
    expect(decodeText(encodeGbk(TEXT)!)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('gives up on characters GBK has no code for, rather than writing a wrong byte', () => {
    expect(encodeGbk('表情😀')).toBeNull();
  });

  it('writes every encoding so that the app decodes the same text', () => {
    for (const encoding of ENCODINGS) {
      expect(decodeText(encodeText(TEXT, encoding)!).text.replace(/^\uFEFF/, ''), encoding).toBe(TEXT);
    }
  });
});
