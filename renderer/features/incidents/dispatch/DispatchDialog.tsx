import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchKind } from '@shared/domain/incident/dispatch';
import type { SearchHit } from '@shared/domain/resources/resource-search';
import { useServices } from '../../../services/services';
import { ResourceSearch } from '../../resources/ResourceSearch';
import { useSignedWrite } from '../../session/useSignedWrite';

/**
 * 调派: find the resource with 一键检索 (type, ↑/↓, Enter), then say how much (materials: issued from stock;
 * shelters: people placed) and confirm. A refusal (not enough stock, shelter full) keeps the dialog open.
 */
export function DispatchDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { dispatches } = useServices();
  const write = useSignedWrite();
  const [row, setRow] = useState<SearchHit | null>(null);
  const [quantity, setQuantity] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const counted = row?.kind === 'material' || row?.kind === 'shelter';
  const canDispatch = row !== null && row.kind !== 'warehouse' && (!counted || (quantity ?? 0) > 0);

  const confirm = async () => {
    if (!row || row.kind === 'warehouse' || !canDispatch) return;
    setSaving(true);
    const kind: DispatchKind = row.kind;
    const ok = await write(
      (actor) =>
        dispatches.dispatch(
          incidentId,
          { kind, resourceId: row.id, ...(counted ? { quantity: quantity ?? 0 } : {}), note },
          actor,
        ),
      t('incidents.dispatch.done'),
    );
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Modal
      open
      width={820}
      title={t('incidents.dispatch.title')}
      onCancel={onClose}
      footer={
        row ? (
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => setRow(null)}>
              {t('incidents.dispatch.back')}
            </Button>
            <Button type="primary" loading={saving} disabled={!canDispatch} onClick={() => void confirm()}>
              {t('incidents.dispatch.confirm')}
            </Button>
          </Space>
        ) : null
      }
      destroyOnHidden
    >
      {row === null ? (
        <ResourceSearch
          autoFocus
          onOpen={(picked) => {
            setRow(picked);
            setQuantity(null);
            setNote('');
          }}
        />
      ) : (
        <>
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('incidents.dispatch.kind')}>
              {t(`resources.kinds.${row.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.dispatch.name')}>{row.name}</Descriptions.Item>
            <Descriptions.Item label={t('incidents.dispatch.detail')} span={2}>
              {row.detail}
            </Descriptions.Item>
            {row.quantity !== null ? (
              <Descriptions.Item label={t(`incidents.dispatch.available.${row.kind}`)} span={2}>
                {row.quantity}
                {row.unit}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {row.kind === 'warehouse' ? (
            <Alert type="info" showIcon title={t('incidents.dispatch.noWarehouse')} />
          ) : (
            <Form layout="vertical" component="div">
              {counted ? (
                <Form.Item label={t(`incidents.dispatch.quantity.${row.kind}`)} required>
                  <InputNumber
                    aria-label={t(`incidents.dispatch.quantity.${row.kind}`)}
                    min={1}
                    precision={row.kind === 'shelter' ? 0 : 3}
                    value={quantity}
                    onChange={(v) => setQuantity(v)}
                    addonAfter={row.kind === 'shelter' ? '人' : row.unit}
                    style={{ width: 220 }}
                    autoFocus
                  />
                </Form.Item>
              ) : null}
              <Form.Item label={t('incidents.dispatch.note')}>
                <Input
                  aria-label={t('incidents.dispatch.note')}
                  value={note}
                  maxLength={200}
                  onChange={(e) => setNote(e.target.value)}
                  onPressEnter={() => void confirm()}
                />
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </Modal>
  );
}
