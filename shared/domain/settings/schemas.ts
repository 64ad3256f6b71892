/** What an administrator types on the settings screen; messages are i18n keys under `validation.`. */
import { z } from '../../validation/z';

export const installSettingsSchema = z.object({
  jurisdictionName: z.string().trim().max(40, { error: 'tooLong' }).default(''),
  ownUnitId: z.string().nullable().default(null),
});

export type InstallSettingsInput = z.input<typeof installSettingsSchema>;
export type InstallSettings = z.output<typeof installSettingsSchema>;
