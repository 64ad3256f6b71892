import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Descriptions, Modal, Progress, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeText } from '@shared/files/decode-text';
import { parsePeopleCsv, type CsvIssue, type ImportedPerson } from '@shared/domain/org/people-csv';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';
import type { DirectoryData } from './useDirectoryData';

const PREVIEW_ROWS = 20;

type Checked =
  | { status: 'empty' }
  | { status: 'invalid'; fileName: string; encoding: string; issues: CsvIssue[] }
  | {
      status: 'ready';
      fileName: string;
      encoding: string;
      people: ImportedPerson[];
      added: number;
      updated: number;
    };

/**
 * Choose → check every row → preview → import. Nothing is written until the whole file checks out, and
 * then everything is written in one transaction.
 */
export function ImportPeopleDialog({
  data,
  open,
  onClose,
}: {
  data: DirectoryData;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { directory } = useServices();
  const requireActor = useActor();
  const [checked, setChecked] = useState<Checked>({ status: 'empty' });
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);

  const close = () => {
    setChecked({ status: 'empty' });
    setProgress(null);
    onClose();
  };

  const check = async (file: File) => {
    try {
      const { text, encoding } = decodeText(new Uint8Array(await file.arrayBuffer()));
      const result = parsePeopleCsv(text, data);
      if (!result.ok) {
        setChecked({ status: 'invalid', fileName: file.name, encoding, issues: result.issues });
        return;
      }
      const existing = new Set(data.people.map((p) => p.id));
      const updated = result.people.filter((p) => p.id !== null && existing.has(p.id)).length;
      setChecked({
        status: 'ready',
        fileName: file.name,
        encoding,
        people: result.people,
        added: result.people.length - updated,
        updated,
      });
    } catch (error) {
      void message.error(t('csvImport.readFailed', { file: file.name, message: translateError(t, error) }));
    }
  };

  const runImport = async () => {
    const actor = requireActor();
    if (!actor || checked.status !== 'ready') return;
    setImporting(true);
    try {
      setProgress(0);
      const result = await directory.importPeople(checked.people, actor, (written, total) =>
        setProgress(Math.round((written / total) * 100)),
      );
      void message.success(t('csvImport.done', result));
      close();
    } catch (error) {
      setProgress(null);
      void message.error(translateError(t, error));
    } finally {
      setImporting(false);
    }
  };

  const issueText = (issue: CsvIssue) => t(`validation.${issue.message}`, issue.params ?? {});

  return (
    <Modal
      open={open}
      title={t('csvImport.title')}
      width={900}
      onCancel={close}
      okText={t('csvImport.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: checked.status !== 'ready', loading: importing }}
      onOk={() => void runImport()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('csvImport.intro')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void check(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('csvImport.drop')}</p>
      </Upload.Dragger>
      {checked.status !== 'empty' ? (
        <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('csvImport.file')}>{checked.fileName}</Descriptions.Item>
          <Descriptions.Item label={t('csvImport.encoding')}>
            <Tag>{checked.encoding === 'gb18030' ? 'GBK' : checked.encoding.toUpperCase()}</Tag>
          </Descriptions.Item>
          {checked.status === 'ready' ? (
            <Descriptions.Item label={t('csvImport.rows')}>{checked.people.length}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      {checked.status === 'invalid' ? (
        <>
          <Alert
            type="error"
            showIcon
            title={t('csvImport.errorsTitle', { count: checked.issues.length })}
            style={{ margin: '8px 0' }}
          />
          <Table<CsvIssue & { key: number }>
            size="small"
            data-testid="import-issues"
            pagination={checked.issues.length > 10 ? { pageSize: 10 } : false}
            dataSource={checked.issues.map((issue, key) => ({ ...issue, key }))}
            columns={[
              {
                title: t('csvImport.row'),
                dataIndex: 'row',
                width: 90,
                render: (row: number) => t('csvImport.rowColumn', { row }),
              },
              { title: t('csvImport.column'), dataIndex: 'column', width: 140 },
              {
                title: t('csvImport.problem'),
                key: 'problem',
                render: (_: unknown, issue: CsvIssue) => issueText(issue),
              },
            ]}
          />
        </>
      ) : null}
      {progress !== null ? <Progress percent={progress} size="small" data-testid="import-progress" /> : null}
      {checked.status === 'ready' ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('csvImport.ready', { added: checked.added, updated: checked.updated })}
            style={{ margin: '8px 0' }}
          />
          <Typography.Text type="secondary">
            {t('csvImport.previewTitle', { count: Math.min(PREVIEW_ROWS, checked.people.length) })}
          </Typography.Text>
          <Table<ImportedPerson>
            size="small"
            rowKey={(p) => `${p.id ?? ''}${p.name}${p.mobile}`}
            pagination={false}
            dataSource={checked.people.slice(0, PREVIEW_ROWS)}
            columns={[
              { title: t('directory.columns.name'), dataIndex: 'name', width: 90 },
              {
                title: t('directory.columns.unit'),
                dataIndex: 'unitId',
                render: (id: string) => data.unitById.get(id)?.name ?? '',
              },
              { title: t('directory.columns.title'), dataIndex: 'title', width: 90 },
              {
                title: t('directory.columns.positions'),
                dataIndex: 'positionIds',
                render: (ids: string[]) => ids.map((id) => data.positionById.get(id)?.name).join('、'),
              },
              { title: t('directory.columns.mobile'), dataIndex: 'mobile', width: 120 },
              { title: t('directory.columns.officePhone'), dataIndex: 'officePhone', width: 130 },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
