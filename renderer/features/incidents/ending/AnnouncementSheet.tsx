import { EditOutlined, NotificationOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Spin, Tag, Tooltip } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@shared/domain/incident/incident';
import {
  announcementDraftSchema,
  chineseDate,
  whyCannotIssueAnnouncement,
  type AnnouncementText,
} from '@shared/domain/incident/termination-announcement';
import { useServices } from '../../../services/services';
import { parseForm, schemaRule } from '../../../ui/schema-form';
import { printSheet } from '../../../ui/print-sheet';
import { ConfirmActDialog } from '../../session/ConfirmActDialog';
import { useActPermission } from '../../session/useActPermission';
import { useConfirmAct } from '../../session/useConfirmAct';
import { useSession } from '../../session/useSession';
import { useSignedWrite } from '../../session/useSignedWrite';

/** 终止公告 in the header once the response has ended: opens the sheet; says whether it is signed. */
export function AnnouncementButton({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const issued = incident.announcement?.status === 'issued';
  return (
    <>
      <Button
        size="small"
        icon={<NotificationOutlined />}
        onClick={() => setOpen(true)}
        data-testid="announcement-open"
      >
        {t('incidents.announcement.open')}
        <Tag color={issued ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
          {t(issued ? 'incidents.announcement.issuedTag' : 'incidents.announcement.notIssuedTag')}
        </Tag>
      </Button>
      {open ? <AnnouncementSheet incident={incident} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/**
 * The announcement in the layout it is published in (红头, title, body, issuing body and date), editable
 * until it is signed; 签发 is enabled only for those who may sign it, otherwise it says why.
 */
function AnnouncementSheet({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const { announcements, platform } = useServices();
  const write = useSignedWrite();
  const session = useSession();
  // Publishing the end of a response is signed like a report: the same role, and the PIN where one is set.
  const roleWhy = useActPermission('report.approve');
  const { confirm, dialogProps } = useConfirmAct();
  const [form] = Form.useForm<AnnouncementText>();
  const [editing, setEditing] = useState(false);
  const view = useLiveQuery(() => announcements.view(incident.id), [announcements, incident.id]);
  if (view === undefined) return <Spin />;
  if (view === null) return null;
  const { stored, text, plan } = view;
  const isIssued = stored?.status === 'issued';
  const isOpen = incident.status === 'open';
  const actor = session?.actor ?? null;
  const why = actor
    ? (whyCannotIssueAnnouncement({ status: stored?.status ?? 'draft', ...text }, view, actor) ?? roleWhy)
    : null;
  const date = chineseDate(stored?.issued?.at ?? view.terminatedAt);

  const save = async (values: AnnouncementText) => {
    const draft = parseForm(announcementDraftSchema, values, form, t);
    if (!draft) return;
    const ok = await write((a) => announcements.save(incident.id, draft, a));
    if (ok) setEditing(false);
  };

  const footer = editing ? (
    <Space className="no-print">
      <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      <Button type="primary" onClick={() => form.submit()}>
        {t('common.save')}
      </Button>
    </Space>
  ) : (
    <Space className="no-print">
      <Button
        icon={<PrinterOutlined />}
        onClick={() => void printSheet(platform, `${incident.serial}-终止公告.pdf`)}
      >
        {t('incidents.announcement.print')}
      </Button>
      {isOpen && !isIssued ? (
        <Button
          icon={<EditOutlined />}
          onClick={() => {
            form.setFieldsValue(text);
            setEditing(true);
          }}
        >
          {t('incidents.announcement.edit')}
        </Button>
      ) : null}
      {isOpen && !isIssued ? (
        <Tooltip title={why}>
          <Button
            type="primary"
            disabled={why !== null}
            onClick={async () => {
              if (await confirm('report.approve'))
                await write((a) => announcements.issue(incident.id, a), t('incidents.announcement.issued'));
            }}
          >
            {t('incidents.announcement.issue')}
          </Button>
        </Tooltip>
      ) : null}
    </Space>
  );

  return (
    <Modal
      open
      width={800}
      title={`${t('incidents.announcement.title')} · ${t(
        isIssued ? 'incidents.announcement.statusIssued' : 'incidents.announcement.statusDraft',
      )}`}
      onCancel={onClose}
      wrapClassName="report-sheet-modal"
      footer={footer}
      maskClosable={!editing}
    >
      {editing ? (
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item
            name="title"
            label={t('incidents.announcement.fieldTitle')}
            required
            rules={[schemaRule(announcementDraftSchema.shape.title, t, { required: true })]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('incidents.announcement.fieldBody')}
            extra={t('incidents.announcement.bodyHint')}
            required
            rules={[schemaRule(announcementDraftSchema.shape.body, t, { required: true })]}
          >
            <Input.TextArea maxLength={3000} autoSize={{ minRows: 8, maxRows: 18 }} />
          </Form.Item>
        </Form>
      ) : (
        <div className="report-sheet announcement-sheet" data-testid="announcement-sheet">
          <div className="announcement-head">{plan.commandBody}</div>
          <h2 className="report-sheet-title">{text.title}</h2>
          {text.body.split('\n').map((paragraph, i) => (
            <p key={i} className="announcement-paragraph">
              {paragraph}
            </p>
          ))}
          <div className="announcement-sign">
            <div>{plan.commandBody}</div>
            <div>{date}</div>
          </div>
          <div className="announcement-meta">
            {t('incidents.announcement.signer')}：{stored?.issued?.actor.name ?? '　　　　'}
          </div>
        </div>
      )}
      <ConfirmActDialog {...dialogProps} />
    </Modal>
  );
}
