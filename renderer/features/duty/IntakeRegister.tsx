import { AlertOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { casualtyText, type Intake } from '@shared/domain/duty/intake';
import { incidentFromIntake, type IncidentInput } from '@shared/domain/incident/incident';
import { useServices } from '../../services/services';
import { useElementHeight } from '../../ui/use-element-height';
import { OpenIncidentDialog } from '../incidents/OpenIncidentDialog';
import { IntakeDrawer } from './IntakeDrawer';

const DATE_TIME = 'YYYY-MM-DD HH:mm';

/** The 接报 register, newest first; `newRequest` changes when Alt+J asks for the next call to be recorded. */
export function IntakeRegister({ newRequest }: { newRequest: number }) {
  const { t } = useTranslation();
  const { intakes, platform } = useServices();
  const rows = useLiveQuery(() => intakes.list(), [intakes]);
  const [editing, setEditing] = useState<{ intake: Intake | null } | null>(null);
  const [viewing, setViewing] = useState<Intake | null>(null);
  const [opening, setOpening] = useState<IncidentInput | null>(null);
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const height = useElementHeight(box);

  useEffect(() => {
    if (newRequest > 0) setEditing({ intake: null });
  }, [newRequest]);

  const field = (name: string) => t(`duty.intake.fields.${name}`);
  const when = (ms: number | null) =>
    ms === null ? t('duty.intake.unknownTime') : dayjs(ms).format(DATE_TIME);
  const columns: ColumnsType<Intake> = [
    { title: field('serial'), dataIndex: 'serial', width: 100 },
    { title: field('receivedAt'), dataIndex: 'receivedAt', width: 140, render: when },
    {
      title: field('category'),
      dataIndex: 'category',
      width: 110,
      render: (c: Intake['category']) => <Tag>{t(`duty.intake.categories.${c}`)}</Tag>,
    },
    { title: field('place'), dataIndex: 'place', width: 220, ellipsis: true },
    { title: field('nature'), dataIndex: 'nature', ellipsis: true },
    {
      title: field('casualties'),
      key: 'casualties',
      width: 150,
      render: (_: unknown, r: Intake) => casualtyText(r),
    },
    {
      title: field('sourcePerson'),
      key: 'source',
      width: 200,
      render: (_: unknown, r: Intake) => `${r.sourceUnit} ${r.sourcePerson} ${r.sourcePhone}`.trim(),
    },
    {
      title: t('incidents.linkedColumn'),
      key: 'incident',
      width: 90,
      render: (_: unknown, r: Intake) =>
        r.incidentId ? <Tag color="processing">{t('incidents.linked')}</Tag> : '',
    },
    {
      title: field('recorder'),
      key: 'recorder',
      width: 110,
      render: (_: unknown, r: Intake) => r.createdBy?.name ?? '',
    },
  ];

  return (
    <Card
      size="small"
      title={`${t('duty.intake.title')} · ${t('duty.intake.count', { count: rows?.length ?? 0 })}`}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ intake: null })}>
          {t('duty.intake.new')}（{t('duty.intake.newHint')}）
        </Button>
      }
      data-testid="intake-register"
    >
      <div ref={box} style={{ height: 'calc(100vh - 260px)', minHeight: 260 }}>
        <Table<Intake>
          rowKey="id"
          size="small"
          virtual
          pagination={false}
          columns={columns}
          dataSource={rows ?? []}
          loading={rows === undefined}
          locale={{ emptyText: t('duty.intake.empty') }}
          scroll={{ x: 1200, y: Math.max(200, height - 40) }}
          onRow={(record) => ({ onClick: () => setViewing(record), style: { cursor: 'pointer' } })}
        />
      </div>
      {editing && <IntakeDrawer intake={editing.intake} onClose={() => setEditing(null)} />}
      {opening && <OpenIncidentDialog initial={opening} onClose={() => setOpening(null)} />}
      {viewing && (
        <Modal
          open
          width={760}
          title={`${t('duty.intake.title')} ${viewing.serial}`}
          onCancel={() => setViewing(null)}
          footer={
            <Space className="no-print">
              <Button
                icon={<PrinterOutlined />}
                onClick={() => void platform.printToPdf({ defaultName: `接报-${viewing.serial}.pdf` })}
              >
                {t('duty.intake.print')}
              </Button>
              <Button
                onClick={() => {
                  setEditing({ intake: viewing });
                  setViewing(null);
                }}
              >
                {t('duty.intake.edit')}
              </Button>
              {viewing.incidentId ? (
                <Button onClick={() => void navigate(`/incidents/${viewing.incidentId}`)}>
                  {t('incidents.openIncident')}
                </Button>
              ) : (
                <Button
                  icon={<AlertOutlined />}
                  onClick={() => {
                    setOpening(incidentFromIntake(viewing));
                    setViewing(null);
                  }}
                >
                  {t('incidents.fromIntake')}
                </Button>
              )}
              <Button type="primary" onClick={() => setViewing(null)}>
                {t('duty.intake.close')}
              </Button>
            </Space>
          }
        >
          <Descriptions size="small" bordered column={2} data-testid="intake-detail">
            <Descriptions.Item label={field('receivedAt')}>{when(viewing.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={field('occurredAt')}>{when(viewing.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={field('sourcePerson')} span={2}>
              {`${viewing.sourceUnit} ${viewing.sourcePerson} ${viewing.sourcePhone}`.trim()}
            </Descriptions.Item>
            <Descriptions.Item label={field('place')} span={2}>
              {viewing.place}
            </Descriptions.Item>
            <Descriptions.Item label={field('category')}>
              {t(`duty.intake.categories.${viewing.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={field('casualties')}>{casualtyText(viewing)}</Descriptions.Item>
            <Descriptions.Item label={field('nature')} span={2}>
              {viewing.nature}
            </Descriptions.Item>
            <Descriptions.Item label={field('scope')} span={2}>
              {viewing.scope}
            </Descriptions.Item>
            <Descriptions.Item label={field('losses')} span={2}>
              {viewing.losses}
            </Descriptions.Item>
            <Descriptions.Item label={field('trend')} span={2}>
              {viewing.trend}
            </Descriptions.Item>
            <Descriptions.Item label={field('leadersOnScene')} span={2}>
              {viewing.leadersOnScene}
            </Descriptions.Item>
            <Descriptions.Item label={field('measuresTaken')} span={2}>
              {viewing.measuresTaken}
            </Descriptions.Item>
            <Descriptions.Item label={field('recorder')} span={2}>
              {viewing.createdBy ? `${viewing.createdBy.name}（${viewing.createdBy.positionName}）` : ''}
              {viewing.updatedBy && viewing.updatedAt !== viewing.createdAt ? (
                <Typography.Text type="secondary">
                  {' '}
                  · {viewing.updatedBy.name} {dayjs(viewing.updatedAt).format(DATE_TIME)}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
          </Descriptions>
        </Modal>
      )}
    </Card>
  );
}
