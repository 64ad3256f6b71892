import { DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDirectoryData } from '../directory/useDirectoryData';
import { useWarehouses } from './useResources';

/** Form values ↔ repository input for the fields every registry shares. */
export const toDay = (date: string | null | undefined): Dayjs | null => (date ? dayjs(date) : null);
export const fromDay = (value: unknown): string | null =>
  dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : null;

export function fromLocation(value: unknown): { lng: number; lat: number } | null {
  const v = value as { lng?: number | null; lat?: number | null } | undefined;
  return typeof v?.lng === 'number' && typeof v.lat === 'number' ? { lng: v.lng, lat: v.lat } : null;
}

export function PersonSelect(props: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  multiple?: boolean;
}) {
  const { people, unitById } = useDirectoryData();
  const options = people.map((p) => ({
    value: p.id,
    label: `${p.name}（${unitById.get(p.unitId)?.name ?? ''}）`,
  }));
  return (
    <Select
      showSearch
      allowClear
      optionFilterProp="label"
      mode={props.multiple ? 'multiple' : undefined}
      options={options}
      value={props.value ?? (props.multiple ? [] : null)}
      onChange={(v) => props.onChange?.((v as string | undefined) ?? null)}
    />
  );
}

export function UnitSelect(props: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { units } = useDirectoryData();
  return (
    <Select
      showSearch
      allowClear
      optionFilterProp="label"
      options={units.map((u) => ({ value: u.id, label: u.name }))}
      value={props.value ?? null}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
    />
  );
}

export function WarehouseSelect(props: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  allowClear?: boolean;
  exclude?: string;
}) {
  const warehouses = useWarehouses() ?? [];
  return (
    <Select
      showSearch
      allowClear={props.allowClear ?? false}
      optionFilterProp="label"
      options={warehouses.filter((w) => w.id !== props.exclude).map((w) => ({ value: w.id, label: w.name }))}
      value={props.value ?? null}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
    />
  );
}

export function LocationFields() {
  const { t } = useTranslation();
  return (
    <Space>
      <Form.Item name={['location', 'lng']} label={t('resources.fields.lng')}>
        <InputNumber min={-180} max={180} step={0.0001} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name={['location', 'lat']} label={t('resources.fields.lat')}>
        <InputNumber min={-90} max={90} step={0.0001} style={{ width: 140 }} />
      </Form.Item>
    </Space>
  );
}

export function DateField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** The options of an enumeration, labelled from i18n. */
export function enumOptions<T extends string>(values: readonly T[], label: (v: T) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}
