import { describe, expect, it } from 'vitest';
import {
  hasEarlyDirectory,
  settleEarlyDirectory,
  takeEarlyDirectory,
  type EarlyDirectory,
} from './early-directory';

describe('the directory read before the app loaded', () => {
  it('is waited for, handed out once, and then gone', async () => {
    const early: EarlyDirectory = { units: [], positions: [], people: [] };
    window.edEarlyDirectory = Promise.resolve(early);
    await settleEarlyDirectory();
    expect(window.edEarlyDirectory).toBeUndefined();
    expect(hasEarlyDirectory()).toBe(true);
    expect(takeEarlyDirectory()).toBe(early);
    expect(takeEarlyDirectory()).toBeNull();
  });

  it('a failed early read leaves the screens to read the database themselves', async () => {
    window.edEarlyDirectory = Promise.reject(new Error('blocked'));
    await settleEarlyDirectory();
    expect(takeEarlyDirectory()).toBeNull();
  });
});
