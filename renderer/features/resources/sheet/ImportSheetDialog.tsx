import {
  Alert,
  App,
  Button,
  Checkbox,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Steps,
  Table,
  Typography,
} from 'antd';
import { Fragment, startTransition, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SHEET_COLUMNS,
  suggestMapping,
  type ColumnMapping,
  type SheetKind,
} from '@shared/domain/resources/resource-sheet';
import { openSheetClient, type SheetClient } from '../../../db/resource-sheet-client';
import {
  columnIndexOf,
  type CellPatch,
  type CheckSummary,
  type PreviewIssue,
  type ReadSummary,
} from '../../../db/resource-sheet-jobs';
import { formatOf } from '../../../files/spreadsheet-files';
import { useServices } from '../../../services/services';
import { translateError } from '../../../ui/translate-error';
import { useActor } from '../../session/useSession';

type Step = 'file' | 'mapping' | 'preview' | 'importing';

interface Busy {
  label: string;
  percent: number;
}

/**
 * 导入 a registry from CSV or XLSX: pick the file, map its columns, see every problem by row and column (fix
 * the cell here, or skip those rows), then import all rows in one transaction with a progress bar and a
 * cancel button. Reading, checking and writing run in a worker; a failed or cancelled import writes nothing.
 */
export function ImportSheetDialog({ kind, onClose }: { kind: SheetKind; onClose: () => void }) {
  const { t } = useTranslation();
  const { resources, platform } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [step, setStep] = useState<Step>('file');
  const [sheet, setSheet] = useState<ReadSummary | null>(null);
  const [fileName, setFileName] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [check, setCheck] = useState<CheckSummary | null>(null);
  const [patches, setPatches] = useState<CellPatch[]>([]);
  const [skipBad, setSkipBad] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const client = useRef<SheetClient | null>(null);
  const headerOptions = (sheet?.headers ?? []).map((h, i) => ({ value: i, label: h || `#${i + 1}` }));

  useEffect(() => {
    const opened = openSheetClient();
    client.current = opened;
    return () => opened.close();
  }, []);

  /**
   * Runs a long job under the progress bar. A refusal takes the bar away with its message; a result leaves the
   * bar up for the caller to replace with the next step (`showNext`). `fileName`: while a file is read, a
   * refusal names it (an office picks from many sheets at once).
   */
  const run = async <T,>(
    label: string,
    request: (c: SheetClient) => Promise<T>,
    fileName?: string,
  ): Promise<T | null> => {
    if (!client.current) return null;
    setFailure(null);
    setBusy({ label, percent: 0 });
    try {
      return await request(client.current);
    } catch (error) {
      const reason = translateError(t, error);
      setFailure(fileName ? t('resources.sheet.fileRefused', { name: fileName, reason }) : reason);
      setBusy(null);
      return null;
    }
  };

  /**
   * After a long job the next step's screen (the column pickers, the problem table) is drawn as a transition:
   * React draws it in slices, so a 100,000-row file never holds the page's thread for 100 ms at the end.
   * The progress bar stays until that screen replaces it.
   */
  const showNext = (update: () => void) =>
    startTransition(() => {
      setBusy(null);
      update();
    });

  const progress = (done: number, total: number) =>
    setBusy((b) => (b ? { ...b, percent: total > 0 ? Math.floor((done / total) * 100) : 0 } : b));

  const pickFile = async () => {
    const file = await platform.openFile({ filters: [{ name: 'CSV / Excel', extensions: ['csv', 'xlsx'] }] });
    if (!file) return;
    const format = formatOf(file.name);
    if (!format) {
      setFailure(t('resources.sheet.unsupported', { name: file.name }));
      return;
    }
    const read = await run(
      t('resources.sheet.reading'),
      (c) => c.request<ReadSummary>({ type: 'read', bytes: file.bytes, format }),
      file.name,
    );
    if (!read) return;
    showNext(() => {
      if (read.rowCount < 1) {
        setFailure(t('resources.sheet.fileEmpty', { name: file.name }));
        return;
      }
      setFileName(file.name);
      setSheet(read);
      setPatches([]);
      setMapping(suggestMapping(kind, read.headers));
      setStep('mapping');
    });
  };

  const runCheck = async () => {
    const lookups = await resources.sheetLookups();
    const result = await run(t('resources.sheet.checking'), (c) =>
      c.request<CheckSummary>({ type: 'check', kind, mapping, lookups, patches }),
    );
    if (result) {
      showNext(() => {
        setPatches([]);
        setCheck(result);
        setStep('preview');
      });
    }
  };

  const fixCell = (issue: PreviewIssue, value: string) => {
    const column = columnIndexOf(kind, mapping, issue.column);
    if (column === null || value === issue.value) return;
    setPatches((current) => [
      ...current.filter((p) => p.row !== issue.row || p.column !== column),
      { row: issue.row, column, value },
    ]);
  };

  const runImport = async () => {
    const actor = requireActor();
    if (!actor || !check) return;
    setStep('importing');
    const result = await run(t('resources.sheet.importing'), (c) =>
      c.request<{ imported: number }>(
        { type: 'import', databaseName: resources.databaseName, kind, actor },
        progress,
      ),
    );
    if (result) {
      setBusy(null);
      onClose();
      // The toast measures itself, a layout of the whole page: in a task after the dialog's unmount, so the
      // end of a 100,000-row import is two short tasks rather than one long one (import_longest_main_task_ms).
      const done = t('resources.sheet.imported', {
        count: result.imported,
        kind: t(`resources.kinds.${kind}`),
      });
      window.setTimeout(() => void message.success(done), 0);
    } else {
      setStep('preview');
    }
  };

  const headerIssues = check?.issues.filter((i) => i.row === 1) ?? [];
  const rowIssues = check?.issues.filter((i) => i.row > 1) ?? [];
  const badRows = check?.badRows ?? 0;
  const canImport =
    check !== null &&
    headerIssues.length === 0 &&
    check.importable > 0 &&
    (rowIssues.length === 0 || skipBad);
  const stepIndex = { file: 0, mapping: 1, preview: 2, importing: 3 }[step];

  return (
    <Modal
      open
      width={960}
      title={t('resources.sheet.importTitle', { kind: t(`resources.kinds.${kind}`) })}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      footer={null}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={stepIndex}
        style={{ marginBottom: 16 }}
        items={['file', 'mapping', 'preview', 'importing'].map((s) => ({
          title: t(`resources.sheet.steps.${s}`),
        }))}
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          style={{ marginBottom: 12 }}
          data-testid="sheet-failure"
        />
      )}
      {busy && (
        <Space
          orientation="vertical"
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="sheet-progress"
        >
          <Typography.Text>{busy.label}</Typography.Text>
          <Progress percent={busy.percent} status="active" />
          {step === 'importing' && (
            <Button danger onClick={() => client.current?.cancel()}>
              {t('resources.sheet.cancel')}
            </Button>
          )}
        </Space>
      )}
      {step === 'file' && !busy && (
        <Space direction="vertical">
          <Typography.Paragraph type="secondary">
            {t('resources.sheet.fileHint', { columns: SHEET_COLUMNS[kind].map((c) => c.header).join('、') })}
          </Typography.Paragraph>
          <Button type="primary" onClick={() => void pickFile()}>
            {t('resources.sheet.pick')}
          </Button>
        </Space>
      )}
      {step === 'mapping' && !busy && sheet && (
        <>
          <Typography.Paragraph>
            {t('resources.sheet.fileSummary', {
              name: fileName,
              rows: sheet.rowCount,
              encoding: sheet.encoding,
            })}
          </Typography.Paragraph>
          {/* A plain grid, not a table: the table's layout pass over the whole page behind the dialog
              held the page's thread for about 100 ms when a 100,000-row file had been read. */}
          <div className="sheet-mapping" role="group" aria-label={t('resources.sheet.source')}>
            <Typography.Text strong>{t('resources.sheet.target')}</Typography.Text>
            <Typography.Text strong>{t('resources.sheet.source')}</Typography.Text>
            {SHEET_COLUMNS[kind].map((c) => (
              <Fragment key={c.field}>
                <Typography.Text>{c.header}</Typography.Text>
                <Select
                  allowClear
                  style={{ width: 260 }}
                  aria-label={c.header}
                  value={mapping[c.field] ?? null}
                  placeholder={t('resources.sheet.notMapped')}
                  options={headerOptions}
                  onChange={(v: number | undefined) => setMapping({ ...mapping, [c.field]: v ?? null })}
                />
              </Fragment>
            ))}
          </div>
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => setStep('file')}>{t('resources.sheet.back')}</Button>
            <Button type="primary" onClick={() => void runCheck()}>
              {t('resources.sheet.check')}
            </Button>
          </Space>
        </>
      )}
      {(step === 'preview' || step === 'importing') && !busy && check && sheet && (
        <>
          <Alert
            type={check.issues.length === 0 ? 'success' : 'warning'}
            showIcon
            data-testid="sheet-summary"
            title={t('resources.sheet.summary', {
              rows: sheet.rowCount,
              good: check.importable,
              bad: badRows,
              issues: check.issueCount,
            })}
            style={{ marginBottom: 12 }}
          />
          {check.issues.length > 0 && (
            <Table<PreviewIssue>
              size="small"
              data-testid="sheet-issues"
              pagination={{ pageSize: 8, size: 'small' }}
              rowKey={(i) => `${i.row}/${i.column}/${i.message}`}
              dataSource={check.issues}
              columns={[
                {
                  title: t('resources.sheet.row'),
                  dataIndex: 'row',
                  width: 70,
                  render: (r: number) => t('resources.sheet.rowN', { row: r }),
                },
                { title: t('resources.sheet.column'), dataIndex: 'column', width: 120 },
                {
                  title: t('resources.sheet.problem'),
                  key: 'problem',
                  render: (_: unknown, i: PreviewIssue) => t(`validation.${i.message}`, i.params ?? {}),
                },
                {
                  title: t('resources.sheet.fix'),
                  key: 'fix',
                  width: 220,
                  render: (_: unknown, i: PreviewIssue) =>
                    i.row > 1 && columnIndexOf(kind, mapping, i.column) !== null ? (
                      <Input
                        size="small"
                        aria-label={t('resources.sheet.fixCell', { row: i.row, column: i.column })}
                        defaultValue={i.value}
                        onBlur={(e) => fixCell(i, e.target.value)}
                      />
                    ) : null,
                },
              ]}
            />
          )}
          <Space style={{ marginTop: 12 }} wrap>
            <Button onClick={() => setStep('mapping')}>{t('resources.sheet.back')}</Button>
            {check.issues.length > 0 && (
              <Button onClick={() => void runCheck()}>{t('resources.sheet.recheck')}</Button>
            )}
            {rowIssues.length > 0 && (
              <Checkbox checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)}>
                {t('resources.sheet.skip', { count: badRows })}
              </Checkbox>
            )}
            <Button type="primary" disabled={!canImport} onClick={() => void runImport()}>
              {t('resources.sheet.import', { count: check.importable })}
            </Button>
          </Space>
        </>
      )}
    </Modal>
  );
}
