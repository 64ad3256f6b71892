import { describe, expect, it } from 'vitest';
import { evaluationSummary, isRating, ratingScore, type Ratings } from './evaluation';

const rating = (evaluatorName: string, value: string, at: number) => ({
  rating: value,
  note: '',
  evaluatorId: evaluatorName,
  evaluatorName,
  at,
});

describe('evaluation', () => {
  it('converts each scale’s ratings to scores and refuses what is not one', () => {
    expect(ratingScore('psmu', 'S')).toBe(80);
    expect(ratingScore('grade', '差')).toBe(40);
    expect(ratingScore('score', '73')).toBe(73);
    expect(ratingScore('score', '101')).toBeNull();
    expect(ratingScore('score', '')).toBeNull();
    expect(ratingScore('psmu', '优')).toBeNull();
    expect(isRating('优')).toBe(true);
    expect(isRating('X')).toBe(false);
  });

  it('keeps each evaluator’s rating, combines them, and never hides what nobody rated', () => {
    const ratings: Ratings = {
      预警与信息报告: { a: rating('王评估', 'P', 2), b: rating('李评估', 'M', 1) },
      紧急动员: { a: rating('王评估', 'S', 3) },
    };
    const summary = evaluationSummary(
      ['预警与信息报告', '紧急动员', '指挥与协调', '应急通信'],
      ratings,
      'psmu',
    );
    expect(
      summary.capabilities.map((c) => [c.capability, c.ratings.map((r) => r.evaluatorName), c.meanScore]),
    ).toEqual([
      ['预警与信息报告', ['李评估', '王评估'], 80],
      ['紧急动员', ['王评估'], 80],
      ['指挥与协调', [], null],
      ['应急通信', [], null],
    ]);
    expect(summary).toMatchObject({ rated: 2, coverage: 0.5, meanScore: 80 });
    expect(summary.evaluators.toSorted()).toEqual(['李评估', '王评估'].toSorted());
  });

  it('has coverage no higher than the share rated, whatever is rated', () => {
    const caps = ['甲', '乙', '丙'];
    for (let n = 0; n <= caps.length; n += 1) {
      const ratings: Ratings = Object.fromEntries(
        caps.slice(0, n).map((c) => [c, { a: rating('王', 'P', 1) }]),
      );
      // A rating of a capability not on the list counts for nothing.
      ratings['不在清单'] = { a: rating('王', 'P', 1) };
      expect(evaluationSummary(caps, ratings, 'psmu').coverage).toBe(n / caps.length);
    }
  });
});
