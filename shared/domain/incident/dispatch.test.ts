import { describe, expect, it } from 'vitest';
import { dispatchText, nextDispatchStatuses } from './dispatch';

describe('dispatches', () => {
  it('moves forward or is withdrawn, never back; a shelter placement can only be withdrawn', () => {
    expect(nextDispatchStatuses({ status: 'dispatched', kind: 'team' })).toEqual([
      'enRoute',
      'arrived',
      'withdrawn',
    ]);
    expect(nextDispatchStatuses({ status: 'arrived', kind: 'team' })).toEqual(['withdrawn']);
    expect(nextDispatchStatuses({ status: 'withdrawn', kind: 'material' })).toEqual([]);
    expect(nextDispatchStatuses({ status: 'dispatched', kind: 'shelter' })).toEqual(['withdrawn']);
  });

  it('describes a dispatch as the log writes it', () => {
    expect(dispatchText({ kind: 'material', name: '编织袋', quantity: 500, unit: '条' })).toBe(
      '物资 编织袋 500条',
    );
    expect(dispatchText({ kind: 'team', name: '滨江防汛抢险队', quantity: null, unit: '' })).toBe(
      '救援队伍 滨江防汛抢险队',
    );
    expect(dispatchText({ kind: 'shelter', name: '滨江小学', quantity: 120, unit: '人' })).toBe(
      '避难场所 滨江小学 安置120人',
    );
  });
});
