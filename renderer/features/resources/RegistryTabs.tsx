/**
 * The registries other than materials: 救援队伍, 装备, 专家库, 避难场所, 储备库. Each is a RegistryTab with its
 * columns and form; the form field names follow the schema's paths so validation errors land in place.
 */
import { Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '@shared/domain/resources/resource-alerts';
import {
  EQUIPMENT_STATUSES,
  EXPERT_AVAILABILITY,
  SHELTER_DURATIONS,
  SHELTER_LEVELS,
  SHELTER_TYPES,
  TEAM_READINESS,
  TEAM_TYPES,
  type Equipment,
  type Expert,
  type Shelter,
  type Team,
  type Warehouse,
} from '@shared/domain/resources/resource-types';
import { shelterCapacity } from '@shared/domain/resources/shelter-capacity';
import { localDate } from '@shared/domain/plan/plan-schedule';
import { useServices } from '../../services/services';
import { TagsInput } from '../../ui/EditableList';
import { useDirectoryData } from '../directory/useDirectoryData';
import {
  DateField,
  enumOptions,
  fromDay,
  fromLocation,
  LocationFields,
  PersonSelect,
  toDay,
  UnitSelect,
  WarehouseSelect,
} from './form-parts';
import { RegistryTab } from './RegistryTab';
import { useResourceSettings, useWarehouses } from './useResources';

const READINESS_COLOURS = { standby: 'success', deployed: 'processing', resting: 'default' } as const;
const STATUS_COLOURS = {
  ready: 'success',
  inUse: 'processing',
  maintenance: 'warning',
  retired: 'default',
} as const;

function useNames() {
  const { people, unitById } = useDirectoryData();
  const warehouses = useWarehouses();
  return useMemo(() => {
    const personById = new Map(people.map((p) => [p.id, p]));
    const warehouseById = new Map((warehouses ?? []).map((w) => [w.id, w]));
    return {
      person: (id: string | null) => (id ? (personById.get(id)?.name ?? '') : ''),
      personPhone: (id: string | null) => (id ? (personById.get(id)?.mobile ?? '') : ''),
      unit: (id: string | null) => (id ? (unitById.get(id)?.name ?? '') : ''),
      warehouse: (id: string | null) => (id ? (warehouseById.get(id)?.name ?? '') : ''),
    };
  }, [people, unitById, warehouses]);
}

export function TeamsTab() {
  const { t } = useTranslation();
  const { resources } = useServices();
  const rows = useLiveQuery(() => resources.listTeams(), [resources]);
  const names = useNames();
  const columns: ColumnsType<Team> = [
    { title: t('resources.fields.name'), dataIndex: 'name', width: 200, fixed: 'left' },
    {
      title: t('resources.fields.type'),
      dataIndex: 'type',
      width: 120,
      render: (v: Team['type']) => t(`resources.teamTypes.${v}`),
    },
    { title: t('resources.fields.field'), dataIndex: 'field', width: 110 },
    { title: t('resources.fields.headcount'), dataIndex: 'headcount', width: 70, align: 'right' },
    {
      title: t('resources.fields.readiness'),
      dataIndex: 'readiness',
      width: 80,
      render: (v: Team['readiness']) => <Tag color={READINESS_COLOURS[v]}>{t(`resources.status.${v}`)}</Tag>,
    },
    {
      title: t('resources.fields.leader'),
      key: 'leader',
      width: 180,
      render: (_: unknown, r: Team) => `${names.person(r.leaderId)} ${names.personPhone(r.leaderId)}`,
    },
    { title: t('resources.fields.base'), dataIndex: 'base', width: 160, ellipsis: true },
    {
      title: t('resources.fields.equipmentCarried'),
      key: 'eq',
      ellipsis: true,
      render: (_: unknown, r: Team) => r.equipment.join('、'),
    },
  ];
  return (
    <RegistryTab<Team>
      kind="team"
      rows={rows}
      columns={columns}
      filterText={(r) => [r.name, r.field, r.base, r.address, ...r.qualifications, ...r.equipment].join(' ')}
      toForm={(r) =>
        r ?? {
          type: 'professional',
          readiness: 'standby',
          equipment: [],
          qualifications: [],
          contactIds: [],
        }
      }
      fromForm={(v) => ({ ...v, location: fromLocation(v.location), contactIds: v.contactIds ?? [] })}
      fields={
        <>
          <Form.Item name="name" label={t('resources.fields.name')} required>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="type" label={t('resources.fields.type')} required>
            <Select options={enumOptions(TEAM_TYPES, (v) => t(`resources.teamTypes.${v}`))} />
          </Form.Item>
          <Form.Item name="field" label={t('resources.fields.field')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="headcount" label={t('resources.fields.headcount')} required>
            <InputNumber min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="readiness" label={t('resources.fields.readiness')}>
            <Select options={enumOptions(TEAM_READINESS, (v) => t(`resources.status.${v}`))} />
          </Form.Item>
          <Form.Item name="leaderId" label={t('resources.fields.leader')}>
            <PersonSelect />
          </Form.Item>
          <Form.Item name="contactIds" label={t('resources.fields.contacts')}>
            <PersonSelect multiple />
          </Form.Item>
          <Form.Item name="unitId" label={t('resources.fields.unit_')}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="base" label={t('resources.fields.base')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="address" label={t('resources.fields.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <LocationFields />
          <Form.Item name="equipment" label={t('resources.fields.equipmentCarried')}>
            <TagsInput />
          </Form.Item>
          <Form.Item name="qualifications" label={t('resources.fields.qualifications')}>
            <TagsInput />
          </Form.Item>
        </>
      }
    />
  );
}

export function EquipmentTab() {
  const { t } = useTranslation();
  const { resources, now } = useServices();
  const rows = useLiveQuery(() => resources.listEquipment(), [resources]);
  const names = useNames();
  const today = localDate(now());
  const columns: ColumnsType<Equipment> = [
    { title: t('resources.fields.name'), dataIndex: 'name', width: 180, fixed: 'left' },
    { title: t('resources.fields.type'), dataIndex: 'type', width: 120 },
    { title: t('resources.fields.model'), dataIndex: 'model', width: 140 },
    {
      title: t('resources.fields.location'),
      key: 'place',
      width: 200,
      ellipsis: true,
      render: (_: unknown, r: Equipment) => names.warehouse(r.warehouseId) || r.location,
    },
    {
      title: t('resources.fields.owner'),
      key: 'owner',
      width: 160,
      render: (_: unknown, r: Equipment) => names.unit(r.ownerUnitId),
    },
    {
      title: t('resources.fields.inspectionDue'),
      dataIndex: 'inspectionDue',
      width: 120,
      render: (v: string | null) =>
        v === null ? (
          ''
        ) : (
          <Typography.Text
            type={daysBetween(today, v) < 0 ? 'danger' : daysBetween(today, v) <= 14 ? 'warning' : undefined}
          >
            {v}
          </Typography.Text>
        ),
    },
    {
      title: t('resources.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: Equipment['status']) => <Tag color={STATUS_COLOURS[v]}>{t(`resources.status.${v}`)}</Tag>,
    },
  ];
  return (
    <RegistryTab<Equipment>
      kind="equipment"
      rows={rows}
      columns={columns}
      filterText={(r) => [r.name, r.type, r.model, r.location, names.warehouse(r.warehouseId)].join(' ')}
      toForm={(r) => (r ? { ...r, inspectionDue: toDay(r.inspectionDue) } : { status: 'ready' })}
      fromForm={(v) => ({
        ...v,
        inspectionDue: fromDay(v.inspectionDue),
        warehouseId: v.warehouseId ?? null,
      })}
      fields={
        <>
          <Form.Item name="name" label={t('resources.fields.name')} required>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="type" label={t('resources.fields.type')} required>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="model" label={t('resources.fields.model')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="warehouseId" label={t('resources.fields.warehouse')}>
            <WarehouseSelect allowClear />
          </Form.Item>
          <Form.Item name="location" label={t('resources.fields.location')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="ownerUnitId" label={t('resources.fields.owner')}>
            <UnitSelect />
          </Form.Item>
          <DateField name="inspectionDue" label={t('resources.fields.inspectionDue')} />
          <Form.Item name="status" label={t('resources.fields.status')}>
            <Select options={enumOptions(EQUIPMENT_STATUSES, (v) => t(`resources.status.${v}`))} />
          </Form.Item>
        </>
      }
    />
  );
}

export function ExpertsTab() {
  const { t } = useTranslation();
  const { resources } = useServices();
  const rows = useLiveQuery(() => resources.listExperts(), [resources]);
  const columns: ColumnsType<Expert> = [
    { title: t('resources.fields.name'), dataIndex: 'name', width: 100, fixed: 'left' },
    {
      title: t('resources.fields.fieldsOfExpertise'),
      key: 'fields',
      width: 200,
      render: (_: unknown, r: Expert) => r.fields.join('、'),
    },
    { title: t('resources.fields.title'), dataIndex: 'title', width: 120 },
    { title: t('resources.fields.employer'), dataIndex: 'employer', width: 220, ellipsis: true },
    { title: t('resources.fields.mobile'), dataIndex: 'mobile', width: 120 },
    { title: t('resources.fields.officePhone'), dataIndex: 'officePhone', width: 130 },
    {
      title: t('resources.fields.availability'),
      dataIndex: 'availability',
      width: 100,
      render: (v: Expert['availability']) => (
        <Tag color={v === 'available' ? 'success' : v === 'busy' ? 'processing' : 'default'}>
          {t(`resources.status.${v}`)}
        </Tag>
      ),
    },
  ];
  return (
    <RegistryTab<Expert>
      kind="expert"
      rows={rows}
      columns={columns}
      filterText={(r) => [r.name, ...r.fields, r.title, r.employer, r.mobile].join(' ')}
      toForm={(r) => r ?? { availability: 'available', fields: [] }}
      fromForm={(v) => ({ ...v, fields: v.fields ?? [] })}
      fields={
        <>
          <Form.Item name="name" label={t('resources.fields.name')} required>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="fields" label={t('resources.fields.fieldsOfExpertise')} required>
            <TagsInput />
          </Form.Item>
          <Form.Item name="title" label={t('resources.fields.title')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="employer" label={t('resources.fields.employer')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="mobile" label={t('resources.fields.mobile')}>
            <Input maxLength={11} />
          </Form.Item>
          <Form.Item name="officePhone" label={t('resources.fields.officePhone')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="availability" label={t('resources.fields.availability')}>
            <Select options={enumOptions(EXPERT_AVAILABILITY, (v) => t(`resources.status.${v}`))} />
          </Form.Item>
        </>
      }
    />
  );
}

export function SheltersTab() {
  const { t } = useTranslation();
  const { resources } = useServices();
  const rows = useLiveQuery(() => resources.listShelters(), [resources]);
  const settings = useResourceSettings();
  const perPerson = settings?.perPersonAreaM2;
  const columns: ColumnsType<Shelter> = [
    { title: t('resources.fields.name'), dataIndex: 'name', width: 200, fixed: 'left' },
    {
      title: t('resources.fields.level'),
      dataIndex: 'level',
      width: 80,
      render: (v: Shelter['level']) => t(`resources.shelterLevels.${v}`),
    },
    {
      title: t('resources.fields.shelterType'),
      dataIndex: 'type',
      width: 90,
      render: (v: Shelter['type']) => t(`resources.shelterTypes.${v}`),
    },
    {
      title: t('resources.fields.duration'),
      dataIndex: 'duration',
      width: 120,
      render: (v: Shelter['duration']) => t(`resources.shelterDurations.${v}`),
    },
    { title: t('resources.fields.effectiveArea'), dataIndex: 'effectiveAreaM2', width: 130, align: 'right' },
    {
      title: t('resources.fields.capacity'),
      key: 'capacity',
      width: 150,
      align: 'right',
      render: (_: unknown, r: Shelter) => {
        const c = shelterCapacity(r, perPerson);
        return c.overridden ? (
          <span title={r.capacityOverride?.reason}>
            {c.capacity}{' '}
            <Tag color="orange">{t('resources.fields.capacityOverridden', { computed: c.computed })}</Tag>
          </span>
        ) : (
          c.capacity
        );
      },
    },
    { title: t('resources.fields.occupancy'), dataIndex: 'occupancy', width: 100, align: 'right' },
    {
      title: t('resources.fields.free'),
      key: 'free',
      width: 90,
      align: 'right',
      render: (_: unknown, r: Shelter) => shelterCapacity(r, perPerson).free,
    },
    {
      title: t('resources.fields.status'),
      dataIndex: 'open',
      width: 80,
      render: (v: boolean) => (
        <Tag color={v ? 'success' : 'default'}>{t(`resources.status.${v ? 'open' : 'closed'}`)}</Tag>
      ),
    },
    { title: t('resources.fields.address'), dataIndex: 'address', ellipsis: true },
  ];
  return (
    <RegistryTab<Shelter>
      kind="shelter"
      rows={rows}
      columns={columns}
      scrollX={1400}
      filterText={(r) => [r.name, r.address, ...r.facilities].join(' ')}
      toForm={(r) =>
        r ?? {
          level: 'community',
          type: 'park',
          duration: 'emergency',
          occupancy: 0,
          serviceRadiusM: 500,
          open: false,
          facilities: [],
        }
      }
      fromForm={(v) => {
        const override = v.capacityOverride as { value?: number | null; reason?: string } | undefined;
        return {
          ...v,
          location: fromLocation(v.location),
          perPersonAreaM2: v.perPersonAreaM2 ?? null,
          capacityOverride:
            override && typeof override.value === 'number'
              ? { value: override.value, reason: override.reason ?? '' }
              : null,
        };
      }}
      fields={
        <>
          <Form.Item name="name" label={t('resources.fields.name')} required>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="level" label={t('resources.fields.level')} required>
            <Select options={enumOptions(SHELTER_LEVELS, (v) => t(`resources.shelterLevels.${v}`))} />
          </Form.Item>
          <Form.Item name="type" label={t('resources.fields.shelterType')} required>
            <Select options={enumOptions(SHELTER_TYPES, (v) => t(`resources.shelterTypes.${v}`))} />
          </Form.Item>
          <Form.Item name="duration" label={t('resources.fields.duration')} required>
            <Select options={enumOptions(SHELTER_DURATIONS, (v) => t(`resources.shelterDurations.${v}`))} />
          </Form.Item>
          <Form.Item name="address" label={t('resources.fields.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <LocationFields />
          <Form.Item name="effectiveAreaM2" label={t('resources.fields.effectiveArea')} required>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="perPersonAreaM2"
            label={t('resources.fields.perPersonArea')}
            extra={t('resources.fields.perPersonAreaHint')}
          >
            <InputNumber min={0.1} step={0.5} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={['capacityOverride', 'value']} label={t('resources.fields.capacityOverride')}>
            <InputNumber min={0} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name={['capacityOverride', 'reason']}
            label={t('resources.fields.capacityOverrideReason')}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="occupancy" label={t('resources.fields.occupancy')}>
            <InputNumber min={0} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="serviceRadiusM" label={t('resources.fields.serviceRadius')}>
            <InputNumber min={0} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="facilities" label={t('resources.fields.facilities')}>
            <TagsInput />
          </Form.Item>
          <Form.Item name="open" label={t('resources.fields.open')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="managerId" label={t('resources.fields.manager')}>
            <PersonSelect />
          </Form.Item>
        </>
      }
    />
  );
}

export function WarehousesTab() {
  const { t } = useTranslation();
  const rows = useWarehouses();
  const names = useNames();
  const columns: ColumnsType<Warehouse> = [
    { title: t('resources.fields.name'), dataIndex: 'name', width: 240, fixed: 'left' },
    { title: t('resources.fields.address'), dataIndex: 'address', width: 260, ellipsis: true },
    {
      title: t('resources.fields.keeper'),
      key: 'keeper',
      width: 200,
      render: (_: unknown, r: Warehouse) => `${names.person(r.keeperId)} ${names.personPhone(r.keeperId)}`,
    },
    {
      title: t('resources.fields.stocktakeInterval'),
      dataIndex: 'stocktakeIntervalDays',
      width: 120,
      align: 'right',
    },
  ];
  return (
    <RegistryTab<Warehouse>
      kind="warehouse"
      rows={rows}
      columns={columns}
      scrollX={900}
      filterText={(r) => [r.name, r.address].join(' ')}
      toForm={(r) => r ?? { stocktakeIntervalDays: 90 }}
      fromForm={(v) => ({ ...v, location: fromLocation(v.location) })}
      fields={
        <>
          <Form.Item name="name" label={t('resources.fields.name')} required>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="address" label={t('resources.fields.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <LocationFields />
          <Form.Item name="keeperId" label={t('resources.fields.keeper')}>
            <PersonSelect />
          </Form.Item>
          <Form.Item name="stocktakeIntervalDays" label={t('resources.fields.stocktakeInterval')}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: 200 }} />
          </Form.Item>
        </>
      }
    />
  );
}
