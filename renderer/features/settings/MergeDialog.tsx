/**
 * 合并导入: what a bundle from another machine would add, the records edited on both machines (a person
 * chooses 保留本机 or 采用导入 for each) and the incidents or runs that cannot be merged (forked logs, numbers
 * taken twice: only this machine's copy can be kept). Nothing is written until every one is decided; the
 * write is one transaction, shown with a progress bar, and ends in a summary.
 */
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Modal,
  Progress,
  Radio,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupBundle } from '@shared/domain/backup/backup-bundle';
import type { Blocker, Conflict, MergePlan, Side } from '@shared/domain/backup/merge-plan';
import type { Actor } from '@shared/domain/org/types';
import type { MergeResult } from '../../db/repositories/backup-repository';
import { TABLE_NAMES, type TableName } from '../../db/schema';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';

export interface MergeSource {
  fileName: string;
  bundle: BackupBundle;
  plan: MergePlan;
}

/** Fields that change with every save and say nothing a person could choose by. */
const HIDDEN_FIELDS = new Set(['searchText', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy']);

function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function MergeDialog({
  source,
  actor,
  onClose,
}: {
  source: MergeSource;
  actor: Actor;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { backup } = useServices();
  const { bundle, plan, fileName } = source;
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const unresolved =
    plan.conflicts.filter((c) => !choices[c.id]).length +
    plan.blockers.filter((b) => choices[b.id] !== 'local').length;
  const isWriting = progress !== null && result === null;

  const chooseAll = (side: Side) =>
    setChoices((current) => ({ ...current, ...Object.fromEntries(plan.conflicts.map((c) => [c.id, side])) }));

  const merge = async () => {
    setError(null);
    setProgress(0);
    try {
      const done = await backup.mergeAll(bundle, choices, actor, (p) =>
        setProgress(Math.round((p.done / Math.max(p.total, 1)) * 100)),
      );
      setProgress(100);
      setResult(done);
    } catch (caught) {
      setProgress(null);
      setError(translateError(t, caught));
    }
  };

  // A field without a Chinese name is still shown (its value differs), but never under its code name.
  const fieldName = (field: string) =>
    t(`settings.mergeFields.${field}`, { defaultValue: t('settings.mergeFieldOther') });
  const sideText = (conflict: Conflict, row: Conflict['local']) => {
    const fields = conflict.fields.filter((f) => !HIDDEN_FIELDS.has(f));
    const at = typeof row['updatedAt'] === 'number' ? row['updatedAt'] : null;
    return (
      <Space orientation="vertical" size={0}>
        {fields.slice(0, 4).map((f) => (
          <span key={f}>
            {fieldName(f)}：{valueText(row[f])}
          </span>
        ))}
        {at !== null ? (
          <Typography.Text type="secondary">
            {t('settings.mergeUpdatedAt', { time: dayjs(at).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        ) : null}
      </Space>
    );
  };

  const blockerText = (b: Blocker) =>
    b.kind === 'uniqueKey'
      ? t('settings.mergeUnique', {
          label: b.label,
          table: b.table,
          field: t(`settings.mergeUniqueFields.${b.field ?? 'serial'}`, { defaultValue: b.field }),
        })
      : t(
          b.reason === 'chain'
            ? 'settings.mergeChain'
            : b.reason === 'sequence'
              ? 'settings.mergeSequence'
              : 'settings.mergeFork',
          { label: b.label, stream: b.stream, seq: b.seq },
        );

  const countRows = useMemo(
    () =>
      Object.entries(plan.counts)
        .filter(([, c]) => c.added + c.identical + c.updated + c.conflicts + c.skipped > 0)
        .map(([table, c]) => ({ table, ...c }))
        .sort(
          (a, b) => TABLE_NAMES.indexOf(a.table as TableName) - TABLE_NAMES.indexOf(b.table as TableName),
        ),
    [plan],
  );
  const addsAnything = plan.writes.length > 0 || plan.conflicts.length > 0;

  const footer = result ? (
    <Button type="primary" onClick={onClose}>
      {t('common.close')}
    </Button>
  ) : (
    <Space>
      {unresolved > 0 ? (
        <Typography.Text type="warning">
          {t('settings.mergeUnresolved', { count: unresolved })}
        </Typography.Text>
      ) : null}
      <Button onClick={onClose} disabled={isWriting}>
        {t('common.cancel')}
      </Button>
      <Button
        type="primary"
        disabled={unresolved > 0 || isWriting || !addsAnything}
        loading={isWriting}
        onClick={() => void merge()}
      >
        {t('settings.mergeConfirm')}
      </Button>
    </Space>
  );

  return (
    <Modal
      open
      width={980}
      title={t('settings.mergeTitle')}
      onCancel={isWriting ? undefined : onClose}
      closable={!isWriting}
      maskClosable={false}
      footer={footer}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="merge-dialog">
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('settings.mergeHeader.file')}>{fileName}</Descriptions.Item>
          <Descriptions.Item label={t('settings.mergeHeader.jurisdiction')}>
            {bundle.jurisdiction || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.mergeHeader.exportedAt')}>
            {dayjs(bundle.exportedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.mergeHeader.exportedBy')}>
            {bundle.exportedBy || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey="table"
          pagination={false}
          scroll={{ y: 180 }}
          data-testid="merge-counts"
          dataSource={countRows}
          columns={[
            {
              title: t('settings.mergeColumns.table'),
              dataIndex: 'table',
              render: (table: string) => t(`settings.tables.${table as TableName}`),
            },
            ...(['added', 'identical', 'updated', 'conflicts', 'skipped'] as const).map((key) => ({
              title: t(`settings.mergeColumns.${key}`),
              dataIndex: key,
              width: 96,
            })),
          ]}
        />
        <Typography.Text type="secondary">{t('settings.mergeLocalWins')}</Typography.Text>
        {plan.blockers.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('settings.mergeBlockersTitle', { count: plan.blockers.length })}
            description={
              <Space orientation="vertical" data-testid="merge-blockers">
                {plan.blockers.map((b) => (
                  <Space key={b.id} orientation="vertical" size={0}>
                    <span>{blockerText(b)}</span>
                    <Checkbox
                      checked={choices[b.id] === 'local'}
                      disabled={isWriting || result !== null}
                      onChange={(e) =>
                        setChoices((current) => {
                          const next = { ...current };
                          if (e.target.checked) next[b.id] = 'local';
                          else delete next[b.id];
                          return next;
                        })
                      }
                    >
                      {t('settings.mergeKeepWhole')}
                    </Checkbox>
                  </Space>
                ))}
              </Space>
            }
          />
        ) : null}
        {plan.conflicts.length > 0 ? (
          <>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>
                {t('settings.mergeConflictsTitle', { count: plan.conflicts.length })}
              </Typography.Text>
              <Space>
                <Button
                  size="small"
                  disabled={isWriting || result !== null}
                  onClick={() => chooseAll('local')}
                >
                  {t('settings.mergeAllLocal')}
                </Button>
                <Button
                  size="small"
                  disabled={isWriting || result !== null}
                  onClick={() => chooseAll('incoming')}
                >
                  {t('settings.mergeAllIncoming')}
                </Button>
              </Space>
            </Space>
            <Table<Conflict>
              size="small"
              rowKey="id"
              data-testid="merge-conflicts"
              pagination={plan.conflicts.length > 8 ? { pageSize: 8, size: 'small' } : false}
              dataSource={plan.conflicts}
              columns={[
                {
                  title: t('settings.mergeConflictColumns.table'),
                  dataIndex: 'table',
                  width: 100,
                  render: (table: string) => t(`settings.tables.${table as TableName}`),
                },
                { title: t('settings.mergeConflictColumns.record'), dataIndex: 'label', width: 160 },
                {
                  title: t('settings.mergeConflictColumns.local'),
                  render: (_, c) => sideText(c, c.local),
                },
                {
                  title: t('settings.mergeConflictColumns.incoming'),
                  render: (_, c) => sideText(c, c.incoming),
                },
                {
                  title: t('settings.mergeConflictColumns.choice'),
                  width: 200,
                  render: (_, c) => (
                    <Radio.Group
                      size="small"
                      value={choices[c.id]}
                      disabled={isWriting || result !== null}
                      onChange={(e) =>
                        setChoices((current) => ({ ...current, [c.id]: e.target.value as Side }))
                      }
                      options={[
                        { value: 'local', label: t('settings.mergeKeepLocal') },
                        { value: 'incoming', label: t('settings.mergeTakeIncoming') },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </>
        ) : null}
        {!addsAnything && plan.blockers.length === 0 ? (
          <Alert type="info" showIcon title={t('settings.mergeNothing')} />
        ) : null}
        {progress !== null ? (
          <Space orientation="vertical" style={{ width: '100%' }} size={0}>
            <Progress
              percent={progress}
              status={result ? 'success' : 'active'}
              data-testid="merge-progress"
            />
            {result ? null : <Typography.Text type="secondary">{t('settings.mergeWriting')}</Typography.Text>}
          </Space>
        ) : null}
        {result ? (
          <Alert
            type="success"
            showIcon
            data-testid="merge-result"
            title={t('settings.mergeDone', { added: result.added, replaced: result.replaced })}
            description={Object.entries(result.byTable)
              .map(([table, n]) => `${t(`settings.tables.${table as TableName}`)} ${n}`)
              .join('，')}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Space>
    </Modal>
  );
}
