/**
 * 评估: evaluators rate each capability the scenario tests on the scenario's scale, and write time-stamped
 * observations linked to an inject. Every evaluator's rating is kept apart (a re-rating replaces only their
 * own, and the journal keeps the history); the combined view shows each one beside the mean score, and the
 * share of capabilities rated at all, so a score never hides what nobody evaluated.
 */

/** AQ/T 9009-2015 evaluation content; a scenario may edit the list. */
export const AQT9009_CAPABILITIES = [
  '预警与信息报告',
  '紧急动员',
  '指挥与协调',
  '事故监测与研判',
  '现场处置',
  '应急资源管理',
  '应急通信',
  '信息公开',
  '人员保护',
  '警戒与管制',
  '医疗救护',
  '现场控制及恢复',
] as const;

/** What an evaluator's observation says: a strength (优点), a problem (问题), or a plain record (记录). */
export const FINDING_KINDS = ['strength', 'problem', 'note'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const isFindingKind = (value: unknown): value is FindingKind =>
  (FINDING_KINDS as readonly unknown[]).includes(value);

/** As long as the script's own 预案条款 may be. */
export const PLAN_CLAUSE_MAX = 100;

export const RATING_SCALES = ['psmu', 'grade', 'score'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

/**
 * The grades of each scale and the score each stands for, best first. P/S/M/U: performed without / with some /
 * with major challenges, unable to perform; 优/良/中/差 as offices grade. A score scale is rated 0–100 directly.
 */
export const SCALE_GRADES: Record<
  Exclude<RatingScale, 'score'>,
  readonly { grade: string; score: number }[]
> = {
  psmu: [
    { grade: 'P', score: 100 },
    { grade: 'S', score: 80 },
    { grade: 'M', score: 60 },
    { grade: 'U', score: 0 },
  ],
  grade: [
    { grade: '优', score: 95 },
    { grade: '良', score: 80 },
    { grade: '中', score: 65 },
    { grade: '差', score: 40 },
  ],
};

/** The score a rating stands for on `scale`, or null when it is not a rating of that scale. */
export function ratingScore(scale: RatingScale, rating: string): number | null {
  if (scale === 'score') {
    const n = Number(rating);
    return rating.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
  }
  return SCALE_GRADES[scale].find((g) => g.grade === rating)?.score ?? null;
}

/** Whether `rating` is a rating on any scale (the journal's check; the screen offers only the scenario's). */
export const isRating = (rating: string): boolean =>
  RATING_SCALES.some((s) => ratingScore(s, rating) !== null);

export interface Rating {
  rating: string;
  note: string;
  evaluatorId: string;
  evaluatorName: string;
  at: number;
}

/** Capability → evaluator → their latest rating. */
export type Ratings = Record<string, Record<string, Rating>>;

export interface CapabilityResult {
  capability: string;
  ratings: Rating[];
  /** Mean score of the ratings on the scale; null while none. */
  meanScore: number | null;
}

export interface EvaluationSummary {
  capabilities: CapabilityResult[];
  rated: number;
  /** Capabilities rated by anyone ÷ capabilities, 0…1. */
  coverage: number;
  /** Mean over the rated capabilities only (coverage says how many that is); null while none. */
  meanScore: number | null;
  evaluators: string[];
}

export function evaluationSummary(
  capabilities: readonly string[],
  ratings: Ratings,
  scale: RatingScale,
): EvaluationSummary {
  const results = capabilities.map((capability): CapabilityResult => {
    const given = Object.values(ratings[capability] ?? {}).sort((a, b) => a.at - b.at);
    const scores = given.flatMap((r) => {
      const score = ratingScore(scale, r.rating);
      return score === null ? [] : [score];
    });
    return { capability, ratings: given, meanScore: mean(scores) };
  });
  const rated = results.filter((r) => r.meanScore !== null);
  return {
    capabilities: results,
    rated: rated.length,
    coverage: capabilities.length === 0 ? 0 : rated.length / capabilities.length,
    meanScore: mean(rated.map((r) => r.meanScore!)),
    evaluators: [...new Set(results.flatMap((r) => r.ratings.map((x) => x.evaluatorName)))],
  };
}

function mean(values: readonly number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
}
