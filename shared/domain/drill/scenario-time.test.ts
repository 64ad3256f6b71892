import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formatOffset, formatScenarioClock, parseOffset } from './scenario-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Offsets a script can hold: up to 30 days (scenario.ts caps them there). */
const offsetMs = fc.integer({ min: 0, max: 30 * 24 * HOUR });

describe('reading a written offset', () => {
  it.each([
    ['T+1h20m', HOUR + 20 * MINUTE],
    ['T+80m', 80 * MINUTE],
    ['T+80min', 80 * MINUTE],
    ['1:20', HOUR + 20 * MINUTE],
    ['T+1:20', HOUR + 20 * MINUTE],
    ['1：20', HOUR + 20 * MINUTE],
    ['01:20:00', HOUR + 20 * MINUTE],
    ['80', 80 * MINUTE],
    ['T+1天2小时', 26 * HOUR],
    ['T+1h 20m 5s', HOUR + 20 * MINUTE + 5000],
    ['2小时30分钟', 2.5 * HOUR],
    ['t + 90s', 90_000],
    ['T+0', 0],
  ])('reads %s as the same moment a trainer means', (written, ms) => {
    expect(parseOffset(written)).toBe(ms);
  });

  it.each(['junk', '', 'T+', '1:75', '1:20:60', 'T-5', '1h20', '1.5h', '1:2:3:4'])(
    'refuses %j rather than guessing',
    (written) => {
      expect(parseOffset(written)).toBeNull();
    },
  );
});

describe('writing an offset and the running clock', () => {
  it('writes offsets the way the script does, seconds only when there are some', () => {
    expect(formatOffset(0)).toBe('T+0');
    expect(formatOffset(HOUR + 20 * MINUTE)).toBe('T+1h20m');
    expect(formatOffset(26 * HOUR + 5999)).toBe('T+26h5s');
    expect(formatOffset(-5)).toBe('T+0');
  });

  it('shows the running clock with hours past 24 in a long drill', () => {
    expect(formatScenarioClock(HOUR + 20 * MINUTE + 5_400)).toBe('T+01:20:05');
    expect(formatScenarioClock(30 * HOUR)).toBe('T+30:00:00');
    expect(formatScenarioClock(-1)).toBe('T+00:00:00');
  });

  test.prop([offsetMs])('an offset written out reads back to the same whole second', (ms) => {
    expect(parseOffset(formatOffset(ms))).toBe(Math.floor(ms / 1000) * 1000);
  });

  test.prop([offsetMs])('the clock on screen reads back to the same whole second', (ms) => {
    expect(parseOffset(formatScenarioClock(ms))).toBe(Math.floor(ms / 1000) * 1000);
  });
});
