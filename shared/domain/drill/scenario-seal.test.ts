import { describe, expect, it } from 'vitest';
import { opensSeal, passphraseSchema, sealWith } from './scenario-seal';

describe('scenario seal', () => {
  it('opens with its passphrase only, and stores no passphrase', async () => {
    const seal = await sealWith('海燕-0917', 1, '崔亚波');
    expect(JSON.stringify(seal)).not.toContain('海燕');
    expect(seal.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await opensSeal(seal, '海燕-0917')).toBe(true);
    expect(await opensSeal(seal, '海燕-0918')).toBe(false);
    expect(await opensSeal(seal, '')).toBe(false);
  });

  it('salts every seal, so the same passphrase never gives the same hash', async () => {
    const [a, b] = await Promise.all([sealWith('same-phrase', 1, 'x'), sealWith('same-phrase', 1, 'x')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('asks for a passphrase of at least six characters', () => {
    expect(passphraseSchema.safeParse('12345').success).toBe(false);
    expect(passphraseSchema.safeParse('123456').success).toBe(true);
  });
});
