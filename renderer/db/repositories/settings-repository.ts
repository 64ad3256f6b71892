/**
 * Install-wide settings and the current session (who is at the keyboard, in which position). The session
 * lives in the database, not in memory, so a reload or restart keeps the operator signed in, and every
 * shift change leaves an audit row.
 */
import type { ReportRule } from '@shared/domain/incident/report-deadlines';
import {
  REPORT_RULES_KEY,
  reportRulesSchema,
  rulesSummary,
  storedOrSampleRules,
} from '@shared/domain/incident/report-rules';
import { verifyPin } from '@shared/domain/org/pin';
import type { Actor } from '@shared/domain/org/types';
import {
  installSettingsSchema,
  type InstallSettings,
  type InstallSettingsInput,
} from '@shared/domain/settings/schemas';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';
import { parseOrThrow } from './write-helpers';

export type { InstallSettings };

export interface Session {
  actor: Actor;
  since: number;
}

const DEFAULTS: InstallSettings = { jurisdictionName: '', ownUnitId: null };

/** The jurisdiction's 信息报送时限规则: the stored set, or the sample set while none is stored. */
export async function readReportRules(
  db: EmergencyDeskDatabase,
): Promise<{ rules: ReportRule[]; isSample: boolean }> {
  return storedOrSampleRules((await db.settings.get(REPORT_RULES_KEY))?.value);
}

export function createSettingsRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  return {
    async getInstallSettings(): Promise<InstallSettings> {
      const rows = await db.settings.bulkGet(['jurisdictionName', 'ownUnitId']);
      return {
        jurisdictionName: typeof rows[0]?.value === 'string' ? rows[0].value : DEFAULTS.jurisdictionName,
        ownUnitId: typeof rows[1]?.value === 'string' ? rows[1].value : DEFAULTS.ownUnitId,
      };
    },

    async saveInstallSettings(input: InstallSettingsInput, actor: Actor): Promise<void> {
      const parsed = installSettingsSchema.safeParse(input);
      if (!parsed.success)
        throw new RepositoryError('invalidInput', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
      const settings = parsed.data;
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.bulkPut([
          { key: 'jurisdictionName', value: settings.jurisdictionName },
          { key: 'ownUnitId', value: settings.ownUnitId },
        ]);
        await db.audit.add(
          auditEntry(now(), actor, 'update', 'settings', 'install', settings.jurisdictionName),
        );
      });
    },

    getReportRules: () => readReportRules(db),

    /** Replaces the whole set (checked again here); audited. Refused with the field that is wrong. */
    async saveReportRules(rules: readonly ReportRule[], actor: Actor): Promise<void> {
      const parsed = parseOrThrow(reportRulesSchema.safeParse(rules));
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.put({ key: REPORT_RULES_KEY, value: parsed });
        await db.audit.add(
          auditEntry(now(), actor, 'update', 'settings', REPORT_RULES_KEY, rulesSummary(parsed)),
        );
      });
    },

    /** 恢复示例规则: forgets the stored set, so the sample rules apply again; audited. */
    async resetReportRules(actor: Actor): Promise<void> {
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.delete(REPORT_RULES_KEY);
        await db.audit.add(
          auditEntry(now(), actor, 'reset', 'settings', REPORT_RULES_KEY, '信息报送时限规则恢复为示例规则'),
        );
      });
    },

    async getSession(): Promise<Session | null> {
      const row = await db.settings.get('session');
      return (row?.value as Session | undefined) ?? null;
    },

    /** Checks the PIN when the person has one; the PIN is never stored or logged. */
    async signIn(personId: string, positionId: string, pin: string): Promise<Session> {
      const [person, position] = await Promise.all([db.people.get(personId), db.positions.get(positionId)]);
      if (!person) throw new RepositoryError('notFound');
      if (!position) throw new RepositoryError('positionMissing');
      if (person.pin && !(await verifyPin(pin, person.pin))) throw new RepositoryError('pinWrong');
      const actor: Actor = { personId, name: person.name, positionId, positionName: position.name };
      const session: Session = { actor, since: now() };
      await db.transaction('rw', db.settings, db.audit, async () => {
        const previous = (await db.settings.get('session'))?.value as Session | undefined;
        await db.settings.put({ key: 'session', value: session });
        const summary = previous
          ? `${previous.actor.name} → ${actor.name}（${actor.positionName}）`
          : `${actor.name}（${actor.positionName}）`;
        await db.audit.add(auditEntry(session.since, actor, 'signIn', 'session', personId, summary));
      });
      return session;
    },

    async signOut(): Promise<void> {
      await db.transaction('rw', db.settings, db.audit, async () => {
        const previous = (await db.settings.get('session'))?.value as Session | undefined;
        if (!previous) return;
        await db.settings.delete('session');
        await db.audit.add(
          auditEntry(
            now(),
            previous.actor,
            'signOut',
            'session',
            previous.actor.personId,
            previous.actor.name,
          ),
        );
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
