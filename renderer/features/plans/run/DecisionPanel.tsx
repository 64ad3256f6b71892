import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import { isHigher, levelLabel, responseRank, type ResponseLevel } from '@shared/domain/plan/levels';
import {
  missingFourOnes,
  whyCannotApprove,
  whyCannotRaise,
  whyCannotRecommend,
  whyCannotStepDown,
  whyCannotTerminate,
} from '@shared/domain/plan/plan-context';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import { holdsSigningRole, levelOf, planLevels, rolesOf } from '@shared/domain/plan/plan-rules';
import { RAISE_BASES, type Plan, type RaiseBasis } from '@shared/domain/plan/plan-schema';
import { phaseOf } from '@shared/domain/plan/replay';
import { LevelTag } from '../LevelTag';
import { useActingEmit, type PlanRun } from './plan-run';

type Dialog = { kind: 'raise' } | { kind: 'decline' } | { kind: 'stepDown' } | { kind: 'terminate' } | null;

/**
 * Where the plan stands, what it proposes and why, and the decisions the acting person may take.
 * `closeWarning`: what closing would leave undone (the incident's 善后 tasks); asked about before closing.
 * `refuse`: a reason from outside the plan (the desk's roles) not to offer an event the chart would take.
 */
export function DecisionPanel({
  plan,
  run,
  actor,
  closeWarning = null,
  refuse,
}: {
  plan: Plan;
  run: PlanRun;
  actor: Actor | null;
  closeWarning?: string | null;
  refuse?: (event: PlanEvent) => string | null;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { snapshot } = run;
  const { context } = snapshot;
  const [dialog, setDialog] = useState<Dialog>(null);
  const phase = phaseOf(snapshot);
  const proposal = context.proposal;
  const at = context.now;

  const send = useActingEmit(run, actor);

  /** A decision button: enabled exactly when the chart would take the event; otherwise it says why not. */
  const decision = (
    label: string,
    event: PlanEvent | null,
    why: string | null,
    onClick: () => void,
    primary = false,
  ): ReactNode => {
    const vetoed = event !== null && snapshot.can(event) ? (refuse?.(event) ?? null) : null;
    const allowed = event !== null && snapshot.can(event) && vetoed === null;
    const button = (
      <Button type={primary ? 'primary' : 'default'} disabled={!allowed} onClick={onClick}>
        {label}
      </Button>
    );
    const reason = vetoed ?? why;
    return allowed || !reason ? (
      button
    ) : (
      <Tooltip title={t('plans.simulator.cannot', { why: reason })}>{button}</Tooltip>
    );
  };

  const by = actor ?? { personId: '', name: '', positionId: '', positionName: '' };
  const higherLevels = planLevels(plan).filter((l) => isHigher(l, context.level));
  const lowerLevels = context.level
    ? planLevels(plan).filter((l) => responseRank(l) < responseRank(context.level as ResponseLevel))
    : [];
  const missing = missingFourOnes(context.fourOnes);

  return (
    <Card
      size="small"
      title={t('plans.simulator.state')}
      style={{ marginBottom: 12 }}
      data-testid="plan-state"
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('plans.simulator.state')}>
          <Tag data-testid="plan-phase">{t(`plans.simulator.phase.${phase}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.simulator.currentLevel')}>
          <span data-testid="current-level">
            {context.level ? <LevelTag level={context.level} /> : t('plans.simulator.noLevel')}
            {context.level && phase !== 'response' ? ` ${t('plans.simulator.ended')}` : null}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.fourOnes.title')} span={2}>
          {missing.length === 0 ? (
            <Tag color="success">{t('plans.fourOnes.mobilised')}</Tag>
          ) : (
            <Typography.Text type="secondary">
              {t('plans.fourOnes.missing', {
                items: missing.map((k) => t(`plans.fourOnes.${k}`)).join('、'),
              })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>

      <div className="proposal" data-testid="proposal">
        {proposal ? (
          <>
            <Space wrap>
              <Typography.Text strong>{t('plans.simulator.proposal')}</Typography.Text>
              <LevelTag level={proposal.level} />
              <Tag>
                {proposal.source === 'discretionary'
                  ? t('plans.simulator.sourceDiscretionary')
                  : t('plans.simulator.sourceTriggers')}
              </Tag>
              {proposal.recommendation ? (
                <Typography.Text type="secondary">
                  {t('plans.simulator.recommended', { name: proposal.recommendation.actor.name })}
                </Typography.Text>
              ) : null}
              {proposal.signatures.length ? (
                <Typography.Text type="secondary">
                  {t('plans.simulator.signatures', {
                    names: proposal.signatures.map((s) => s.actor.name).join('、'),
                  })}
                </Typography.Text>
              ) : null}
            </Space>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {t('plans.simulator.reasons')}：
            </Typography.Text>
            <ul className="proposal-reasons">
              {proposal.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        ) : (
          <Typography.Text type="secondary">{t('plans.simulator.noProposal')}</Typography.Text>
        )}
      </div>

      <Space wrap>
        {proposal && (levelOf(plan, proposal.level)?.recommenderRoleIds.length ?? 0) > 0
          ? decision(
              t('plans.simulator.recommend'),
              { type: 'level.recommend', level: proposal.level, note: '', at, by },
              actor ? whyCannotRecommend(plan, context, proposal.level, actor) : null,
              () => send((b) => ({ type: 'level.recommend', level: proposal.level, note: '', at, by: b })),
            )
          : null}
        {proposal
          ? decision(
              t('plans.simulator.approve'),
              { type: 'level.approve', level: proposal.level, at, by },
              actor ? whyCannotApprove(plan, context, proposal.level, actor) : null,
              () => send((b) => ({ type: 'level.approve', level: proposal.level, at, by: b })),
              true,
            )
          : null}
        {proposal
          ? decision(
              t('plans.simulator.decline'),
              { type: 'level.decline', level: proposal.level, reason: '-', at, by },
              actor && !holdsSigningRole(plan, proposal.level, actor)
                ? whyCannotApprove(plan, context, proposal.level, actor)
                : null,
              () => setDialog({ kind: 'decline' }),
            )
          : null}
        {plan.discretionaryRaise &&
        higherLevels.length > 0 &&
        ['monitoring', 'warning', 'response'].includes(phase)
          ? decision(
              t('plans.simulator.raise'),
              {
                type: 'level.raise',
                level: higherLevels.at(-1) as ResponseLevel,
                basis: 'other',
                reason: '-',
                at,
                by,
              },
              actor ? whyCannotRaise(plan, context, higherLevels.at(-1) as ResponseLevel, '-', actor) : null,
              () => setDialog({ kind: 'raise' }),
            )
          : null}
        {phase === 'response' && lowerLevels.length > 0
          ? decision(
              t('plans.simulator.stepDown'),
              lowerLevels
                .map((l) => ({ type: 'level.stepDown', level: l, reason: '-', at, by }) as PlanEvent)
                .find((e) => snapshot.can(e)) ?? null,
              actor
                ? whyCannotStepDown(plan, context, lowerLevels.at(-1) as ResponseLevel, '-', actor)
                : null,
              () => setDialog({ kind: 'stepDown' }),
            )
          : null}
        {phase === 'response'
          ? decision(
              t('plans.simulator.terminate'),
              { type: 'response.terminate', reason: '-', at, by },
              actor ? whyCannotTerminate(plan, context, '-', actor) : null,
              () => setDialog({ kind: 'terminate' }),
            )
          : null}
        {phase === 'terminated'
          ? decision(
              t('plans.simulator.aftermath'),
              { type: 'aftermath.begin', at, by },
              rolesOf(plan, by).length ? null : '—',
              () => send((b) => ({ type: 'aftermath.begin', at, by: b })),
            )
          : null}
        {phase === 'aftermath'
          ? decision(t('plans.simulator.close'), { type: 'case.close', summary: '-', at, by }, null, () => {
              const close = () =>
                send((b) => ({ type: 'case.close', summary: t('plans.simulator.close'), at, by: b }));
              if (!closeWarning) return close();
              modal.confirm({
                title: t('plans.simulator.closeConfirm'),
                content: closeWarning,
                okText: t('plans.simulator.close'),
                cancelText: t('common.cancel'),
                onOk: close,
              });
            })
          : null}
      </Space>

      {context.activations.length > 0 ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('plans.simulator.activations')}</Typography.Text>
          <ul className="activation-list">
            {context.activations.map((a) => (
              <li key={a.at + a.level}>
                <LevelTag level={a.level} /> {dayjs(a.at).format('MM-DD HH:mm')} ·{' '}
                {t('plans.simulator.matter')}：{a.matter} · {t('plans.simulator.expectedDuration')}：
                {t('plans.simulator.hours', { count: a.expectedDurationHours })} ·{' '}
                {a.signatures.map((s) => `${s.actor.name}（${s.actor.positionName}）`).join('、')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <ReasonDialog
        dialog={dialog}
        plan={plan}
        higherLevels={higherLevels}
        lowerLevels={lowerLevels}
        onClose={() => setDialog(null)}
        onSubmit={(values) => {
          const d = dialog;
          setDialog(null);
          if (!d) return;
          send((b) => {
            switch (d.kind) {
              case 'raise':
                return {
                  type: 'level.raise',
                  level: values.level as ResponseLevel,
                  basis: values.basis as RaiseBasis,
                  reason: values.reason,
                  at,
                  by: b,
                };
              case 'decline':
                return {
                  type: 'level.decline',
                  level: proposal?.level ?? 'IV',
                  reason: values.reason,
                  at,
                  by: b,
                };
              case 'stepDown':
                return {
                  type: 'level.stepDown',
                  level: values.level as ResponseLevel,
                  reason: values.reason,
                  at,
                  by: b,
                };
              case 'terminate':
                return { type: 'response.terminate', reason: values.reason, at, by: b };
            }
          });
        }}
      />
    </Card>
  );
}

interface ReasonValues {
  level?: string;
  basis?: string;
  reason: string;
}

function ReasonDialog({
  dialog,
  higherLevels,
  lowerLevels,
  onClose,
  onSubmit,
}: {
  dialog: Dialog;
  plan: Plan;
  higherLevels: ResponseLevel[];
  lowerLevels: ResponseLevel[];
  onClose: () => void;
  onSubmit: (values: ReasonValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReasonValues>();
  const levels = dialog?.kind === 'raise' ? higherLevels : dialog?.kind === 'stepDown' ? lowerLevels : [];
  const title = dialog ? t(`plans.simulator.${dialog.kind}`) : '';
  return (
    <Modal
      open={dialog !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open)
          form.setFieldsValue({
            level: levels.at(dialog?.kind === 'raise' ? 0 : -1),
            basis: 'sensitive',
            reason: '',
          });
      }}
    >
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        {levels.length > 0 ? (
          <Form.Item
            name="level"
            label={
              dialog?.kind === 'stepDown' ? t('plans.simulator.stepDownTo') : t('plans.levelTable.level')
            }
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={levels.map((l) => ({ value: l, label: levelLabel(l) }))} />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'raise' ? (
          <Form.Item
            name="basis"
            label={t('plans.simulator.raiseBasis')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={RAISE_BASES.map((b) => ({ value: b, label: t(`plans.raiseBases.${b}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('plans.simulator.reason')}
          rules={[{ required: true, whitespace: true, message: t('plans.simulator.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
