import { Alert, App, Button, Checkbox, Modal, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inject } from '@shared/domain/drill/scenario';
import {
  checkScript,
  SCRIPT_FIELDS,
  SCRIPT_HEADERS,
  suggestMapping,
  type ScriptField,
  type ScriptIssue,
} from '@shared/domain/drill/script-sheet';
import { formatOf, readSheet } from '../../../files/spreadsheet-files';
import { useServices } from '../../../services/services';
import { translateError } from '../../../ui/translate-error';

interface Props {
  open: boolean;
  onClose: () => void;
  onImport: (injects: Inject[]) => Promise<void>;
}

/**
 * 导入演练脚本 from XLSX or CSV: pick the file, check which column feeds which field, see every row with its bad
 * cells in red, then import — only when nothing is wrong, or after choosing to skip the rows that are. A script
 * is at most 2,000 rows, so it is read and checked here on the main thread, again on every mapping change.
 */
export function ImportScriptDialog({ open, onClose, onImport }: Props) {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      width={1080}
      title={t('drills.script.importTitle')}
      onCancel={isBusy ? undefined : onClose}
      closable={!isBusy}
      mask={{ closable: false }}
      footer={null}
      destroyOnHidden
    >
      <ImportScriptBody onClose={onClose} onImport={onImport} onBusy={setBusy} />
    </Modal>
  );
}

interface LoadedFile {
  name: string;
  encoding: string;
  headers: string[];
  rows: string[][];
}

interface PreviewRow {
  row: number;
  cells: string[];
  issues: ScriptIssue[];
}

const problemOf = (t: TFunction, issue: ScriptIssue): string =>
  t([`drills.script.issues.${issue.message}`, `validation.${issue.message}`], {
    ...issue.params,
    column: issue.column,
  });

function ImportScriptBody({
  onClose,
  onImport,
  onBusy,
}: Omit<Props, 'open'> & { onBusy: (isBusy: boolean) => void }) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const { message } = App.useApp();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<(ScriptField | null)[]>([]);
  const [isReading, setReading] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [skipBad, setSkipBad] = useState(false);
  const [onlyBad, setOnlyBad] = useState(false);

  const check = useMemo(() => (file ? checkScript(file.headers, file.rows, mapping) : null), [file, mapping]);
  const headerIssues = check?.issues.filter((i) => i.row === 1) ?? [];
  const preview = useMemo<PreviewRow[]>(() => {
    if (!file || !check) return [];
    const byRow = new Map<number, ScriptIssue[]>();
    for (const issue of check.issues) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
    return file.rows
      .map((cells, i) => ({ row: i + 2, cells, issues: byRow.get(i + 2) ?? [] }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
  }, [file, check]);
  const badRows = preview.filter((r) => r.issues.length > 0).length;
  const good = check?.injects.length ?? 0;
  const canImport =
    check !== null && headerIssues.length === 0 && good > 0 && (badRows === 0 || skipBad) && !isImporting;

  const pickFile = async () => {
    setFailure(null);
    const picked = await platform.openFile({
      filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv'] }],
    });
    if (!picked) return;
    const format = formatOf(picked.name);
    if (!format) {
      setFailure(t('drills.script.unsupported', { name: picked.name }));
      return;
    }
    setReading(true);
    try {
      const sheet = await readSheet(picked.bytes, format);
      const [headers = [], ...rows] = sheet.rows;
      if (!rows.some((r) => r.some((c) => c.trim() !== ''))) {
        setFailure(t('drills.script.empty', { name: picked.name }));
        return;
      }
      setFile({ name: picked.name, encoding: sheet.encoding, headers, rows });
      setMapping(suggestMapping(headers));
      setSkipBad(false);
    } catch (error) {
      setFailure(t('drills.script.fileRefused', { name: picked.name, reason: translateError(t, error) }));
    } finally {
      setReading(false);
    }
  };

  const mapColumn = (index: number, field: ScriptField | null) =>
    setMapping((current) =>
      current.map((f, i) => (i === index ? field : field !== null && f === field ? null : f)),
    );

  const runImport = async () => {
    if (!check) return;
    setImporting(true);
    onBusy(true);
    setFailure(null);
    try {
      await onImport(check.injects);
      void message.success(t('drills.script.imported', { count: check.injects.length }));
      onClose();
    } catch (error) {
      setFailure(translateError(t, error));
    } finally {
      setImporting(false);
      onBusy(false);
    }
  };

  const fieldOptions = SCRIPT_FIELDS.map((f) => ({ value: f, label: t(`drills.script.fields.${f}`) }));
  const mapped = file ? file.headers.flatMap((h, index) => (mapping[index] ? [{ h, index }] : [])) : [];

  return (
    <Spin spinning={isReading} description={t('drills.script.reading')}>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          style={{ marginBottom: 12 }}
          data-testid="script-failure"
        />
      )}
      {!file ? (
        <Space orientation="vertical">
          <Typography.Paragraph type="secondary">
            {t('drills.script.fileHint', {
              columns: SCRIPT_FIELDS.map((f) => SCRIPT_HEADERS[f][0]).join('、'),
            })}
          </Typography.Paragraph>
          <Button type="primary" onClick={() => void pickFile()} disabled={isReading}>
            {t('drills.script.pick')}
          </Button>
        </Space>
      ) : (
        <>
          <Space style={{ marginBottom: 8 }} wrap>
            <Typography.Text>
              {t('drills.script.fileSummary', {
                name: file.name,
                rows: check?.rowCount ?? 0,
                encoding: file.encoding,
              })}
            </Typography.Text>
            <Button size="small" onClick={() => void pickFile()} disabled={isImporting}>
              {t('drills.script.pickAgain')}
            </Button>
          </Space>
          <Typography.Title level={5}>{t('drills.script.mappingTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            scroll={{ y: 220 }}
            data-testid="script-mapping"
            dataSource={file.headers.map((header, index) => ({ header, index }))}
            columns={[
              {
                title: t('drills.script.fileColumn'),
                dataIndex: 'header',
                width: 180,
                render: (h: string, c) => h || `#${c.index + 1}`,
              },
              {
                title: t('drills.script.sample'),
                key: 'sample',
                ellipsis: true,
                render: (_: unknown, c) => preview[0]?.cells[c.index] ?? '',
              },
              {
                title: t('drills.script.field'),
                key: 'field',
                width: 240,
                render: (_: unknown, c) => (
                  <Select<ScriptField>
                    allowClear
                    size="small"
                    style={{ width: 220 }}
                    aria-label={c.header || `#${c.index + 1}`}
                    value={mapping[c.index] ?? undefined}
                    placeholder={t('drills.script.notMapped')}
                    options={fieldOptions}
                    onChange={(v) => mapColumn(c.index, v ?? null)}
                  />
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('drills.script.previewTitle')}
          </Typography.Title>
          {headerIssues.length > 0 ? (
            <Alert
              type="error"
              showIcon
              data-testid="script-header-issues"
              title={headerIssues.map((i) =>
                t('drills.script.headerProblem', {
                  column: i.column,
                  problem: problemOf(t, i),
                }),
              )}
              style={{ marginBottom: 8 }}
            />
          ) : (
            <Alert
              type={badRows === 0 ? 'success' : 'warning'}
              showIcon
              data-testid="script-summary"
              title={
                badRows === 0
                  ? t('drills.script.summaryOk', { rows: preview.length })
                  : t('drills.script.summary', {
                      rows: preview.length,
                      good,
                      bad: badRows,
                      issues: check?.issues.length ?? 0,
                    })
              }
              style={{ marginBottom: 8 }}
            />
          )}
          {badRows > 0 && headerIssues.length === 0 && (
            <Checkbox
              checked={onlyBad}
              onChange={(e) => setOnlyBad(e.target.checked)}
              style={{ marginBottom: 8 }}
            >
              {t('drills.script.onlyBad')}
            </Checkbox>
          )}
          <Table<PreviewRow>
            size="small"
            rowKey="row"
            data-testid="script-preview"
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
            dataSource={onlyBad ? preview.filter((r) => r.issues.length > 0) : preview}
            columns={[
              {
                title: t('drills.script.row'),
                dataIndex: 'row',
                width: 80,
                fixed: 'left',
                render: (row: number) => t('drills.script.rowN', { row }),
              },
              {
                title: t('drills.script.status'),
                key: 'status',
                width: 80,
                render: (_: unknown, r) =>
                  r.issues.length > 0 || headerIssues.length > 0 ? (
                    <Tag color="error">{t('drills.script.bad')}</Tag>
                  ) : (
                    <Tag color="success">{t('drills.script.good')}</Tag>
                  ),
              },
              ...mapped.map(({ h, index }) => ({
                key: String(index),
                title: (
                  <>
                    {h || `#${index + 1}`}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`drills.script.fields.${mapping[index]}`)}
                    </Typography.Text>
                  </>
                ),
                width: 180,
                onCell: (r: PreviewRow) =>
                  r.issues.some((i) => i.columnIndex === index)
                    ? { className: 'script-cell-bad', style: { background: '#fff1f0' } }
                    : {},
                render: (_: unknown, r: PreviewRow) => {
                  const text = r.cells[index] ?? '';
                  const issues = r.issues.filter((i) => i.columnIndex === index);
                  return (
                    <>
                      <span title={text}>{text.length > 60 ? `${text.slice(0, 60)}…` : text}</span>
                      {issues.map((i) => (
                        <Typography.Text
                          key={i.message}
                          type="danger"
                          style={{ display: 'block', fontSize: 12 }}
                        >
                          {problemOf(t, i)}
                        </Typography.Text>
                      ))}
                    </>
                  );
                },
              })),
            ]}
          />
        </>
      )}
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }} wrap>
        {badRows > 0 && good > 0 && headerIssues.length === 0 && (
          <Checkbox checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)}>
            {t('drills.script.skip', { count: badRows })}
          </Checkbox>
        )}
        <Button onClick={onClose} disabled={isImporting}>
          {t('drills.script.cancel')}
        </Button>
        <Button type="primary" disabled={!canImport} loading={isImporting} onClick={() => void runImport()}>
          {t('drills.script.import', { count: good })}
        </Button>
      </Space>
    </Spin>
  );
}
