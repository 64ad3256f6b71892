import { Descriptions, Drawer, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction, HistoryEntry } from '@shared/domain/drill/corrective-action';
import { ActionStatusTag, DeadlineText } from './ActionTags';
import { sourceText } from './source-text';

const TIME = 'YYYY-MM-DD HH:mm';
const COLOUR: Record<HistoryEntry['kind'], string> = {
  create: 'blue',
  update: 'gray',
  start: 'blue',
  close: 'green',
  reopen: 'red',
};

/** One action as the ledger records it: its fields, its evidence, and every change — who, when, what. */
export function ActionHistoryDrawer({
  action,
  at,
  onClose,
}: {
  action: CorrectiveAction;
  at: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const field = (name: string) => t(`drillActions.field.${name}`);
  return (
    <Drawer
      open
      size={560}
      title={t('drillActions.historyTitle')}
      onClose={onClose}
      data-testid="action-history"
    >
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={field('issue')}>{action.issue}</Descriptions.Item>
        <Descriptions.Item label={field('measure')}>{action.measure}</Descriptions.Item>
        <Descriptions.Item label={field('responsibleUnit')}>{action.responsibleUnit}</Descriptions.Item>
        <Descriptions.Item label={field('responsiblePerson')}>{action.responsiblePerson}</Descriptions.Item>
        <Descriptions.Item label={field('deadline')}>
          <DeadlineText action={action} at={at} />
        </Descriptions.Item>
        <Descriptions.Item label={field('status')}>
          <ActionStatusTag status={action.status} />
        </Descriptions.Item>
        <Descriptions.Item label={field('source')}>
          {sourceText(t, action.source)}
          {action.source.observation ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('drillActions.source.observation', { value: action.source.observation })}
            </Typography.Paragraph>
          ) : null}
        </Descriptions.Item>
        {action.evidence ? (
          <Descriptions.Item label={field('evidence')}>
            <Evidence evidence={action.evidence} />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('drillActions.history')}
      </Typography.Title>
      <Timeline
        data-testid="action-history-entries"
        items={[...action.history].reverse().map((entry, i) => ({
          key: i,
          color: COLOUR[entry.kind],
          content: <Entry entry={entry} />,
        }))}
      />
    </Drawer>
  );
}

function Entry({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  return (
    <div data-testid="action-history-entry">
      <Typography.Text strong>{t(`drillActions.kind.${entry.kind}`)}</Typography.Text>
      <Typography.Text type="secondary">
        {' '}
        · {dayjs(entry.at).format(TIME)} · {entry.by.name}
      </Typography.Text>
      {entry.changes.map((c) => (
        <div key={c.field}>
          {t('drillActions.changed', { field: t(`drillActions.field.${c.field}`), from: c.from, to: c.to })}
        </div>
      ))}
      {entry.note ? <div>{t('drillActions.reason', { note: entry.note })}</div> : null}
      {entry.evidence ? <Evidence evidence={entry.evidence} /> : null}
    </div>
  );
}

function Evidence({ evidence }: { evidence: NonNullable<CorrectiveAction['evidence']> }) {
  const { t } = useTranslation();
  return (
    <>
      <div style={{ whiteSpace: 'pre-wrap' }}>{evidence.text}</div>
      {evidence.files.length ? (
        <Typography.Text type="secondary">
          {t('drillActions.filesList', { files: evidence.files.join('、') })}
        </Typography.Text>
      ) : null}
    </>
  );
}
