import { ArrowLeftOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { localDate } from '@shared/domain/plan/plan-schedule';
import { className } from '@shared/domain/resources/material-code';
import { daysBetween } from '@shared/domain/resources/resource-alerts';
import {
  ledgerLines,
  totalQuantity,
  type LedgerLine,
  type StockBalance,
  type StockEntry,
} from '@shared/domain/resources/stock-ledger';
import { useServices } from '../../services/services';
import { useSession } from '../session/useSession';
import { StockEntryModal } from './StockEntryModal';
import { useWarehouses } from './useResources';

type LedgerRow = LedgerLine;

/** One material: what is where (by warehouse and batch), and its whole ledger with running balance. Printable. */
export function MaterialDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { resources, platform, now } = useServices();
  const session = useSession();
  const [stockOpen, setStockOpen] = useState(false);
  const data = useLiveQuery(async () => {
    const [material, balances, entries, classes] = await Promise.all([
      resources.getMaterial(id).then((m) => m ?? null),
      resources.balancesOf(id),
      resources.entriesOf(id),
      resources.materialClasses(),
    ]);
    return { material, balances, entries, classes };
  }, [resources, id]);
  const warehouses = useWarehouses();
  const warehouseName = useMemo(() => new Map((warehouses ?? []).map((w) => [w.id, w.name])), [warehouses]);
  const today = localDate(now());

  const ledger = useMemo(() => ledgerLines(data?.entries ?? []), [data]);

  if (data === undefined) return null;
  const { material, balances } = data;
  if (!material) return <Empty description={t('errors.notFound')} />;
  const unit = material.unit;
  const batchLabel = (batchNo: string) => (batchNo === '' ? t('resources.stock.noBatch') : batchNo);
  const reasonText = (entry: StockEntry) =>
    entry.reason === ''
      ? ''
      : entry.kind === 'count'
        ? t(`resources.stock.countReasons.${entry.reason}`)
        : entry.kind === 'writeOff'
          ? t(`resources.stock.writeOffReasons.${entry.reason}`)
          : entry.reason;

  const balanceColumns: ColumnsType<StockBalance> = [
    {
      title: t('resources.stock.warehouse'),
      dataIndex: 'warehouseId',
      render: (w: string) => warehouseName.get(w) ?? '',
    },
    { title: t('resources.stock.batch'), dataIndex: 'batchNo', render: batchLabel },
    {
      title: t('resources.stock.expiry'),
      dataIndex: 'expiryDate',
      render: (date: string | null) => {
        if (date === null) return '';
        const days = daysBetween(today, date);
        const colour = days < 0 ? 'error' : days <= 30 ? 'warning' : undefined;
        return (
          <Space size={4}>
            {date}
            {colour && (
              <Tag color={colour}>
                {days < 0
                  ? t('resources.stock.expiredAgo', { days: -days })
                  : t('resources.stock.expiresIn', { days })}
              </Tag>
            )}
          </Space>
        );
      },
    },
    { title: `${t('resources.stock.quantity')}（${unit}）`, dataIndex: 'quantity', align: 'right' },
  ];

  const ledgerColumns: ColumnsType<LedgerRow> = [
    {
      title: t('resources.stock.at'),
      key: 'at',
      width: 150,
      render: (_: unknown, r: LedgerRow) => dayjs(r.entry.at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('resources.fields.type'),
      key: 'kind',
      width: 70,
      render: (_: unknown, r: LedgerRow) => t(`resources.stock.kinds.${r.entry.kind}`),
    },
    {
      title: `${t('resources.stock.warehouse')} / ${t('resources.stock.batch')}`,
      key: 'where',
      render: (_: unknown, r: LedgerRow) =>
        r.entry.movements
          .map(
            (m) =>
              `${warehouseName.get(m.warehouseId) ?? ''} ${batchLabel(m.batchNo)} ${m.delta > 0 ? '+' : ''}${m.delta}`,
          )
          .join('；'),
    },
    {
      title: t('resources.stock.delta'),
      dataIndex: 'delta',
      width: 80,
      align: 'right',
      render: (d: number) => `${d > 0 ? '+' : ''}${d}`,
    },
    { title: t('resources.stock.after'), dataIndex: 'after', width: 80, align: 'right' },
    {
      title: t('resources.stock.reason'),
      key: 'reason',
      width: 90,
      render: (_: unknown, r: LedgerRow) => reasonText(r.entry),
    },
    {
      title: t('resources.stock.party'),
      key: 'party',
      width: 120,
      render: (_: unknown, r: LedgerRow) => r.entry.party,
    },
    { title: t('resources.stock.note'), key: 'note', render: (_: unknown, r: LedgerRow) => r.entry.note },
    {
      title: t('resources.stock.by'),
      key: 'by',
      width: 140,
      render: (_: unknown, r: LedgerRow) =>
        r.entry.actor ? `${r.entry.actor.name}（${r.entry.actor.positionName}）` : t('common.system'),
    },
  ];

  const total = totalQuantity(balances);
  return (
    <div className="material-detail" data-testid="material-detail">
      <Space className="no-print" style={{ marginBottom: 8 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/resources/materials')}>
          {t('common.back')}
        </Button>
        <Button type="primary" icon={<SwapOutlined />} onClick={() => setStockOpen(true)}>
          {t('resources.actions.stock')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          onClick={() =>
            void platform.printToPdf({ defaultName: `${material.name}-物资台账.pdf`, landscape: true })
          }
        >
          {t('resources.actions.print')}
        </Button>
      </Space>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('resources.stock.printTitle', { name: material.name })}
      </Typography.Title>
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('resources.fields.code')}>
          {material.code} {className(material.code, data.classes)}
        </Descriptions.Item>
        <Descriptions.Item label={t('resources.fields.spec')}>{material.spec}</Descriptions.Item>
        <Descriptions.Item label={t('resources.fields.unit')}>{unit}</Descriptions.Item>
        <Descriptions.Item label={t('resources.fields.total')}>
          <Typography.Text
            strong
            type={material.minimumStock > 0 && total < material.minimumStock ? 'danger' : undefined}
            data-testid="material-total"
          >
            {total} {unit}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('resources.fields.minimumStock')}>
          {material.minimumStock} {unit}
        </Descriptions.Item>
        <Descriptions.Item label={t('resources.fields.source')}>
          {t(`resources.sources.${material.source}`)}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('resources.stock.balances')} style={{ marginBottom: 12 }}>
        <Table<StockBalance>
          size="small"
          pagination={false}
          rowKey={(b) => `${b.warehouseId}/${b.batchNo}`}
          columns={balanceColumns}
          dataSource={balances}
        />
      </Card>
      <Card size="small" title={t('resources.stock.ledger')}>
        <Table<LedgerRow>
          size="small"
          pagination={false}
          rowKey={(r) => r.entry.id}
          columns={ledgerColumns}
          dataSource={ledger}
        />
      </Card>
      <Typography.Paragraph type="secondary" className="print-only" style={{ marginTop: 8 }}>
        {t('resources.stock.printedBy', {
          who: session ? `${session.actor.name}（${session.actor.positionName}）` : '',
          time: dayjs(now()).format('YYYY-MM-DD HH:mm'),
        })}
      </Typography.Paragraph>
      {stockOpen && <StockEntryModal material={material} onClose={() => setStockOpen(false)} />}
    </div>
  );
}
