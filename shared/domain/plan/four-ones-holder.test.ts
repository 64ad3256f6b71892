import { describe, expect, it } from 'vitest';
import { FOUR_ONES, fourOnesHolder, type FourOnes } from './plan-context';

describe('fourOnesHolder', () => {
  it('names who holds each of the 四个一, and nothing while it is not in place', () => {
    const empty: FourOnes = { leader: null, taskForce: null, specialPlan: null, channel: null };
    expect(FOUR_ONES.map((item) => fourOnesHolder(empty, item))).toEqual([null, null, null, null]);
    const full: FourOnes = {
      leader: { personId: 'p1', name: '王建国', unitId: 'u1', unitName: '区应急管理局' },
      taskForce: {
        members: [
          { personId: 'p2', name: '李伟涛' },
          { personId: 'p3', name: '赵敏' },
        ],
      },
      specialPlan: { title: '防台风专项工作方案' },
      channel: { personId: 'p4', name: '陈晓' },
    };
    expect(FOUR_ONES.map((item) => fourOnesHolder(full, item))).toEqual([
      '王建国（区应急管理局）',
      '李伟涛、赵敏',
      '防台风专项工作方案',
      '陈晓',
    ]);
  });
});
