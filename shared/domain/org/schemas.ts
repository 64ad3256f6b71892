/**
 * Schemas for what a person types into the directory forms and CSV files. Messages are i18n keys under
 * `validation.` (see shared/validation/issues.ts). Phone rules follow what offices actually write:
 * mobiles are 11 digits starting 1[3-9]; landlines may carry an area code, dashes and an extension.
 */
import { z } from '../../validation/z';
import { ROLES } from './roles';
import { POSITION_CATEGORIES, UNIT_KINDS } from './types';

const name = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const LANDLINE_PATTERN = /^(\d{3,4}-?)?\d{7,8}(-\d{1,6})?$/;
export const PIN_PATTERN = /^\d{4,8}$/;

export const mobileSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || MOBILE_PATTERN.test(v), { error: 'mobileInvalid' })
  .default('');

export const officePhoneSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || LANDLINE_PATTERN.test(v) || MOBILE_PATTERN.test(v), { error: 'phoneInvalid' })
  .default('');

export const unitInputSchema = z.object({
  name: name(60),
  kind: z.enum(UNIT_KINDS, { error: 'required' }),
  parentId: z.string().nullable().default(null),
  phone: officePhoneSchema,
  address: optionalText(200),
  sortOrder: z.number().int().default(0),
});
export type UnitInput = z.input<typeof unitInputSchema>;
export type UnitValues = z.output<typeof unitInputSchema>;

export const positionInputSchema = z.object({
  name: name(30),
  category: z.enum(POSITION_CATEGORIES, { error: 'required' }),
  description: optionalText(200),
  sortOrder: z.number().int().default(0),
});
export type PositionInput = z.input<typeof positionInputSchema>;
export type PositionValues = z.output<typeof positionInputSchema>;

export const personInputSchema = z
  .object({
    name: name(30),
    unitId: z.string({ error: 'required' }).min(1, { error: 'required' }),
    title: optionalText(40),
    mobile: mobileSchema,
    officePhone: officePhoneSchema,
    positionIds: z.array(z.string()).default([]),
    note: optionalText(500),
  })
  .refine((p) => p.mobile !== '' || p.officePhone !== '', { error: 'phoneRequired', path: ['mobile'] });
export type PersonInput = z.input<typeof personInputSchema>;
export type PersonValues = z.output<typeof personInputSchema>;

export const pinSchema = z.string().regex(PIN_PATTERN, { error: 'pinInvalid' });

/** Roles set by hand: known ones only, each once. */
export const rolesSchema = z
  .array(z.enum(ROLES, { error: 'invalid' }))
  .refine((roles) => new Set(roles).size === roles.length, { error: 'invalid' });
