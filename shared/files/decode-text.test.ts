import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

// "张三" in GBK.
const GBK_ZHANG_SAN = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]);

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('姓名,手机')]);
    expect(decodeText(bytes)).toEqual({ text: '姓名,手机', encoding: 'utf-8' });
  });

  it('reads plain UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('张三'))).toEqual({ text: '张三', encoding: 'utf-8' });
  });

  it('falls back to GBK when the bytes are not UTF-8', () => {
    expect(decodeText(GBK_ZHANG_SAN)).toEqual({ text: '张三', encoding: 'gb18030' });
  });

  it('reads UTF-16LE with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x20, 0x5f, 0x09, 0x4e]);
    expect(decodeText(bytes)).toEqual({ text: '张三', encoding: 'utf-16le' });
  });
});
