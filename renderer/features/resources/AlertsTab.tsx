import { App, Button, Card, Empty, Form, InputNumber, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AlertKind, ResourceAlert } from '@shared/domain/resources/resource-alerts';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';
import { useResourceAlerts, useResourceSettings } from './useResources';

const KIND_COLOURS: Record<AlertKind, string> = {
  expired: 'error',
  inspectionOverdue: 'error',
  lowStock: 'error',
  expiring: 'warning',
  inspectionDue: 'warning',
  stocktakeOverdue: 'warning',
};

/** A page of the list: at 100,000 materials there can be tens of thousands of alerts. */
const PAGE_SIZE = 50;

/** Every resource alert with a link to the item, a page at a time, and the thresholds that raise them. */
export function AlertsTab() {
  const { t } = useTranslation();
  const view = useResourceAlerts({ withList: true });
  const counts = view?.counts ?? null;
  const alerts = view?.list ?? undefined;

  const describe = (a: ResourceAlert): { text: string; path: string } => {
    switch (a.kind) {
      case 'lowStock':
        return {
          text: t('resources.alerts.lowStock', {
            name: a.name,
            total: a.total,
            minimum: a.minimum,
            unit: a.unit,
          }),
          path: `/resources/material/${a.materialId}`,
        };
      case 'expiring':
      case 'expired':
        return {
          text: t('resources.alerts.expiring', {
            name: a.name,
            batch: a.batchNo || t('resources.stock.noBatch'),
            warehouse: a.warehouseName,
            quantity: a.quantity,
            unit: a.unit,
            date: a.expiryDate,
          }),
          path: `/resources/material/${a.materialId}`,
        };
      case 'inspectionDue':
      case 'inspectionOverdue':
        return {
          text: t('resources.alerts.inspection', {
            name: a.name,
            date: a.due,
          }),
          path: `/resources/equipment?open=${a.equipmentId}`,
        };
      case 'stocktakeOverdue':
        return {
          text: t('resources.alerts.stocktake', {
            name: a.name,
            last:
              a.lastCountedAt === null
                ? t('resources.alerts.never')
                : dayjs(a.lastCountedAt).format('YYYY-MM-DD'),
            days: a.intervalDays,
          }),
          path: `/resources/warehouses?open=${a.warehouseId}`,
        };
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="resource-alerts">
      {counts && (
        <Space wrap>
          {(Object.keys(counts) as AlertKind[]).map((kind) => (
            <Tag key={kind} color={counts[kind] > 0 ? KIND_COLOURS[kind] : 'default'}>
              {t(`resources.alerts.kinds.${kind}`)} {counts[kind]}
            </Tag>
          ))}
        </Space>
      )}
      <List<ResourceAlert>
        size="small"
        bordered
        loading={alerts === undefined}
        dataSource={alerts ? [...alerts] : []}
        pagination={
          alerts && alerts.length > PAGE_SIZE
            ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false, align: 'center' }
            : false
        }
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resources.alerts.none')} />,
        }}
        renderItem={(a) => {
          const { text, path } = describe(a);
          return (
            <List.Item>
              <Space>
                <Tag color={KIND_COLOURS[a.kind]}>{t(`resources.alerts.kinds.${a.kind}`)}</Tag>
                <Typography.Link href={`#${path}`}>{text}</Typography.Link>
              </Space>
            </List.Item>
          );
        }}
      />
      <AlertSettingsCard />
    </Space>
  );
}

function AlertSettingsCard() {
  const { t } = useTranslation();
  const { resources } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const settings = useResourceSettings();
  if (!settings) return null;
  return (
    <Card size="small" title={t('resources.alerts.settings')}>
      <Form
        layout="inline"
        initialValues={settings}
        onFinish={(values: {
          expiryWarningDays: number;
          inspectionWarningDays: number;
          perPersonAreaM2: number;
        }) => {
          const actor = requireActor();
          if (!actor) return;
          resources.saveSettings(values, actor).then(
            () => void message.success(t('common.saved')),
            (error: unknown) => void message.error(translateError(t, error)),
          );
        }}
      >
        <Form.Item
          name="expiryWarningDays"
          label={t('resources.alerts.expiryDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={3650} precision={0} />
        </Form.Item>
        <Form.Item
          name="inspectionWarningDays"
          label={t('resources.alerts.inspectionDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={3650} precision={0} />
        </Form.Item>
        <Form.Item
          name="perPersonAreaM2"
          label={t('resources.alerts.perPersonArea')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0.1} max={100} step={0.5} />
        </Form.Item>
        <Button htmlType="submit">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
