import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Spin, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { incidentMessage } from '@shared/domain/incident/drill-incident';
import type { Incident } from '@shared/domain/incident/incident';
import { changedFields } from '@shared/domain/incident/report-content';
import {
  reportTitle,
  templateById,
  whyCannotApproveReport,
  whyCannotSend,
} from '@shared/domain/incident/reports';
import { useServices } from '../../../services/services';
import { printSheet } from '../../../ui/print-sheet';
import { ConfirmActDialog } from '../../session/ConfirmActDialog';
import { useActPermission } from '../../session/useActPermission';
import { useConfirmAct } from '../../session/useConfirmAct';
import { useSession } from '../../session/useSession';
import { useSignedWrite } from '../../session/useSignedWrite';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const TIME = 'YYYY年MM月DD日 HH:mm';

/**
 * A report in the layout it is sent in (printable), what changed since the report before it, and the
 * 签发 and 报送 actions — enabled only when allowed, otherwise saying why.
 */
export function ReportSheet({
  reportId,
  incident,
  onEdit,
  onClose,
}: {
  reportId: string;
  incident: Incident;
  onEdit: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { reports, settings, platform } = useServices();
  const write = useSignedWrite();
  const session = useSession();
  const roleWhy = useActPermission('report.approve');
  const { confirm, dialogProps } = useConfirmAct();
  const data = useLiveQuery(async () => {
    const all = await reports.list(incident.id);
    const index = all.findIndex((r) => r.id === reportId);
    return {
      report: all[index],
      previous:
        all
          .slice(0, Math.max(0, index))
          .filter((r) => r.status === 'sent')
          .at(-1) ?? null,
      approver: await reports.channelOf(incident.id),
      install: await settings.getInstallSettings(),
    };
  }, [reports, settings, incident.id, reportId]);
  if (!data?.report) return <Spin />;
  const { report, previous, approver, install } = data;
  const template = templateById(report.templateId);
  const actor = session?.actor ?? null;
  const cannotApprove = actor ? (whyCannotApproveReport(report, approver, actor) ?? roleWhy) : null;
  const cannotSend = whyCannotSend(report);
  const changes = previous ? changedFields(template, previous.content, report.content) : [];

  const action = (label: string, why: string | null, run: () => Promise<unknown>, primary = false) => {
    const button = (
      <Button type={primary ? 'primary' : 'default'} disabled={why !== null} onClick={() => void run()}>
        {label}
      </Button>
    );
    return why ? <Tooltip title={why}>{button}</Tooltip> : button;
  };

  return (
    <Modal
      open
      width={800}
      title={`${reportTitle(report)} · ${t(`incidents.reports.statuses.${report.status}`)}`}
      onCancel={onClose}
      wrapClassName="report-sheet-modal"
      footer={
        <Space className="no-print">
          <Button
            icon={<PrinterOutlined />}
            onClick={() => void printSheet(platform, `${incident.serial}-${reportTitle(report)}.pdf`)}
          >
            {t('incidents.reports.print')}
          </Button>
          {report.status !== 'sent' ? <Button onClick={onEdit}>{t('incidents.reports.edit')}</Button> : null}
          {report.status === 'draft'
            ? action(
                t('incidents.reports.approve'),
                actor ? cannotApprove : null,
                async () =>
                  (await confirm('report.approve')) &&
                  write((a) => reports.approve(report.id, a), t('incidents.reports.approved')),
              )
            : null}
          {report.status !== 'sent'
            ? action(
                t('incidents.reports.send'),
                cannotSend,
                () => write((a) => reports.send(report.id, a), t('incidents.reports.sent')),
                true,
              )
            : null}
        </Space>
      }
    >
      <div className="report-sheet" data-testid="report-sheet">
        <h2 className="report-sheet-title">{incidentMessage(incident, template.name)}</h2>
        <div className="report-sheet-kind">（{reportTitle(report)}）</div>
        <div className="report-sheet-meta">
          <span>
            {t('incidents.reports.from')}：{install.jurisdictionName}
          </span>
          <span>
            {t('incidents.reports.serial')}：{incident.serial}-{reportTitle(report)}
          </span>
          <span>
            {t('incidents.reports.approver')}：{report.approval?.actor.name ?? '　　　　'}
          </span>
          <span>
            {t('incidents.reports.recipient')}：{report.recipient}（
            {t(`incidents.reports.channels.${report.channel}`)}）
          </span>
        </div>
        <p>
          <b>{t('incidents.fields.title')}：</b>
          {incident.title}
        </p>
        {template.fields.map((field, i) => (
          <p key={field.key}>
            <b>
              {NUMERALS[i] ?? i + 1}、{field.label}：
            </b>
            {report.content[field.key] ||
              (field.required ? (
                <Typography.Text type="danger">{t('incidents.reports.emptyField')}</Typography.Text>
              ) : (
                '无'
              ))}
          </p>
        ))}
        <div className="report-sheet-sign">
          <span>
            {t('incidents.reports.drafter')}：{report.createdBy?.name ?? ''}{' '}
            {dayjs(report.createdAt).format(TIME)}
          </span>
          {report.approval ? (
            <span>
              {t('incidents.reports.approver')}：{report.approval.actor.name}{' '}
              {dayjs(report.approval.at).format(TIME)}
            </span>
          ) : null}
          {report.sentAt ? (
            <span>
              {t('incidents.reports.sentAt')}：{dayjs(report.sentAt).format(TIME)}
            </span>
          ) : null}
        </div>
        {previous ? (
          <div className="report-sheet-diff no-print" data-testid="report-diff">
            <Typography.Title level={5}>
              {t('incidents.reports.changes', { previous: reportTitle(previous) })}
            </Typography.Title>
            {changes.length === 0 ? (
              <Typography.Text type="secondary">{t('incidents.reports.noChanges')}</Typography.Text>
            ) : (
              changes.map((c) => (
                <div key={c.field.key} className="report-change">
                  <b>{c.field.label}</b>
                  <div className="report-change-before">{c.before || '—'}</div>
                  <div className="report-change-after">{c.after || '—'}</div>
                </div>
              ))
            )}
          </div>
        ) : null}
      </div>
      <ConfirmActDialog {...dialogProps} />
    </Modal>
  );
}
