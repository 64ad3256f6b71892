import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@shared/domain/incident/incident';
import { EVENT_GRADES, type EventGrade, type ReportKind } from '@shared/domain/incident/report-deadlines';
import {
  deadlinesOf,
  nextReportKinds,
  reportTitle,
  type DeadlineView,
  type IncidentReport,
} from '@shared/domain/incident/reports';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';
import { deadlineText } from './deadline-text';
import { ReportEditor } from './ReportEditor';
import { ReportSheet } from './ReportSheet';

const STATUS_COLOUR = { draft: 'default', approved: 'processing', sent: 'success' } as const;

/**
 * 信息报送: the deadlines this incident owes with their countdowns (可能迟报 once past), and its reports from
 * draft through 签发 to sent. Alt+R opens the report being worked on, or drafts the next one.
 */
export function ReportsPanel({ incident, at }: { incident: Incident; at: number }) {
  const { t } = useTranslation();
  const { reports } = useServices();
  const write = useSignedWrite();
  const rows = useLiveQuery(() => reports.list(incident.id), [reports, incident.id]);
  const [editing, setEditing] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const card = useRef<HTMLDivElement>(null);
  // The rules as stored in 设置: a changed rule shows in the next countdown.
  const rules = useLiveQuery(() => reports.rules(), [reports]);
  const list = rows ?? [];
  const deadlines = rules ? deadlinesOf(rules, incident, list, at) : [];
  const kinds = incident.status === 'open' ? nextReportKinds(list) : [];

  const draft = async (kind: ReportKind) => {
    let id = '';
    const ok = await write(async (actor) => {
      id = await reports.create(incident.id, kind, actor);
    }, null);
    if (ok) setEditing(id);
  };

  const latest = useRef({ list, kinds, draft });
  useEffect(() => {
    latest.current = { list, kinds, draft };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.altKey && !event.ctrlKey && event.code === 'KeyR')) return;
      event.preventDefault();
      card.current?.scrollIntoView({ block: 'start' });
      const { list: current, kinds: next, draft: create } = latest.current;
      const open = current.find((r) => r.status !== 'sent');
      if (open) setEditing(open.id);
      else if (next[0]) void create(next[0]);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const kindLabel = (kind: ReportKind) => t(`incidents.reports.kinds.${kind}`);
  return (
    <div ref={card}>
      <Card
        size="small"
        title={t('incidents.reports.title')}
        style={{ marginBottom: 12 }}
        data-testid="incident-reports"
        extra={
          <Space>
            <Typography.Text type="secondary">{t('incidents.reports.grade')}</Typography.Text>
            <Select<EventGrade>
              size="small"
              aria-label={t('incidents.reports.grade')}
              value={incident.grade}
              disabled={incident.status !== 'open'}
              style={{ width: 100 }}
              options={EVENT_GRADES.map((g) => ({ value: g, label: t(`incidents.reports.grades.${g}`) }))}
              onChange={(grade) => void write((actor) => reports.setGrade(incident.id, grade, actor))}
            />
            {kinds.map((kind) => (
              <Button key={kind} size="small" icon={<FileAddOutlined />} onClick={() => void draft(kind)}>
                {t('incidents.reports.draft', { kind: kindLabel(kind) })}
              </Button>
            ))}
          </Space>
        }
      >
        <div data-testid="report-deadlines" style={{ marginBottom: 8 }}>
          {deadlines.map((d) => (
            <div key={d.deadline.ruleId} className="report-deadline" data-rule={d.deadline.ruleId}>
              <span>{d.deadline.label}</span>
              <Typography.Text type="secondary">
                {t('incidents.reports.dueAt', { time: dayjs(d.deadline.dueAt).format('MM-DD HH:mm') })}
              </Typography.Text>
              <DeadlineTag view={d} />
            </div>
          ))}
        </div>
        <Table<IncidentReport>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={list}
          locale={{ emptyText: t('incidents.reports.empty') }}
          onRow={(r) => ({ onClick: () => setViewing(r.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('incidents.reports.report'),
              key: 'title',
              width: 90,
              render: (_: unknown, r) => reportTitle(r),
            },
            {
              title: t('incidents.reports.channel'),
              dataIndex: 'channel',
              width: 70,
              render: (c: IncidentReport['channel']) => t(`incidents.reports.channels.${c}`),
            },
            { title: t('incidents.reports.recipient'), dataIndex: 'recipient', ellipsis: true },
            {
              title: t('incidents.reports.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: IncidentReport['status']) => (
                <Tag color={STATUS_COLOUR[s]}>{t(`incidents.reports.statuses.${s}`)}</Tag>
              ),
            },
            {
              title: t('incidents.reports.approver'),
              key: 'approver',
              width: 90,
              render: (_: unknown, r) => r.approval?.actor.name ?? '',
            },
            {
              title: t('incidents.reports.sentAt'),
              dataIndex: 'sentAt',
              width: 110,
              render: (ms: number | null) => (ms ? dayjs(ms).format('MM-DD HH:mm') : ''),
            },
          ]}
        />
      </Card>
      {editing ? <ReportEditor reportId={editing} onClose={() => setEditing(null)} /> : null}
      {viewing ? (
        <ReportSheet
          reportId={viewing}
          incident={incident}
          onEdit={() => {
            setEditing(viewing);
            setViewing(null);
          }}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </div>
  );
}

const DEADLINE_COLOUR = {
  pending: 'blue',
  dueSoon: 'orange',
  overdue: 'error',
  met: 'success',
  late: 'warning',
} as const;

function DeadlineTag({ view }: { view: DeadlineView }) {
  const { t } = useTranslation();
  return <Tag color={DEADLINE_COLOUR[view.state.state]}>{deadlineText(t, view.state)}</Tag>;
}
