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
import {
  MAX_PIN_FAILURES,
  PIN_LOCK_MS,
  afterWrongPin,
  lockRemainingMs,
  pinAttemptsOf,
  triesLeft,
  type PinAttempts,
} from '@shared/domain/org/pin-attempts';
import { ACT_NAME, PIN_ACTS, type Act } from '@shared/domain/org/roles';
import type { Actor } from '@shared/domain/org/types';
import {
  installSettingsSchema,
  type InstallSettings,
  type InstallSettingsInput,
} from '@shared/domain/settings/schemas';
import type { EmergencyDeskDatabase } from '../database';
import { confirmationKey, pinAttemptsKey, requireRole, type ActConfirmation } from './act-guard';
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
  const pinAttempts = async (personId: string): Promise<PinAttempts> =>
    pinAttemptsOf((await db.settings.get(pinAttemptsKey(personId)))?.value);

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

    /** Wrong PINs typed at acts so far, and the lock they set (per person, kept across reloads). */
    pinAttempts,

    /**
     * The PIN typed again at an act (签发, ENDEX, purge). Refused while locked; a wrong PIN is counted and
     * audited, and the fifth in a row locks the person's acts (audited too). A right PIN clears the count
     * and leaves the one-time confirmation the act's write consumes (see act-guard.ts). The role is checked
     * first, so a refused act never asks for a PIN.
     */
    async confirmAct(act: Act, actor: Actor, pin: string): Promise<void> {
      if (!PIN_ACTS.has(act)) throw new RepositoryError('invalidInput', { field: 'act', message: 'invalid' });
      const person = await db.transaction('r', db.people, db.positions, () => requireRole(db, act, actor));
      if (!person) throw new RepositoryError('notFound');
      const lockedFor = lockRemainingMs(await pinAttempts(person.id), now());
      if (lockedFor > 0) throw new RepositoryError('actLocked', { seconds: Math.ceil(lockedFor / 1000) });
      // WebCrypto is not IndexedDB: the hash is compared before the transaction that records the outcome.
      const isRight = !person.pin || (await verifyPin(pin, person.pin));
      const at = now();
      const outcome = await db.transaction('rw', db.settings, db.audit, async () => {
        const key = pinAttemptsKey(person.id);
        const before = pinAttemptsOf((await db.settings.get(key))?.value);
        // Another window may have set the lock while this PIN was being hashed.
        const stillLocked = lockRemainingMs(before, at);
        if (stillLocked > 0) return { kind: 'locked', ms: stillLocked } as const;
        if (isRight) {
          await db.settings.delete(key);
          const confirmation: ActConfirmation = { act, at };
          await db.settings.put({ key: confirmationKey(person.id), value: confirmation });
          return { kind: 'confirmed' } as const;
        }
        const { state, isLocked } = afterWrongPin(before, at);
        await db.settings.put({ key, value: state });
        const what = `${person.name}：${ACT_NAME[act]}时 PIN 错误`;
        await db.audit.add(
          isLocked
            ? auditEntry(
                at,
                actor,
                'act.locked',
                'person',
                person.id,
                `${what}，连续 ${MAX_PIN_FAILURES} 次，锁定 ${PIN_LOCK_MS / 1000} 秒`,
              )
            : auditEntry(
                at,
                actor,
                'act.pinWrong',
                'person',
                person.id,
                `${what}（第 ${state.failures} 次）`,
              ),
        );
        return isLocked
          ? ({ kind: 'locked', ms: lockRemainingMs(state, at) } as const)
          : ({ kind: 'wrong', left: triesLeft(state) } as const);
      });
      if (outcome.kind === 'locked')
        throw new RepositoryError('actLocked', { seconds: Math.ceil(outcome.ms / 1000) });
      if (outcome.kind === 'wrong') throw new RepositoryError('actPinWrong', { left: outcome.left });
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
