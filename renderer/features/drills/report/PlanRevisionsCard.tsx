import { Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forPlanOrder, type PlanRevision } from '@shared/domain/drill/plan-revision';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';
import { REVISION_COLOUR } from './report-format';

/**
 * 预案修订建议 on a plan's pages: what drills submitted against this plan (any version), for whoever drafts the
 * next version — the clause, the evidence, the change suggested and the drill it came from — with 采纳 / 不采纳
 * (a reason required). Nothing shows until a drill has submitted one.
 */
export function PlanRevisionsCard({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const { planRevisions } = useServices();
  const write = useSignedWrite();
  const [rejecting, setRejecting] = useState<PlanRevision | null>(null);
  const revisions = useLiveQuery(
    async () => forPlanOrder(await planRevisions.listByPlan(planId)),
    [planRevisions, planId],
  );
  if (!revisions || revisions.length === 0) return null;
  const l = (key: string, params: Record<string, unknown> = {}) => t(`drillReport.planCard.${key}`, params);
  const time = (at: number | null) => (at === null ? '' : dayjs(at).format('YYYY-MM-DD HH:mm'));
  const pending = revisions.filter((r) => r.status === 'sent').length;
  return (
    <Card
      size="small"
      className="no-print"
      style={{ marginBottom: 8 }}
      data-testid="plan-revisions"
      title={l('title')}
      extra={pending ? <Tag color="processing">{l('pending', { count: pending })}</Tag> : null}
    >
      <List
        size="small"
        dataSource={revisions}
        renderItem={(r) => (
          <List.Item
            data-testid="plan-revision"
            actions={
              r.status === 'sent'
                ? [
                    <Button
                      key="adopt"
                      size="small"
                      type="primary"
                      onClick={() =>
                        void write(
                          (actor) => planRevisions.decide(r.id, { status: 'adopted', note: '' }, actor),
                          l('adopted'),
                        )
                      }
                    >
                      {l('adopt')}
                    </Button>,
                    <Button key="reject" size="small" onClick={() => setRejecting(r)}>
                      {l('reject')}
                    </Button>,
                  ]
                : []
            }
          >
            <div style={{ width: '100%' }}>
              <Space size={8} wrap>
                <Tag color={REVISION_COLOUR[r.status]}>{t(`drillReport.revisions.statuses.${r.status}`)}</Tag>
                <Typography.Text strong>{r.clause}</Typography.Text>
                <Typography.Text type="secondary">
                  {l('forVersion', { version: r.planVersion })}
                </Typography.Text>
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {t('drillReport.revisions.suggestedChange')}：
                </Typography.Text>
                {r.suggestedChange}
              </div>
              <div>
                <Typography.Text type="secondary">{t('drillReport.revisions.evidence')}：</Typography.Text>
                {r.evidence}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('drillReport.revisions.fromRun', {
                  title: r.scenarioTitle,
                  date: dayjs(r.createdAt).format('YYYY-MM-DD'),
                })}
                {' · '}
                {l('sentBy', { name: r.sentBy?.name ?? '', time: time(r.sentAt) })}
                {r.decidedBy
                  ? ` · ${l('decidedBy', {
                      name: r.decidedBy.name,
                      time: time(r.decidedAt),
                      status: t(`drillReport.revisions.statuses.${r.status}`),
                    })}`
                  : null}
                {r.decisionNote ? ` · ${l('note', { note: r.decisionNote })}` : null}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {rejecting ? <RejectDialog revision={rejecting} onClose={() => setRejecting(null)} /> : null}
    </Card>
  );
}

function RejectDialog({ revision, onClose }: { revision: PlanRevision; onClose: () => void }) {
  const { t } = useTranslation();
  const { planRevisions } = useServices();
  const write = useSignedWrite();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open
      title={t('drillReport.planCard.rejectTitle')}
      okText={t('drillReport.planCard.reject')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {revision.clause}：{revision.suggestedChange}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ note }) => {
          const ok = await write(
            (actor) => planRevisions.decide(revision.id, { status: 'rejected', note }, actor),
            t('drillReport.planCard.rejected'),
          );
          if (ok) onClose();
        }}
      >
        <Form.Item
          name="note"
          label={t('drillReport.planCard.rejectReason')}
          rules={[{ required: true, whitespace: true, message: t('drillReport.errors.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
