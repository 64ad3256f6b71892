import { describe, expect, it } from 'vitest';
import { changedFields, missingFields, PRODUCTION_SAFETY_REPORT } from './report-content';

const complete = {
  unitOverview: '示范区某化工有限公司，危险化学品生产企业',
  timePlaceScene: '7月1日8时，二号罐区，现场有泄漏',
  course: '储罐阀门破裂导致液氯泄漏',
  casualtiesAndLoss: '重伤2人，暂无死亡，直接经济损失初估50万元',
  measuresTaken: '已疏散周边群众，消防救援大队堵漏',
};

describe('report content (条例 Art. 12)', () => {
  it('a report missing a required item cannot be sent, and says which', () => {
    expect(missingFields(PRODUCTION_SAFETY_REPORT, complete)).toEqual([]);
    const missing = missingFields(PRODUCTION_SAFETY_REPORT, { ...complete, measuresTaken: '  ' });
    expect(missing.map((f) => f.label)).toEqual(['已经采取的措施']);
  });

  it('a follow-up lists what changed since the last report', () => {
    const next = { ...complete, casualtiesAndLoss: '重伤2人，死亡1人，直接经济损失初估80万元' };
    expect(changedFields(PRODUCTION_SAFETY_REPORT, complete, next).map((c) => c.field.key)).toEqual([
      'casualtiesAndLoss',
    ]);
  });
});
