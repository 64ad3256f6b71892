import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLOUT_STAGES, calloutRows, recordCallout, type CalloutEntry } from './callout';

const MIN = 60_000;
const T = Date.parse('2026-12-06T03:00:00+08:00');

function record(
  list: Record<string, CalloutEntry>,
  unit: string,
  stage: (typeof CALLOUT_STAGES)[number],
  at: number,
) {
  const result = recordCallout(list, unit, stage, at);
  if (!result.ok) throw new Error(result.code);
  return result.list;
}

describe('拉动 call-out list', () => {
  it('records notified → acknowledged → arrived with whole minutes from each unit’s own notification', () => {
    let list = record({}, '区消防救援大队', 'notified', T);
    list = record(list, '区消防救援大队', 'acknowledged', T + 2 * MIN + 59_000);
    list = record(list, '滨江街道应急队', 'notified', T + 5 * MIN);
    list = record(list, '区消防救援大队', 'arrived', T + 31 * MIN);
    const rows = calloutRows(['区消防救援大队', '滨江街道应急队', '区卫健委'], list, T + 50 * MIN);
    expect(
      rows.map((r) => [r.unit, r.status, r.acknowledgedMinutes, r.arrivedMinutes, r.waitingMinutes]),
    ).toEqual([
      ['区消防救援大队', 'arrived', 2, 31, null],
      ['滨江街道应急队', 'notified', null, null, 45],
      ['区卫健委', 'toNotify', null, null, null],
    ]);
    // Still out after 45 minutes is worse than arriving in 31.
    expect(rows.filter((r) => r.isSlowest).map((r) => r.unit)).toEqual(['滨江街道应急队']);
  });

  it('takes an arrival without a call back as the acknowledgement too', () => {
    let list = record({}, '蓝天救援队', 'notified', T);
    list = record(list, '蓝天救援队', 'arrived', T + 20 * MIN);
    expect(list['蓝天救援队']).toEqual({
      notifiedAt: T,
      acknowledgedAt: T + 20 * MIN,
      arrivedAt: T + 20 * MIN,
    });
  });

  it('refuses what breaks the order, and an empty unit', () => {
    expect(recordCallout({}, '蓝天救援队', 'acknowledged', T)).toEqual({ ok: false, code: 'notNotified' });
    expect(recordCallout({}, '  ', 'notified', T)).toEqual({ ok: false, code: 'unitRequired' });
    let list = record({}, '蓝天救援队', 'notified', T);
    expect(recordCallout(list, '蓝天救援队', 'arrived', T - 1)).toEqual({
      ok: false,
      code: 'beforeNotified',
    });
    list = record(list, '蓝天救援队', 'arrived', T + 10 * MIN);
    expect(recordCallout(list, '蓝天救援队', 'acknowledged', T + 11 * MIN)).toEqual({
      ok: false,
      code: 'acknowledgedAfterArrival',
    });
    expect(recordCallout(list, '蓝天救援队', 'notified', T + 11 * MIN)).toEqual({
      ok: false,
      code: 'alreadyAnswered',
    });
  });

  it('keeps notified ≤ acknowledged ≤ arrived whatever is recorded, and minutes never negative', () => {
    const step = fc.record({
      unit: fc.constantFrom('甲', '乙'),
      stage: fc.constantFrom(...CALLOUT_STAGES),
      at: fc.integer({ min: 0, max: 120 * MIN }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.integer({ min: 0, max: 200 * MIN }), (steps, now) => {
        let list: Record<string, CalloutEntry> = {};
        for (const s of steps) {
          const result = recordCallout(list, s.unit, s.stage, s.at);
          if (result.ok) list = result.list;
        }
        for (const e of Object.values(list)) {
          expect(e.notifiedAt).not.toBeNull();
          if (e.acknowledgedAt !== null) expect(e.acknowledgedAt).toBeGreaterThanOrEqual(e.notifiedAt!);
          if (e.arrivedAt !== null) expect(e.arrivedAt).toBeGreaterThanOrEqual(e.acknowledgedAt!);
        }
        for (const r of calloutRows([], list, Math.max(now, 120 * MIN))) {
          for (const m of [r.acknowledgedMinutes, r.arrivedMinutes, r.waitingMinutes]) {
            if (m !== null) expect(m).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });
});
