/**
 * What a person types into the resource forms and spreadsheets, validated the same way at every entrance
 * (form, import, repository). Messages are i18n keys under `validation.`.
 */
import { z } from '../../validation/z';
import { mobileSchema, officePhoneSchema } from '../org/schemas';
import { MATERIAL_CODE_PATTERN } from './material-code';
import {
  EQUIPMENT_STATUSES,
  EXPERT_AVAILABILITY,
  MATERIAL_SOURCES,
  SHELTER_DURATIONS,
  SHELTER_LEVELS,
  SHELTER_TYPES,
  TEAM_READINESS,
  TEAM_TYPES,
} from './resource-types';
import { MAX_QUANTITY } from './stock-ledger';

const name = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
/** A number left empty is "required", a number typed wrong is "not a number". */
const numberError = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required' : 'numberInvalid';
const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');
const textList = z.array(z.string().trim().min(1).max(40)).max(50).default([]);
const optionalId = z.string().min(1).nullable().default(null);
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateInvalid' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: 'dateInvalid' });
const count = z
  .number({ error: numberError })
  .int({ error: 'integerRequired' })
  .min(0, { error: 'notNegative' });
const area = z
  .number({ error: numberError })
  .min(0, { error: 'notNegative' })
  .max(10_000_000, { error: 'tooLarge' });

export const geoPointSchema = z
  .object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
  .nullable()
  .default(null);

export const warehouseInputSchema = z.object({
  name: name(60),
  address: optionalText(200),
  location: geoPointSchema,
  keeperId: optionalId,
  stocktakeIntervalDays: count.max(3650, { error: 'tooLarge' }).default(90),
});

export const materialInputSchema = z.object({
  code: z.string({ error: 'required' }).trim().regex(MATERIAL_CODE_PATTERN, { error: 'materialCodeInvalid' }),
  name: name(60),
  spec: optionalText(100),
  unit: name(10),
  warehouseId: z.string({ error: 'required' }).min(1, { error: 'required' }),
  minimumStock: z
    .number({ error: 'numberInvalid' })
    .min(0, { error: 'notNegative' })
    .max(MAX_QUANTITY)
    .default(0),
  source: z.enum(MATERIAL_SOURCES, { error: 'required' }).default('purchase'),
  note: optionalText(500),
});

export const teamInputSchema = z.object({
  name: name(60),
  type: z.enum(TEAM_TYPES, { error: 'required' }),
  field: optionalText(40),
  headcount: count.max(100_000, { error: 'tooLarge' }),
  leaderId: optionalId,
  contactIds: z.array(z.string().min(1)).default([]),
  unitId: optionalId,
  base: optionalText(60),
  address: optionalText(200),
  location: geoPointSchema,
  equipment: textList,
  readiness: z.enum(TEAM_READINESS, { error: 'required' }).default('standby'),
  qualifications: textList,
});

export const equipmentInputSchema = z.object({
  name: name(60),
  type: name(30),
  model: optionalText(60),
  warehouseId: optionalId,
  location: optionalText(100),
  ownerUnitId: optionalId,
  inspectionDue: localDate.nullable().default(null),
  status: z.enum(EQUIPMENT_STATUSES, { error: 'required' }).default('ready'),
});

export const expertInputSchema = z
  .object({
    name: name(30),
    fields: z.array(z.string().trim().min(1).max(30)).min(1, { error: 'required' }),
    title: optionalText(40),
    employer: optionalText(60),
    mobile: mobileSchema,
    officePhone: officePhoneSchema,
    availability: z.enum(EXPERT_AVAILABILITY, { error: 'required' }).default('available'),
  })
  .refine((x) => x.mobile !== '' || x.officePhone !== '', { error: 'phoneRequired', path: ['mobile'] });

export const shelterInputSchema = z.object({
  name: name(60),
  level: z.enum(SHELTER_LEVELS, { error: 'required' }),
  type: z.enum(SHELTER_TYPES, { error: 'required' }),
  duration: z.enum(SHELTER_DURATIONS, { error: 'required' }),
  address: optionalText(200),
  location: geoPointSchema,
  effectiveAreaM2: area,
  perPersonAreaM2: z.number().positive({ error: 'positiveRequired' }).max(100).nullable().default(null),
  capacityOverride: z
    .object({ value: count, reason: z.string().trim().min(1, { error: 'overrideReasonRequired' }).max(200) })
    .nullable()
    .default(null),
  occupancy: count.default(0),
  serviceRadiusM: count.max(100_000, { error: 'tooLarge' }).default(500),
  facilities: textList,
  open: z.boolean().default(false),
  managerId: optionalId,
});

export type WarehouseInput = z.input<typeof warehouseInputSchema>;
export type MaterialInput = z.input<typeof materialInputSchema>;
export type TeamInput = z.input<typeof teamInputSchema>;
export type EquipmentInput = z.input<typeof equipmentInputSchema>;
export type ExpertInput = z.input<typeof expertInputSchema>;
export type ShelterInput = z.input<typeof shelterInputSchema>;

export const RESOURCE_INPUT_SCHEMAS = {
  warehouse: warehouseInputSchema,
  material: materialInputSchema,
  team: teamInputSchema,
  equipment: equipmentInputSchema,
  expert: expertInputSchema,
  shelter: shelterInputSchema,
} as const;
