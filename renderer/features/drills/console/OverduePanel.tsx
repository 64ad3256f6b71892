import { Alert, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { InjectActions } from './InjectActions';
import { latenessParts, type InjectRow } from './inject-rows';

/** Overdue injects per page: after a long outage hundreds may wait, and each row carries its buttons. */
const PAGE = 10;

/**
 * Injects that fell due while no tick ran (a reload, a crash, a sleeping laptop): never delivered late behind
 * the controller's back, never dropped — each waits here until it is delivered, skipped or re-timed.
 */
export function OverduePanel({
  rows,
  scenarioMs,
  at,
  send,
  onRetime,
}: {
  rows: InjectRow[];
  scenarioMs: number;
  at: number;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
  onRetime: (row: InjectRow) => void;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="overdue-panel"
      message={t('drills.console.overdueTitle', { count: rows.length })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('drills.console.overdueHint')}</Typography.Text>
          <List
            size="small"
            dataSource={rows}
            pagination={
              rows.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false } : false
            }
            renderItem={(row) => {
              const parts = latenessParts(row.latenessMs ?? 0);
              return (
                <List.Item
                  data-testid="overdue-inject"
                  actions={[
                    <InjectActions
                      key="a"
                      row={row}
                      scenarioMs={scenarioMs}
                      at={at}
                      send={send}
                      onRetime={onRetime}
                    />,
                  ]}
                >
                  <Space>
                    <strong>{row.inject.no}</strong>
                    <span>{formatOffset(row.inject.offsetMs)}</span>
                    <span>{row.inject.synopsis}</span>
                    <Typography.Text type="danger">
                      {t('drills.console.lateBy', { time: t(`drills.console.${parts.key}`, parts) })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              );
            }}
          />
        </Space>
      }
    />
  );
}
