import { Alert, App, Form, Input, InputNumber, Modal, Segmented, Select, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Material } from '@shared/domain/resources/resource-types';
import {
  COUNT_REASONS,
  STOCK_ENTRY_KINDS,
  WRITE_OFF_REASONS,
  type StockEntryKind,
  type StockRequest,
} from '@shared/domain/resources/stock-ledger';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';
import { DateField, fromDay, WarehouseSelect } from './form-parts';

const AUTO = '__auto__';
/** Stock received without a batch number: '' in the ledger, a visible option in the form. */
const NONE = '__none__';
const ledgerBatch = (value: string | undefined) => (value === NONE || value === undefined ? '' : value);

interface Values {
  warehouseId: string;
  toWarehouseId?: string;
  batchNo?: string;
  expiryDate?: unknown;
  quantity?: number;
  reason?: string;
  party?: string;
  note?: string;
}

function toRequest(kind: StockEntryKind, v: Values): StockRequest {
  const quantity = v.quantity ?? 0;
  const batch = v.batchNo === AUTO ? undefined : ledgerBatch(v.batchNo);
  switch (kind) {
    case 'receive':
      return {
        kind,
        warehouseId: v.warehouseId,
        batchNo: (v.batchNo ?? '').trim(),
        expiryDate: fromDay(v.expiryDate),
        quantity,
      };
    case 'issue':
      return { kind, warehouseId: v.warehouseId, quantity, batchNo: batch };
    case 'transfer':
      return {
        kind,
        warehouseId: v.warehouseId,
        toWarehouseId: v.toWarehouseId ?? '',
        quantity,
        batchNo: batch,
      };
    case 'count':
      return { kind, warehouseId: v.warehouseId, batchNo: ledgerBatch(v.batchNo), countedQuantity: quantity };
    case 'writeOff':
      return { kind, warehouseId: v.warehouseId, batchNo: ledgerBatch(v.batchNo), quantity };
  }
}

/**
 * 入库 / 出库 / 调拨 / 盘点 / 报废 of one material. A refusal (not enough stock, an expired batch …) is shown
 * in the dialog, which stays open with everything typed, and nothing is written.
 */
export function StockEntryModal({
  material,
  onClose,
  initialKind = 'receive',
}: {
  material: Material;
  onClose: () => void;
  initialKind?: StockEntryKind;
}) {
  const { t } = useTranslation();
  const { resources } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<StockEntryKind>(initialKind);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const balances = useLiveQuery(() => resources.balancesOf(material.id), [resources, material.id]) ?? [];
  const warehouseId = Form.useWatch('warehouseId', form) ?? material.warehouseId;
  const batches = balances.filter((b) => b.warehouseId === warehouseId);
  const batchLabel = (batchNo: string) => (batchNo === '' ? t('resources.stock.noBatch') : batchNo);
  const batchOptions = batches.map((b) => ({
    value: b.batchNo === '' ? NONE : b.batchNo,
    label: `${batchLabel(b.batchNo)} · ${b.quantity}${material.unit}${b.expiryDate ? ` · ${t('resources.stock.expiry')} ${b.expiryDate}` : ''}`,
  }));
  const takesFromStock = kind === 'issue' || kind === 'transfer';
  const namesBatch = kind === 'count' || kind === 'writeOff';

  const submit = async (values: Values) => {
    const actor = requireActor();
    if (!actor) return;
    setBusy(true);
    setRefusal(null);
    try {
      await resources.postStock(
        material.id,
        toRequest(kind, values),
        { reason: values.reason ?? '', party: values.party ?? '', note: values.note ?? '' },
        actor,
      );
      void message.success(
        t('resources.stock.posted', { kind: t(`resources.stock.kinds.${kind}`), name: material.name }),
      );
      onClose();
    } catch (error) {
      setRefusal(translateError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('resources.stock.title', { name: material.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={560}
    >
      <Segmented<StockEntryKind>
        block
        value={kind}
        onChange={(k) => {
          setKind(k);
          setRefusal(null);
          form.setFieldValue('batchNo', k === 'issue' || k === 'transfer' ? AUTO : undefined);
        }}
        options={STOCK_ENTRY_KINDS.map((k) => ({ value: k, label: t(`resources.stock.kinds.${k}`) }))}
        style={{ marginBottom: 12 }}
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal}
          style={{ marginBottom: 12 }}
          data-testid="stock-refusal"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ warehouseId: material.warehouseId, batchNo: takesFromStock ? AUTO : '' }}
        requiredMark
      >
        <Form.Item
          name="warehouseId"
          label={t('resources.stock.warehouse')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <WarehouseSelect />
        </Form.Item>
        {kind === 'transfer' && (
          <Form.Item
            name="toWarehouseId"
            label={t('resources.stock.toWarehouse')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <WarehouseSelect exclude={warehouseId} />
          </Form.Item>
        )}
        {kind === 'receive' && (
          <>
            <Form.Item name="batchNo" label={t('resources.stock.batch')}>
              <Input maxLength={40} />
            </Form.Item>
            <DateField name="expiryDate" label={t('resources.stock.expiry')} />
          </>
        )}
        {takesFromStock && (
          <Form.Item name="batchNo" label={t('resources.stock.batch')}>
            <Select options={[{ value: AUTO, label: t('resources.stock.batchAuto') }, ...batchOptions]} />
          </Form.Item>
        )}
        {namesBatch && (
          <Form.Item
            name="batchNo"
            label={t('resources.stock.batch')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={batchOptions} />
          </Form.Item>
        )}
        <Form.Item
          name="quantity"
          label={`${kind === 'count' ? t('resources.stock.counted') : t('resources.stock.quantity')}（${material.unit}）`}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} style={{ width: 200 }} />
        </Form.Item>
        {namesBatch && (
          <Form.Item
            name="reason"
            label={t('resources.stock.reason')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              options={(kind === 'count' ? COUNT_REASONS : WRITE_OFF_REASONS).map((r) => ({
                value: r,
                label: t(`resources.stock.${kind === 'count' ? 'countReasons' : 'writeOffReasons'}.${r}`),
              }))}
            />
          </Form.Item>
        )}
        {(kind === 'receive' || kind === 'issue') && (
          <Form.Item name="party" label={t('resources.stock.party')}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('resources.stock.note')}>
          <Input maxLength={200} />
        </Form.Item>
        <Typography.Text type="secondary">
          {t('resources.stock.balances')}：
          {balances.length === 0
            ? t('common.none')
            : balances.map((b) => `${batchLabel(b.batchNo)} ${b.quantity}${material.unit}`).join('，')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
