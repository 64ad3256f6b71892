import { Button, Card, Flex, Input, Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AQT9009_CAPABILITIES,
  evaluationSummary,
  PLAN_CLAUSE_MAX,
  SCALE_GRADES,
  type CapabilityResult,
  type FindingKind,
  type RatingScale,
} from '@shared/domain/drill/evaluation';
import { criticalTasksOf } from '@shared/domain/drill/critical-tasks';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import type { RunState } from '@shared/domain/drill/run-state';
import type { Scenario } from '@shared/domain/drill/scenario';
import type { Actor } from '@shared/domain/org/types';

const SCORE_OPTIONS = Array.from({ length: 21 }, (_, i) => String(100 - i * 5));

/**
 * 评估: each capability the scenario tests, with its 关键任务 under its name, rated by the signed-in evaluator
 * on the scenario's scale beside every other evaluator's rating and their mean score; the share rated shows
 * above the mean. Observations
 * are written here too — 记录, 优点 or 问题 — linked to a capability and, when about one, an inject, its expected
 * action and the plan clause (the findings of the 评估报告). Read-only once the run is archived.
 */
export function EvaluationPanel({
  scenario,
  state,
  actor,
  canRate,
  canObserve,
  send,
}: {
  scenario: Pick<Scenario, 'capabilities' | 'ratingScale'> & Partial<Pick<Scenario, 'criticalTasks'>>;
  state: RunState;
  actor: Actor | null;
  canRate: boolean;
  canObserve: boolean;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  // Scenarios written before ratings existed carry neither field.
  const capabilities = useMemo(
    () => scenario.capabilities ?? [...AQT9009_CAPABILITIES],
    [scenario.capabilities],
  );
  const scale: RatingScale = scenario.ratingScale ?? 'psmu';
  const summary = useMemo(
    () => evaluationSummary(capabilities, state.ratings, scale),
    [capabilities, state.ratings, scale],
  );
  const label = (key: string, params: Record<string, unknown> = {}) => t(`drills.evaluation.${key}`, params);
  const grades = scale === 'score' ? SCORE_OPTIONS : SCALE_GRADES[scale].map((g) => g.grade);

  const columns: ColumnsType<CapabilityResult> = [
    {
      title: label('capability'),
      dataIndex: 'capability',
      width: 260,
      render: (_: unknown, r) => <CapabilityCell capability={r.capability} tasks={scenario.criticalTasks} />,
    },
    {
      title: label('mine'),
      key: 'mine',
      width: 140,
      render: (_: unknown, r) => (
        <Select
          size="small"
          style={{ width: 110 }}
          aria-label={`${label('mine')} ${r.capability}`}
          placeholder={label('rate')}
          disabled={!canRate || !actor}
          value={actor ? (state.ratings[r.capability]?.[actor.personId]?.rating ?? null) : null}
          options={grades.map((g) => ({
            value: g,
            label: t(`drills.evaluation.grades.${g}`, { defaultValue: g }),
          }))}
          onChange={(rating: string) =>
            void send({ type: 'eval.rate', capability: r.capability, rating, note: '' }, label('rated'))
          }
        />
      ),
    },
    {
      title: label('all'),
      key: 'all',
      render: (_: unknown, r) =>
        r.ratings.length === 0 ? (
          <Typography.Text type="secondary">{label('notRated')}</Typography.Text>
        ) : (
          r.ratings.map((x) => (
            <Tag key={x.evaluatorId}>
              {x.evaluatorName}：{t(`drills.evaluation.grades.${x.rating}`, { defaultValue: x.rating })}
            </Tag>
          ))
        ),
    },
    {
      title: label('score'),
      key: 'score',
      width: 90,
      render: (_: unknown, r) => (r.meanScore === null ? '—' : r.meanScore),
    },
  ];

  return (
    <Card
      size="small"
      title={label('title', { scale: label(`scales.${scale}`) })}
      data-testid="evaluation"
      extra={
        <Space size={16}>
          <span>
            {label('coverage', { rated: summary.rated, total: capabilities.length })}{' '}
            <Progress
              percent={Math.round(summary.coverage * 100)}
              size="small"
              style={{ width: 120, margin: 0, display: 'inline-flex' }}
            />
          </span>
          <span data-testid="evaluation-score">
            {label('meanScore')}：{summary.meanScore ?? '—'}
          </span>
        </Space>
      }
    >
      {canObserve ? (
        // A new person starts with an empty link: another evaluator's inject must not carry over unnoticed.
        <ObservationInput key={actor?.personId ?? ''} capabilities={capabilities} state={state} send={send} />
      ) : null}
      <Table
        size="small"
        rowKey="capability"
        columns={columns}
        dataSource={summary.capabilities}
        pagination={false}
      />
    </Card>
  );
}

/** The capability's name and, under it, its 关键任务 numbered as the scenario lists them: what is rated. */
function CapabilityCell({
  capability,
  tasks,
}: {
  capability: string;
  tasks: Scenario['criticalTasks'] | undefined;
}) {
  const { t } = useTranslation();
  const own = criticalTasksOf(tasks, capability);
  return (
    <>
      <div>{capability}</div>
      {own.length ? (
        <ol
          aria-label={t('drills.evaluation.criticalTasks', { capability })}
          style={{ margin: '2px 0 0', paddingInlineStart: 18, fontSize: 12, lineHeight: 1.5 }}
        >
          {own.map((task, i) => (
            <li key={i}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {task}
              </Typography.Text>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

/**
 * An observation: its kind (记录 / 优点 / 问题), the capability, and optionally the inject, one of its expected
 * actions and the plan clause it tests (the inject's own clause until the evaluator writes another).
 */
function ObservationInput({
  capabilities,
  state,
  send,
}: {
  capabilities: readonly string[];
  state: RunState;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [finding, setFinding] = useState<FindingKind>('note');
  const [capability, setCapability] = useState<string>(capabilities[0] ?? '');
  const [injectId, setInjectId] = useState<string | null>(null);
  const [actionId, setActionId] = useState<string | null>(null);
  const [planClause, setPlanClause] = useState('');
  const [text, setText] = useState('');
  const delivered = state.injects.filter((i) => state.outcomes[i.id]?.kind === 'delivered');
  const inject = delivered.find((i) => i.id === injectId);
  const chooseInject = (id: string | null) => {
    setInjectId(id);
    setActionId(null);
    setPlanClause(delivered.find((i) => i.id === id)?.planClause ?? '');
  };
  const save = async () => {
    // Kept in the form until the journal has it: a refusal loses nothing.
    if (!text.trim()) return;
    const ok = await send(
      {
        type: 'eval.observe',
        text: text.trim(),
        capability,
        injectId,
        finding,
        actionId,
        planClause: planClause.trim(),
      },
      t('drills.evaluation.observed'),
    );
    if (ok) {
      setText('');
      chooseInject(null);
    }
  };
  return (
    <Flex vertical gap={8} style={{ marginBottom: 8 }} data-testid="observation-form">
      <Flex wrap gap={8} align="center">
        <Segmented<FindingKind>
          aria-label={t('drillReport.observe.kind')}
          value={finding}
          onChange={setFinding}
          options={(['note', 'strength', 'problem'] as const).map((k) => ({
            value: k,
            label: t(`drillReport.findingKinds.${k}`),
          }))}
        />
        <Select
          aria-label={t('drills.evaluation.capability')}
          style={{ width: 170 }}
          value={capability}
          options={capabilities.map((c) => ({ value: c, label: c }))}
          onChange={setCapability}
        />
        <Select
          aria-label={t('drills.evaluation.inject')}
          style={{ width: 220 }}
          allowClear
          placeholder={t('drills.evaluation.inject')}
          value={injectId}
          options={delivered.map((i) => ({ value: i.id, label: `${i.no} · ${i.synopsis}` }))}
          onChange={(v: string | undefined) => chooseInject(v ?? null)}
        />
        <Select
          aria-label={t('drillReport.observe.action')}
          style={{ width: 200 }}
          allowClear
          disabled={!inject || inject.expectedActions.length === 0}
          placeholder={t('drillReport.observe.action')}
          value={actionId}
          options={(inject?.expectedActions ?? []).map((a) => ({ value: a.id, label: a.text }))}
          onChange={(v: string | undefined) => setActionId(v ?? null)}
        />
        <Input
          aria-label={t('drillReport.observe.clause')}
          placeholder={t('drillReport.observe.clause')}
          style={{ width: 170 }}
          value={planClause}
          maxLength={PLAN_CLAUSE_MAX}
          onChange={(e) => setPlanClause(e.target.value)}
        />
      </Flex>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('drills.evaluation.observation')}
          placeholder={t('drills.evaluation.observationPlaceholder')}
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void save()}
        />
        <Button disabled={!text.trim()} onClick={() => void save()}>
          {t('drillReport.observe.save')}
        </Button>
      </Space.Compact>
    </Flex>
  );
}
