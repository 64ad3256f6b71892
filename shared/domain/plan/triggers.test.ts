import { describe, expect, it } from 'vitest';
import { describeTrigger, evaluateTrigger, NO_FACTS, type Facts } from './triggers';
import type { Trigger } from './plan-schema';

const labels = new Map([
  ['deaths', { label: '死亡人数', unit: '人' }],
  ['accidentAt', { label: '事故发生', unit: '' }],
  ['controlled', { label: '得到有效控制', unit: '' }],
  ['sensitivePeriod', { label: '敏感时期', unit: '' }],
]);
const T0 = Date.UTC(2026, 6, 1);
const MIN = 60_000;

function facts(observations: Record<string, number | boolean>, extra: Partial<Facts> = {}): Facts {
  return {
    ...NO_FACTS,
    observations: Object.fromEntries(
      Object.entries(observations).map(([k, value]) => [k, { value, at: T0 }]),
    ),
    ...extra,
  };
}
const met = (t: Trigger, f: Facts, now = T0) => evaluateTrigger(t, f, now, 'III', labels).met;

describe('threshold triggers read 以上 as inclusive and 以下 as exclusive', () => {
  const 较大 = { kind: 'threshold', observation: 'deaths', atLeast: 3, below: 10 } as const;
  it.each([
    [2, false],
    [3, true],
    [9, true],
    [10, false],
  ])('3人以上10人以下 with %i deaths → %s', (deaths, expected) => {
    expect(met(较大, facts({ deaths }))).toBe(expected);
  });

  it('is not met while the observation is unknown, and says so', () => {
    const result = evaluateTrigger(较大, NO_FACTS, T0, 'III', labels);
    expect(result).toEqual({ met: false, reason: '死亡人数 —人（条件：3人以上、10人以下）' });
  });

  it('an open-ended threshold has no upper bound', () => {
    expect(met({ kind: 'threshold', observation: 'deaths', atLeast: 30 }, facts({ deaths: 300 }))).toBe(true);
  });
});

describe('warning triggers compare colours by rank', () => {
  const orangeOrAbove = { kind: 'warning', warningType: '台风', atLeast: 'orange' } as const;
  it.each([
    ['blue', false],
    ['yellow', false],
    ['orange', true],
    ['red', true],
  ] as const)('%s warning → %s', (level, expected) => {
    expect(met(orangeOrAbove, facts({}, { warnings: { 台风: level } }))).toBe(expected);
  });

  it('a warning of another type does not count', () => {
    expect(met(orangeOrAbove, facts({}, { warnings: { 暴雨: 'red' } }))).toBe(false);
  });
});

describe('elapsed-time triggers count from an absolute moment', () => {
  const notControlled = {
    kind: 'elapsed',
    since: 'accidentAt',
    unless: 'controlled',
    minutes: 240,
    alternative: { when: 'sensitivePeriod', minutes: 120 },
  } as const;

  it('holds 4 h after the accident while not under control, not a minute before', () => {
    const f = facts({ accidentAt: T0 });
    expect(met(notControlled, f, T0 + 239 * MIN)).toBe(false);
    expect(met(notControlled, f, T0 + 240 * MIN)).toBe(true);
  });

  it('uses 2 h in a sensitive period', () => {
    const f = facts({ accidentAt: T0, sensitivePeriod: true });
    expect(met(notControlled, f, T0 + 119 * MIN)).toBe(false);
    expect(met(notControlled, f, T0 + 120 * MIN)).toBe(true);
  });

  it('stops once under control, however late', () => {
    expect(met(notControlled, facts({ accidentAt: T0, controlled: true }), T0 + 10 * 60 * MIN)).toBe(false);
  });

  it('one late evaluation (after sleep) gives the same answer as punctual ones', () => {
    const f = facts({ accidentAt: T0 });
    expect(met(notControlled, f, T0 + 9 * 60 * MIN)).toBe(true);
  });

  it('explains the count in hours and minutes', () => {
    const result = evaluateTrigger(notControlled, facts({ accidentAt: T0 }), T0 + 245 * MIN, 'III', labels);
    expect(result.reason).toBe('自事故发生起 4小时5分钟，仍未得到有效控制（条件：4小时内未得到有效控制）');
  });

  it('is not met before the moment is recorded', () => {
    expect(met(notControlled, NO_FACTS, T0 + 1e9)).toBe(false);
  });
});

describe('combinations and upper-level orders', () => {
  const orangeTropicalStorm: Trigger = {
    kind: 'all',
    of: [
      { kind: 'warning', warningType: '台风', atLeast: 'orange' },
      { kind: 'threshold', observation: 'windScale', atLeast: 8, below: 10 },
    ],
  };
  it('needs every part', () => {
    expect(met(orangeTropicalStorm, facts({ windScale: 9 }, { warnings: { 台风: 'orange' } }))).toBe(true);
    expect(met(orangeTropicalStorm, facts({ windScale: 9 }, { warnings: { 台风: 'yellow' } }))).toBe(false);
    expect(met(orangeTropicalStorm, facts({ windScale: 12 }, { warnings: { 台风: 'orange' } }))).toBe(false);
  });

  it('an order for a level starts that level and every lower one', () => {
    const order: Trigger = { kind: 'upperOrder' };
    const withOrder = facts({}, { upperOrder: 'II' });
    expect(evaluateTrigger(order, withOrder, T0, 'III', labels).met).toBe(true);
    expect(evaluateTrigger(order, withOrder, T0, 'I', labels).met).toBe(false);
  });
});

describe('describing a condition as a plan writes it', () => {
  it('reads thresholds, warnings, elapsed time and combinations', () => {
    expect(describeTrigger({ kind: 'threshold', observation: 'deaths', atLeast: 3, below: 10 }, labels)).toBe(
      '死亡人数 3人以上、10人以下',
    );
    expect(describeTrigger({ kind: 'warning', warningType: '台风', atLeast: 'orange' }, labels)).toBe(
      '台风预警 橙色（二级）及以上',
    );
    expect(
      describeTrigger(
        {
          kind: 'elapsed',
          since: 'accidentAt',
          unless: 'controlled',
          minutes: 240,
          alternative: { when: 'sensitivePeriod', minutes: 120 },
        },
        labels,
      ),
    ).toBe('事故发生后4小时仍未得到有效控制（敏感时期2小时）');
    expect(
      describeTrigger(
        { kind: 'all', of: [{ kind: 'flag', observation: 'controlled' }, { kind: 'upperOrder' }] },
        labels,
      ),
    ).toBe('同时满足：得到有效控制，且上级指挥机构指令启动本级响应');
  });
});
