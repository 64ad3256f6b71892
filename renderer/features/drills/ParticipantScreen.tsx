import { Card, Empty, Form, Input, Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { statusOf } from '@shared/domain/drill/drill-machine';
import type { RunEntry, RunState } from '@shared/domain/drill/run-state';
import type { Inject } from '@shared/domain/drill/scenario';
import { formatOffset, formatScenarioClock } from '@shared/domain/drill/scenario-time';
import { scenarioTimeAt } from '@shared/domain/drill/timeline';
import { useClock } from '../../ui/use-clock';
import { SignInDialog } from '../session/SignInDialog';
import { DrillIncidentCard } from './DrillIncidentCard';
import { DrillWatermark } from './DrillWatermark';
import { RunStatusTag } from './RunStatusTag';
import { useDrillRun } from './useDrillRun';
import { useFollowTickerBroadcast } from './useFollowTickerBroadcast';

/**
 * 参演人员界面: for the projector or the players' desks, in its own window. It shows the scenario clock and
 * only what has been delivered — the script itself never reaches this screen's render — and takes the
 * players' decisions and responses, each stamped and linked to the inject it answers.
 */
export function ParticipantScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { loaded, send } = useDrillRun(id);
  useFollowTickerBroadcast(id);
  const status = loaded ? statusOf(loaded.snapshot) : null;
  const beat = useClock(500, status === 'running');
  const state = loaded?.snapshot.context ?? null;
  // Worked out once per journal change, not at every beat of the clock: a long drill has hundreds of cards.
  const delivered = useMemo(() => (state ? deliveredInjects(state) : []), [state]);
  const responses = useMemo(() => responsesByInject(state), [state]);
  // The newest cards only, more on request: a projector shows what just came in, and a thousand cards laid
  // out again at every delivery took the laptop's two cores from the drill ticker.
  const [shown, setShown] = useState(CARDS_AT_A_TIME);
  if (!loaded || !status || !state) return <div className="participant-screen" />;
  // The beat stops with the clock; the pause (or ENDEX) made since it must still count.
  const at = Math.max(beat, state.lastAt);
  const canRespond = status === 'running' || status === 'paused';
  return (
    <div className="participant-screen" data-testid="participant-screen">
      <DrillWatermark />
      {/* This window has no shell around it: a response typed with nobody signed in asks for sign-in here. */}
      <SignInDialog />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('drills.prefix')}
          {loaded.run.title}
        </Typography.Title>
        <Space size={16} align="center">
          <RunStatusTag status={status} />
          <span className="drill-clock" data-testid="participant-clock">
            {formatScenarioClock(scenarioTimeAt(state.marks, at))}
          </span>
        </Space>
      </Space>
      <div style={{ marginBottom: 12 }}>
        <DrillIncidentCard runId={loaded.run.id} title="" plans={[]} canOpen={false} />
      </div>
      {status === 'draft' || status === 'ready' ? (
        <Empty description={t('drills.participant.waiting')} />
      ) : null}
      {delivered.length === 0 && status !== 'draft' && status !== 'ready' ? (
        <Empty description={t('drills.participant.nothingYet')} />
      ) : null}
      <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="delivered-injects">
        {delivered.slice(0, shown).map(({ inject, at: deliveredAt, scenarioMs }) => (
          <DeliveredCard
            key={inject.id}
            inject={inject}
            deliveredAt={deliveredAt}
            scenarioMs={scenarioMs}
            responses={responses.get(inject.id) ?? NO_RESPONSES}
            canRespond={canRespond}
            send={send}
          />
        ))}
        {delivered.length > shown ? (
          <Button data-testid="show-earlier" onClick={() => setShown((n) => n + CARDS_AT_A_TIME)}>
            {t('drills.participant.showEarlier', {
              count: Math.min(CARDS_AT_A_TIME, delivered.length - shown),
              left: delivered.length - shown,
            })}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}

const NO_RESPONSES: readonly RunEntry[] = [];
const CARDS_AT_A_TIME = 30;

/** The players' responses per inject, in the journal's order. */
function responsesByInject(state: RunState | null): Map<string, RunEntry[]> {
  const byInject = new Map<string, RunEntry[]>();
  for (const entry of state?.entries ?? []) {
    if (entry.kind !== 'response' || entry.injectId === null) continue;
    const list = byInject.get(entry.injectId) ?? [];
    list.push(entry);
    byInject.set(entry.injectId, list);
  }
  return byInject;
}

interface DeliveredCardProps {
  inject: Inject;
  deliveredAt: number;
  scenarioMs: number;
  responses: readonly RunEntry[];
  canRespond: boolean;
  send: ReturnType<typeof useDrillRun>['send'];
}

const DeliveredCard = memo(function DeliveredCard({
  inject,
  deliveredAt,
  scenarioMs,
  responses,
  canRespond,
  send,
}: DeliveredCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="participant-inject"
      data-testid="participant-inject"
      title={
        <Space>
          <Tag color="red">{t('drills.prefix')}</Tag>
          <span>
            {inject.no} · {inject.synopsis}
          </span>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {t('drills.participant.received')} {dayjs(deliveredAt).format('HH:mm:ss')} ·{' '}
          {inject.scenarioLabel || formatOffset(scenarioMs)}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {inject.from || '—'} → {inject.to || '—'} · {t(`drills.method.${inject.method}`)}
      </Typography.Paragraph>
      <div className="inject-text">{inject.text}</div>
      {canRespond ? (
        <ResponseForm
          onSubmit={(text, author) =>
            send({ type: 'response', text, author, injectId: inject.id }, t('drills.participant.recorded'))
          }
        />
      ) : null}
      {responses.map((e) => (
        <div key={`${e.at}-${e.text}`} className="muted">
          {dayjs(e.at).format('HH:mm:ss')} {e.author}：{e.text}
        </div>
      ))}
    </Card>
  );
}, sameCard);

/**
 * A card renders again only when it changes: responses are only ever added, so their count says whether
 * this inject's changed, and a delivery elsewhere leaves every other card as it was.
 */
function sameCard(before: DeliveredCardProps, after: DeliveredCardProps): boolean {
  return (
    before.inject === after.inject &&
    before.deliveredAt === after.deliveredAt &&
    before.scenarioMs === after.scenarioMs &&
    before.responses.length === after.responses.length &&
    before.canRespond === after.canRespond &&
    before.send === after.send
  );
}

/** Delivered injects only, newest first. */
function deliveredInjects(state: RunState) {
  return state.injects
    .flatMap((inject) => {
      const outcome = state.outcomes[inject.id];
      return outcome?.kind === 'delivered'
        ? [{ inject, at: outcome.at, scenarioMs: outcome.scenarioMs }]
        : [];
    })
    .sort((a, b) => b.at - a.at);
}

function ResponseForm({ onSubmit }: { onSubmit: (text: string, author: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string; author: string }>();
  const [isSaving, setSaving] = useState(false);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 8 }}
      onFinish={async (v) => {
        setSaving(true);
        // What was typed stays until the journal has it.
        if (await onSubmit(v.text.trim(), v.author?.trim() ?? '')) form.resetFields(['text']);
        setSaving(false);
      }}
    >
      <Form.Item
        name="text"
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input
          aria-label={t('drills.participant.responseText')}
          placeholder={t('drills.participant.responseText')}
          style={{ width: 360 }}
          maxLength={500}
        />
      </Form.Item>
      <Form.Item name="author">
        <Input
          aria-label={t('drills.participant.author')}
          placeholder={t('drills.participant.author')}
          style={{ width: 160 }}
          maxLength={40}
        />
      </Form.Item>
      <Button htmlType="submit" loading={isSaving}>
        {t('drills.participant.submit')}
      </Button>
    </Form>
  );
}
