/**
 * 归档包 of one incident or one drill run, and 清除个人信息 of a closed incident.
 *
 * An archive is read in one read transaction, so its rows are one consistent moment; the package is sealed
 * outside it (WebCrypto would let IndexedDB commit a transaction left waiting), and the export is then
 * recorded — in the audit trail, and for an incident as a line of its log, which stays writable after the
 * incident is closed — before the file is handed to the screen to save.
 *
 * The purge replaces the 接报 callers' names and phones in one transaction with its audit row and log line,
 * and is idempotent: a second purge finds nothing and writes nothing. The log itself is never rewritten.
 */
import {
  ARCHIVABLE_RUN_STATUSES,
  chainText,
  createArchivePackage,
  shortChecksum,
  type ArchivePackage,
  type ArchiveTables,
} from '@shared/domain/archive/archive-package';
import { hasPersonalData, purgeSummary, withoutPersonalData } from '@shared/domain/archive/personal-data';
import type { DrillRun } from '@shared/domain/drill/drill-run';
import type { Intake } from '@shared/domain/duty/intake';
import type { Incident } from '@shared/domain/incident/incident';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import type { AuditEntry, PlanRecord } from '../records';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { actTables, requireAct } from './act-guard';
import { auditEntry } from './audit-trail';
import { appendLog, logRange } from './incident-log-writer';
import { RepositoryError } from './repository-error';
import { stamp } from './write-helpers';

export interface PurgePreview {
  isClosed: boolean;
  /** 接报 whose caller's name or phone is still stored. */
  callers: number;
  intakeSerials: string[];
  purgedAt: number | null;
}

export interface PurgeResult {
  callers: number;
  intakeSerials: string[];
}

const bySerial = (a: Intake, b: Intake) => a.receivedAt - b.receivedAt || a.serial.localeCompare(b.serial);
const byCreation = <T extends { createdAt: number }>(rows: T[]) =>
  rows.sort((a, b) => a.createdAt - b.createdAt);
const who = (actor: Actor) => `${actor.name}（${actor.positionName}）`;

export function createArchiveRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  const incidentTables = () => [
    db.incidents,
    db.incidentEvents,
    db.incidentLog,
    db.incidentTasks,
    db.incidentReports,
    db.incidentDispatches,
    db.incidentNotifications,
    db.intakes,
    db.plans,
    db.audit,
  ];
  const drillTables = () => [
    db.drillRuns,
    db.drillRunScenarios,
    db.drillJournal,
    db.correctiveActions,
    db.planRevisions,
    ...incidentTables(),
  ];

  /**
   * The incident's 接报: the one it was opened from and any other naming it. Intakes carry no index on the
   * incident (a year holds a few thousand), so the scan is left to the archive and the purge.
   */
  async function intakesOf(incident: Incident): Promise<Intake[]> {
    const naming = await db.intakes.filter((i) => i.incidentId === incident.id).toArray();
    const opened = incident.intakeId ? await db.intakes.get(incident.intakeId) : undefined;
    const all = opened && !naming.some((i) => i.id === opened.id) ? [opened, ...naming] : naming;
    return all.sort(bySerial);
  }

  async function auditAbout(records: readonly [string, string][]): Promise<AuditEntry[]> {
    const rows = await Promise.all(
      records.map((key) => db.audit.where('[entity+entityId]').equals(key).toArray()),
    );
    return rows.flat().sort((a, b) => a.at - b.at);
  }

  async function plansOf(refs: readonly { id: string; version: number }[]): Promise<PlanRecord[]> {
    const unique = [...new Map(refs.map((r) => [`${r.id}@${r.version}`, r])).values()];
    const rows = await Promise.all(unique.map((r) => db.plans.get([r.id, r.version])));
    return rows.filter((p): p is PlanRecord => p !== undefined);
  }

  /** Everything of one incident; the plan version its chart ran, so the events can be replayed from the file. */
  async function incidentRows(incident: Incident): Promise<ArchiveTables> {
    const id = incident.id;
    const ofIncident = { incidentId: id };
    const intakes = await intakesOf(incident);
    return {
      incidents: [incident],
      incidentEvents: await db.incidentEvents
        .where('[incidentId+seq]')
        .between([id, 0], [id, Infinity])
        .toArray(),
      incidentLog: await logRange(db, id).toArray(),
      incidentTasks: await db.incidentTasks.where(ofIncident).toArray(),
      incidentReports: byCreation(await db.incidentReports.where(ofIncident).toArray()),
      incidentDispatches: byCreation(await db.incidentDispatches.where(ofIncident).toArray()),
      incidentNotifications: byCreation(await db.incidentNotifications.where(ofIncident).toArray()),
      intakes,
      plans: await plansOf(incident.plan ? [incident.plan] : []),
      audit: await auditAbout([['incident', id], ...intakes.map((i): [string, string] => ['intake', i.id])]),
    };
  }

  /** Everything of one run: as run (its frozen scenario and the plan versions it tested), and its 演练事件. */
  async function drillRows(run: DrillRun): Promise<ArchiveTables> {
    const frozen = await db.drillRunScenarios.get(run.id);
    const actions = await db.correctiveActions.where({ runId: run.id }).toArray();
    const revisions = await db.planRevisions.where({ runId: run.id }).toArray();
    const incident = await db.incidents.filter((i) => i.drill?.runId === run.id).first();
    const ofIncident = incident ? await incidentRows(incident) : {};
    const scenarioPlans = frozen?.scenario.plans ?? [];
    const incidentPlan = incident?.plan ? [incident.plan] : [];
    const audit = await auditAbout([
      ['drillRun', run.id],
      ...actions.map((a): [string, string] => ['correctiveAction', a.id]),
      ...revisions.map((r): [string, string] => ['planRevision', r.id]),
    ]);
    return {
      drillRuns: [run],
      drillRunScenarios: frozen ? [frozen] : [],
      drillJournal: await db.drillJournal
        .where('[runId+seq]')
        .between([run.id, 0], [run.id, Infinity])
        .toArray(),
      correctiveActions: byCreation(actions),
      planRevisions: byCreation(revisions),
      ...ofIncident,
      plans: await plansOf([...scenarioPlans, ...incidentPlan]),
      audit: [...audit, ...((ofIncident['audit'] ?? []) as AuditEntry[])].sort((a, b) => a.at - b.at),
    };
  }

  const header = (actor: Actor, jurisdiction: string) => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: now(),
    exportedBy: who(actor),
    jurisdiction,
  });

  return {
    /**
     * The incident's archive package. Its log gets the line 已生成归档包 with the checksum's first eight
     * characters, so the file on a shelf can be matched to the log that made it.
     */
    async exportIncident(incidentId: string, actor: Actor, jurisdiction: string): Promise<ArchivePackage> {
      const { incident, tables } = await db.transaction('r', incidentTables(), async () => {
        const row = await db.incidents.get(incidentId);
        if (!row) throw new RepositoryError('notFound');
        return { incident: row, tables: await incidentRows(row) };
      });
      const archive = await createArchivePackage({
        kind: 'incident',
        subject: { id: incident.id, title: incident.title, serial: incident.serial },
        ...header(actor, jurisdiction),
        tables,
      });
      const check = archive.logChecks.find((c) => c.incidentId === incident.id)?.check;
      const lines = archive.manifest['incidentLog'] ?? 0;
      const what = `日志${lines}条${check ? `，${chainText(check)}` : ''}`;
      const text = `已生成归档包（${what}；校验码 ${shortChecksum(archive)}）`;
      await db.transaction('rw', [db.incidents, db.incidentLog, db.audit], async () => {
        await appendLog(db, incident.id, [
          { at: archive.exportedAt, author: actor, category: 'note', text, links: [], corrects: null },
        ]);
        await db.audit.add(
          auditEntry(
            archive.exportedAt,
            actor,
            'archive.export',
            'incident',
            incident.id,
            `${incident.serial} ${text}`,
          ),
        );
      });
      return archive;
    },

    /** The run's archive package, once the drill is over; the export is audited (the journal is the run's own). */
    async exportDrillRun(runId: string, actor: Actor, jurisdiction: string): Promise<ArchivePackage> {
      const { run, tables } = await db.transaction('r', drillTables(), async () => {
        const row = await db.drillRuns.get(runId);
        if (!row) throw new RepositoryError('notFound');
        if (!ARCHIVABLE_RUN_STATUSES.includes(row.status)) throw new RepositoryError('archive.runNotOver');
        return { run: row, tables: await drillRows(row) };
      });
      const archive = await createArchivePackage({
        kind: 'drill',
        subject: { id: run.id, title: run.title, serial: '' },
        ...header(actor, jurisdiction),
        tables,
      });
      const summary = `${run.title}：已生成归档包（演练记录${tables['drillJournal']?.length ?? 0}条；校验码 ${shortChecksum(archive)}）`;
      await db.transaction('rw', db.audit, () =>
        db.audit.add(auditEntry(archive.exportedAt, actor, 'archive.export', 'drillRun', run.id, summary)),
      );
      return archive;
    },

    /** What a purge of the incident would clear now: shown before anyone confirms it. */
    async purgePreview(incidentId: string): Promise<PurgePreview> {
      return db.transaction('r', [db.incidents, db.intakes], async () => {
        const incident = await db.incidents.get(incidentId);
        if (!incident) throw new RepositoryError('notFound');
        const holding = (await intakesOf(incident)).filter(hasPersonalData);
        return {
          isClosed: incident.status === 'closed',
          callers: holding.length,
          intakeSerials: holding.map((i) => i.serial),
          purgedAt: incident.personalDataPurgedAt ?? null,
        };
      });
    },

    /**
     * 清除个人信息 of a closed incident: the 接报 callers' names and phones. The counts, the log and everyone
     * from the directory stay. Recorded in the audit trail and in the log with the count and who did it.
     */
    async purgePersonalData(incidentId: string, actor: Actor): Promise<PurgeResult> {
      return db.transaction(
        'rw',
        [db.incidents, db.incidentLog, db.intakes, db.audit, ...actTables(db)],
        async () => {
          // 系统管理员, with the PIN typed again where the person has one (act-guard.ts).
          await requireAct(db, 'data.purge', actor, now());
          const incident = await db.incidents.get(incidentId);
          if (!incident) throw new RepositoryError('notFound');
          if (incident.status !== 'closed') throw new RepositoryError('archive.notClosed');
          const holding = (await intakesOf(incident)).filter(hasPersonalData);
          const result = { callers: holding.length, intakeSerials: holding.map((i) => i.serial) };
          if (holding.length === 0) return result;
          const at = now();
          await db.intakes.bulkPut(
            holding.map((i) => ({ ...withoutPersonalData(i), ...stamp(at, actor, i) })),
          );
          await db.incidents.update(incidentId, { personalDataPurgedAt: at });
          const what = `${purgeSummary(holding.length)}（接报 ${result.intakeSerials.join('、')}）`;
          await appendLog(db, incidentId, [
            {
              at,
              author: actor,
              category: 'note',
              text: `清除个人信息：${what}；伤亡、损失等人数保留。操作人：${who(actor)}`,
              links: [],
              corrects: null,
            },
          ]);
          await db.audit.add(
            auditEntry(at, actor, 'data.purge', 'incident', incidentId, `${incident.serial} ${what}`),
          );
          return result;
        },
      );
    },
  };
}

export type ArchiveRepository = ReturnType<typeof createArchiveRepository>;
