import { describe, expect, it } from 'vitest';
import samples from '@resources/sample-data/plans.json';
import { checkPlanInput } from '@shared/domain/plan/check-plan';
import { planSchema } from '@shared/domain/plan/plan-schema';
import { fromFormValues, newPlanValues, toFormValues } from './plan-form';

describe('plan editor form values', () => {
  it('round-trips every sample plan unchanged', () => {
    for (const raw of samples.plans) {
      const plan = planSchema.parse(raw);
      expect(planSchema.parse(fromFormValues(toFormValues(plan)))).toEqual(plan);
    }
  });

  it('drops switched-off levels and keeps only the fields of each trigger kind', () => {
    const values = toFormValues(planSchema.parse(samples.plans[2]));
    values.levels[0]!.enabled = false; // Ⅰ
    values.levels[3]!.triggers = [{ kind: 'flag', observation: 'leakOffsite', atLeast: 3 } as never];
    const input = fromFormValues(values);
    expect(input.levels.map((l) => l.level)).toEqual(['IV', 'III', 'II']);
    expect(input.levels[0]!.triggers).toEqual([{ kind: 'flag', observation: 'leakOffsite' }]);
  });

  it('starts a new plan with the usual roles bound to the directory and names what is still missing', () => {
    const values = newPlanValues([{ id: 'pos-1', name: '总指挥' } as never], '2026-11-23');
    expect(values.roles[0]).toMatchObject({ name: '总指挥', positionIds: ['pos-1'] });
    const check = checkPlanInput(
      fromFormValues({
        ...values,
        meta: { ...values.meta, title: '森林火灾', hazardType: '森林火灾' },
        commandBody: '区森林防火指挥部',
      }),
    );
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.issues.filter((i) => i.code === 'noSigner').map((i) => i.level)).toEqual([
        'IV',
        'III',
        'II',
        'I',
      ]);
  });
});
