/**
 * 接报: the record a duty officer makes while a report comes in by phone — when it was received (24-hour clock),
 * who reported it and how to call them back, when and where it happened, what it is, how far it reaches,
 * casualties and losses, how it is developing, which leaders are on scene and what has been done. The
 * recorder is the person signed in. Counts are numbers (they are summed in briefs); the rest is text as said.
 */
import { z } from '../../validation/z';
import { LANDLINE_PATTERN, MOBILE_PATTERN } from '../org/schemas';
import type { Authored } from '../org/types';

/** The four kinds of 突发事件 of the Emergency Response Law (Art. 2). */
export const EVENT_CATEGORIES = ['natural', 'accident', 'publicHealth', 'socialSecurity'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');
const required = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
const count = z
  .number({ error: (issue) => (issue.input === undefined ? 'required' : 'numberInvalid') })
  .int({ error: 'integerRequired' })
  .min(0, { error: 'notNegative' })
  .default(0);
const moment = z.number({ error: 'required' }).int().positive({ error: 'required' });

export const intakeInputSchema = z
  .object({
    receivedAt: moment,
    sourceUnit: text(60),
    sourcePerson: required(30),
    sourcePhone: z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .refine((v) => MOBILE_PATTERN.test(v) || LANDLINE_PATTERN.test(v), { error: 'phoneInvalid' }),
    occurredAt: moment.nullable().default(null),
    place: required(200),
    category: z.enum(EVENT_CATEGORIES, { error: 'required' }),
    nature: required(500),
    scope: text(500),
    dead: count,
    injured: count,
    missing: count,
    losses: text(500),
    trend: text(500),
    leadersOnScene: text(200),
    measuresTaken: text(1000),
  })
  .refine((v) => v.occurredAt === null || v.occurredAt <= v.receivedAt, {
    error: 'occurredAfterReceived',
    path: ['occurredAt'],
  });

export type IntakeInput = z.input<typeof intakeInputSchema>;
export type IntakeValues = z.output<typeof intakeInputSchema>;

export interface Intake extends IntakeValues, Authored {
  id: string;
  /** 接报编号, e.g. 2026-0007: the year of receipt and its order in that year. */
  serial: string;
  /** The incident this report was turned into, once it was. */
  incidentId?: string;
}

/** The next 接报编号 of a year, after the serials already given in it. */
export function nextSerial(year: number, serialsOfYear: readonly string[]): string {
  const numbers = serialsOfYear
    .filter((s) => s.startsWith(`${year}-`))
    .map((s) => Number(s.slice(5)))
    .filter(Number.isFinite);
  const next = Math.max(0, ...numbers) + 1;
  return `${year}-${String(next).padStart(4, '0')}`;
}

/** Casualties as a duty log writes them: 死亡2人、受伤5人、失联1人, or 无人员伤亡. */
export function casualtyText(v: Pick<IntakeValues, 'dead' | 'injured' | 'missing'>): string {
  const parts = [
    v.dead > 0 ? `死亡${v.dead}人` : '',
    v.injured > 0 ? `受伤${v.injured}人` : '',
    v.missing > 0 ? `失联${v.missing}人` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : '无人员伤亡';
}
