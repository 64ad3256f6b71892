/**
 * 评估报告 and 总结报告 of a run, as data: one builder, two views. The structure follows AQ/T 9009-2015 (评估报告:
 * 演练基本情况, 评估过程, 情况分析, 改进的意见和建议, 评估结论) and AQ/T 9007-2019 7.2 (总结报告: 演练基本概要; 发现的
 * 问题, 取得的经验和教训; 应急管理工作建议). Everything is read from the run's journal state and its frozen scenario;
 * the renderer translates the codes (form, scope, purpose, outcome, recommendation kinds) and lays it out.
 *
 * Invariant: nothing unevaluated is hidden. Every score travels with its coverage (capabilities rated of all,
 * evaluators who rated of all evaluators, expected actions marked of all), and injects nobody answered are
 * counted beside the latency histogram.
 */
import {
  evaluationSummary,
  ratingScore,
  SCALE_GRADES,
  type FindingKind,
  type RatingScale,
} from './evaluation';
import { criticalTasksOf } from './critical-tasks';
import type { DrillStatus } from './drill-machine';
import { runMetrics, type ActionTally, type InjectMetric } from './run-metrics';
import type { ActionMark, SkipReason } from './run-events';
import type { RunEntry, RunState } from './run-state';
import type { BlindMode, DrillForm, Scenario } from './scenario';
import type { CalloutRow } from './callout';
import { scenarioTimeAt } from './timeline';

const MINUTE = 60_000;

export type ReportKind = 'evaluation' | 'summary';

/** The sections of each view, in their order (the sheet numbers them 一、二、三…). */
export const REPORT_SECTIONS = {
  evaluation: [
    'overview',
    'process',
    'timeline',
    'findings',
    'metrics',
    'recommendations',
    'revisions',
    'conclusion',
  ],
  summary: ['overview', 'strengths', 'problems', 'nextSteps'],
} as const satisfies Record<ReportKind, readonly string[]>;
export type ReportSection = (typeof REPORT_SECTIONS)[ReportKind][number];

export interface ReportPlanRef {
  id: string;
  version: number;
  /** As the plan library has it; null when the plan is no longer on this desk. */
  title: string | null;
}

export interface EvaluationReportInput {
  run: { id: string; title: string; directorName: string; createdAt: number };
  scenario: Pick<
    Scenario,
    | 'title'
    | 'form'
    | 'scope'
    | 'purpose'
    | 'blind'
    | 'hazard'
    | 'plans'
    | 'objectives'
    | 'units'
    | 'positions'
    | 'controllers'
    | 'evaluators'
    | 'observers'
    | 'capabilities'
    | 'ratingScale'
  > &
    // Runs frozen before 关键任务 existed carry none.
    Partial<Pick<Scenario, 'criticalTasks'>>;
  state: RunState;
  status: DrillStatus;
  /** Plan titles by `${id}@${version}`. */
  planTitles?: Readonly<Record<string, string>>;
  /** The moment the report is read at (for a run still under way, and for 拉动 waits). */
  at: number;
}

export interface ReportOverview {
  title: string;
  hazard: string;
  form: DrillForm;
  scope: Scenario['scope'];
  purpose: Scenario['purpose'];
  blind: BlindMode;
  /** The real moment the clock first started, or null for a run never started. */
  startedAt: number | null;
  endedAt: number | null;
  realDurationMs: number | null;
  /** Scenario time covered by the run. */
  scenarioDurationMs: number;
  outcome: 'ended' | 'aborted' | 'underWay';
  abortReason: string | null;
  /** The moment the report's 编号 is made from (the start, else the run's creation). */
  numberedAt: number;
  plans: ReportPlanRef[];
  objectives: string[];
  units: string[];
  positions: string[];
  director: string;
  controllers: string[];
  /** The scenario's evaluators and anyone else who rated or observed. */
  evaluators: string[];
  observers: string[];
}

export interface ReportResponse {
  author: string;
  text: string;
  at: number;
  scenarioMs: number;
}

export interface TimelineRow {
  injectId: string;
  no: string;
  synopsis: string;
  to: string;
  plannedMs: number;
  outcome: InjectMetric['outcome'];
  deliveredAt: number | null;
  deliveredMs: number | null;
  skipReason: SkipReason | null;
  firstResponseMs: number | null;
  latencyMs: number | null;
  isAdHoc: boolean;
  planClause: string;
  responses: ReportResponse[];
}

export interface ReportFinding {
  /** Stable per run: the observation's place among the journal's entries. */
  key: string;
  kind: FindingKind;
  text: string;
  author: string;
  at: number;
  scenarioMs: number;
  capability: string;
  injectId: string | null;
  injectNo: string | null;
  injectSynopsis: string | null;
  actionId: string | null;
  actionText: string | null;
  planClause: string;
}

export interface CapabilityRating {
  evaluatorName: string;
  rating: string;
  score: number | null;
  note: string;
}

export interface CapabilityFindings {
  capability: string;
  /** False for a capability an observation named that is not on the scenario's list. */
  isListed: boolean;
  /** Its 关键任务 as the scenario states them; none for an unlisted one. */
  criticalTasks: string[];
  ratings: CapabilityRating[];
  meanScore: number | null;
  /** Evaluators who rated it ÷ all evaluators, 0…1. */
  raters: number;
  evaluatorsTotal: number;
  coverage: number;
  strengths: ReportFinding[];
  problems: ReportFinding[];
  notes: ReportFinding[];
}

/** An expected action the controllers did not see done in time, or did not evaluate. */
export interface ActionFinding {
  injectId: string;
  injectNo: string;
  synopsis: string;
  actionId: string;
  text: string;
  windowMinutes: number;
  mark: ActionMark | null;
  planClause: string;
}

export interface LatencyBin {
  fromMinutes: number;
  /** null for the open last bin. */
  toMinutes: number | null;
  count: number;
}

export interface ReportMetrics {
  delivered: number;
  skipped: number;
  open: number;
  actions: ActionTally;
  responseLatency: { count: number; medianMs: number | null; maxMs: number | null };
  latencyHistogram: LatencyBin[];
  /** Delivered injects no player answered: shown beside the histogram, never dropped from it silently. */
  unanswered: number;
  callout: CalloutRow[];
}

export type RecommendationKind = 'revisePlan' | 'rectify' | 'actionMissed' | 'actionLate';

export interface Recommendation {
  key: string;
  kind: RecommendationKind;
  capability: string | null;
  /** The problem as observed, or the expected action's text. */
  text: string;
  injectNo: string | null;
  planClause: string;
  windowMinutes: number | null;
}

/** A problem against a plan clause: what a 预案修订建议 is made from. */
export interface RevisionCandidate {
  sourceKey: string;
  clause: string;
  finding: ReportFinding;
  /** The tested plan it goes to when there is exactly one; otherwise the person chooses. */
  plan: ReportPlanRef | null;
}

export interface ReportConclusion {
  meanScore: number | null;
  /** The 优/良/中/差 grade nearest the mean score; null while nothing is rated. */
  grade: string | null;
  rated: number;
  total: number;
  coverage: number;
  /** Some capabilities are unrated: the grade stands for the rated ones only. */
  isPartial: boolean;
}

export interface EvaluationReport {
  runId: string;
  scale: RatingScale;
  overview: ReportOverview;
  process: {
    evaluators: string[];
    capabilities: number;
    rated: number;
    coverage: number;
    observations: Record<FindingKind, number>;
  };
  timeline: TimelineRow[];
  findings: CapabilityFindings[];
  actionFindings: ActionFinding[];
  metrics: ReportMetrics;
  recommendations: Recommendation[];
  revisionCandidates: RevisionCandidate[];
  conclusion: ReportConclusion;
}

/** Scenario-time bins of the first-response histogram, in minutes. */
export const LATENCY_BINS = [0, 1, 3, 5, 10, 15, 30, 60] as const;

export function latencyHistogram(latenciesMs: readonly number[]): LatencyBin[] {
  return LATENCY_BINS.map((from, i) => {
    const to = LATENCY_BINS[i + 1] ?? null;
    const count = latenciesMs.filter((ms) => ms >= from * MINUTE && (to === null || ms < to * MINUTE)).length;
    return { fromMinutes: from, toMinutes: to, count };
  });
}

/** The 优/良/中/差 grade whose score is nearest `score` (ties go to the better grade). */
export function gradeOf(score: number | null): string | null {
  if (score === null) return null;
  let best: { grade: string; score: number } | null = null;
  for (const g of SCALE_GRADES.grade) {
    if (!best || Math.abs(g.score - score) < Math.abs(best.score - score)) best = g;
  }
  return best?.grade ?? null;
}

export function evaluationReport(input: EvaluationReportInput): EvaluationReport {
  const { run, scenario, state, status, at } = input;
  const capabilities = scenario.capabilities ?? [];
  const scale: RatingScale = scenario.ratingScale ?? 'psmu';
  const metrics = runMetrics(state, scenario.units, at);
  const summary = evaluationSummary(capabilities, state.ratings, scale);
  const injectById = new Map(state.injects.map((i) => [i.id, i]));
  const plans: ReportPlanRef[] = scenario.plans.map((p) => ({
    id: p.id,
    version: p.version,
    title: input.planTitles?.[`${p.id}@${p.version}`] ?? null,
  }));

  const findings: ReportFinding[] = state.entries.flatMap((entry, index) =>
    entry.kind === 'observation' ? [findingOf(entry, index, injectById)] : [],
  );
  const raterNames = Object.values(state.ratings).flatMap((byEvaluator) =>
    Object.values(byEvaluator).map((r) => r.evaluatorName),
  );
  const evaluators = unique([...scenario.evaluators, ...raterNames, ...findings.map((f) => f.author)]);

  const byCapability = (capability: string, isListed: boolean): CapabilityFindings => {
    const result = summary.capabilities.find((c) => c.capability === capability);
    const given = result?.ratings ?? [];
    const own = findings.filter((f) => f.capability === capability);
    const rated = new Set(given.map((r) => r.evaluatorName)).size;
    return {
      capability,
      isListed,
      criticalTasks: isListed ? criticalTasksOf(scenario.criticalTasks, capability) : [],
      ratings: given.map((r) => ({
        evaluatorName: r.evaluatorName,
        rating: r.rating,
        score: ratingScore(scale, r.rating),
        note: r.note,
      })),
      meanScore: result?.meanScore ?? null,
      raters: rated,
      evaluatorsTotal: evaluators.length,
      coverage: evaluators.length === 0 ? 0 : rated / evaluators.length,
      strengths: own.filter((f) => f.kind === 'strength'),
      problems: own.filter((f) => f.kind === 'problem'),
      notes: own.filter((f) => f.kind === 'note'),
    };
  };
  const unlisted = unique(findings.map((f) => f.capability)).filter((c) => !capabilities.includes(c));
  const capabilityFindings = [
    ...capabilities.map((c) => byCapability(c, true)),
    ...unlisted.map((c) => byCapability(c, false)),
  ];

  const timeline = metrics.injects.map((m): TimelineRow => {
    const inject = injectById.get(m.injectId)!;
    const outcome = state.outcomes[m.injectId];
    const deliveredMs = outcome?.kind === 'delivered' ? outcome.scenarioMs : null;
    return {
      injectId: m.injectId,
      no: m.no,
      synopsis: m.synopsis,
      to: inject.to,
      plannedMs: inject.offsetMs,
      outcome: m.outcome,
      deliveredAt: m.deliveredAt,
      deliveredMs,
      skipReason: outcome?.kind === 'skipped' ? outcome.reason : null,
      firstResponseMs:
        deliveredMs !== null && m.responseLatencyMs !== null ? deliveredMs + m.responseLatencyMs : null,
      latencyMs: m.responseLatencyMs,
      isAdHoc: state.adHocIds.includes(m.injectId),
      planClause: inject.planClause ?? '',
      responses: state.entries
        .filter((e) => e.kind === 'response' && e.injectId === m.injectId)
        .map((e) => ({ author: e.author, text: e.text, at: e.at, scenarioMs: e.scenarioMs })),
    };
  });

  const actionFindings = metrics.injects
    .filter((m) => m.outcome === 'delivered')
    .flatMap((m) =>
      m.actions
        .filter((a) => a.mark !== 'observed')
        .map((a): ActionFinding => ({
          injectId: m.injectId,
          injectNo: m.no,
          synopsis: m.synopsis,
          actionId: a.actionId,
          text: a.text,
          windowMinutes: a.windowMinutes,
          mark: a.mark,
          planClause: injectById.get(m.injectId)?.planClause ?? '',
        })),
    );

  const latencies = metrics.injects.flatMap((m) =>
    m.responseLatencyMs === null ? [] : [m.responseLatencyMs],
  );
  const problems = findings.filter((f) => f.kind === 'problem');
  const recommendations: Recommendation[] = [
    ...problems.map((f): Recommendation => ({
      key: f.key,
      kind: f.planClause ? 'revisePlan' : 'rectify',
      capability: f.capability,
      text: f.text,
      injectNo: f.injectNo,
      planClause: f.planClause,
      windowMinutes: null,
    })),
    ...actionFindings
      .filter((a) => a.mark === 'notObserved' || a.mark === 'late')
      .map((a): Recommendation => ({
        key: `action:${a.injectId}:${a.actionId}`,
        kind: a.mark === 'late' ? 'actionLate' : 'actionMissed',
        capability: null,
        text: a.text,
        injectNo: a.injectNo,
        planClause: a.planClause,
        windowMinutes: a.windowMinutes,
      })),
  ];

  const startedAt = state.marks.find((m) => m.kind === 'start')?.at ?? null;
  const endedAt = state.endedAt;
  const isOver = ['aborted', 'ended', 'evaluating', 'archived'].includes(status);
  return {
    runId: run.id,
    scale,
    overview: {
      title: scenario.title,
      hazard: scenario.hazard ?? '',
      form: scenario.form,
      scope: scenario.scope,
      purpose: scenario.purpose,
      blind: scenario.blind ?? 'open',
      startedAt,
      endedAt,
      realDurationMs: startedAt !== null && endedAt !== null ? endedAt - startedAt : null,
      scenarioDurationMs: scenarioTimeAt(state.marks, endedAt ?? at),
      outcome: !isOver ? 'underWay' : state.abortReason !== null ? 'aborted' : 'ended',
      abortReason: state.abortReason,
      numberedAt: startedAt ?? run.createdAt,
      plans,
      objectives: [...scenario.objectives],
      units: [...scenario.units],
      positions: [...(scenario.positions ?? [])],
      director: run.directorName,
      controllers: [...scenario.controllers],
      evaluators,
      observers: [...scenario.observers],
    },
    process: {
      evaluators,
      capabilities: capabilities.length,
      rated: summary.rated,
      coverage: summary.coverage,
      observations: {
        strength: findings.filter((f) => f.kind === 'strength').length,
        problem: problems.length,
        note: findings.filter((f) => f.kind === 'note').length,
      },
    },
    timeline,
    findings: capabilityFindings,
    actionFindings,
    metrics: {
      delivered: metrics.delivered,
      skipped: metrics.skipped,
      open: metrics.open,
      actions: metrics.actions,
      responseLatency: metrics.responseLatency,
      latencyHistogram: latencyHistogram(latencies),
      unanswered: metrics.injects.filter((m) => m.outcome === 'delivered' && m.responseLatencyMs === null)
        .length,
      callout: metrics.callout,
    },
    recommendations,
    revisionCandidates: problems
      .filter((f) => f.planClause !== '')
      .map((f) => ({
        sourceKey: f.key,
        clause: f.planClause,
        finding: f,
        plan: plans.length === 1 ? plans[0]! : null,
      })),
    conclusion: {
      meanScore: summary.meanScore,
      grade: gradeOf(summary.meanScore),
      rated: summary.rated,
      total: capabilities.length,
      coverage: summary.coverage,
      isPartial: summary.rated < capabilities.length,
    },
  };
}

/** 总结报告's view of the same report: for leadership, what went well, the main problems, the next steps. */
export interface SummaryView {
  strengths: ReportFinding[];
  problems: ReportFinding[];
  /** Expected actions missed or late: problems the controllers saw, beside the evaluators' own. */
  actionProblems: ActionFinding[];
  nextSteps: Recommendation[];
  revisionCount: number;
}

export function summaryView(report: EvaluationReport): SummaryView {
  const all = report.findings.flatMap((c) => [...c.strengths, ...c.problems]);
  const byTime = (a: ReportFinding, b: ReportFinding) => a.at - b.at;
  return {
    strengths: all.filter((f) => f.kind === 'strength').sort(byTime),
    problems: all.filter((f) => f.kind === 'problem').sort(byTime),
    actionProblems: report.actionFindings.filter((a) => a.mark === 'notObserved' || a.mark === 'late'),
    nextSteps: report.recommendations,
    revisionCount: report.revisionCandidates.length,
  };
}

function findingOf(
  entry: RunEntry,
  index: number,
  injects: ReadonlyMap<string, RunState['injects'][number]>,
): ReportFinding {
  const inject = entry.injectId ? injects.get(entry.injectId) : undefined;
  const action = entry.actionId ? inject?.expectedActions.find((a) => a.id === entry.actionId) : undefined;
  return {
    key: `obs:${index}`,
    kind: entry.finding ?? 'note',
    text: entry.text,
    author: entry.author,
    at: entry.at,
    scenarioMs: entry.scenarioMs,
    capability: entry.capability ?? '',
    injectId: entry.injectId,
    injectNo: inject?.no ?? null,
    injectSynopsis: inject?.synopsis ?? null,
    actionId: action?.id ?? null,
    actionText: action?.text ?? null,
    planClause: entry.planClause ?? '',
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.trim() !== ''))];
}
