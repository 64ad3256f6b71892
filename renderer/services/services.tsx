/**
 * The composition root's hand-off to the screens: repositories over the open database, the platform
 * façade and the clock. Tests build the same object over a fake-indexeddb database and a fake platform.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { EmergencyDeskDatabase } from '../db/database';
import {
  createAnnouncementRepository,
  type AnnouncementRepository,
} from '../db/repositories/announcement-repository';
import { createArchiveRepository, type ArchiveRepository } from '../db/repositories/archive-repository';
import { createAuditRepository, type AuditRepository } from '../db/repositories/audit-trail';
import { createBackupRepository, type BackupRepository } from '../db/repositories/backup-repository';
import { createClockRepository, type ClockRepository } from '../db/repositories/clock-repository';
import { createDirectoryRepository, type DirectoryRepository } from '../db/repositories/directory-repository';
import {
  createCorrectiveActionRepository,
  type CorrectiveActionRepository,
} from '../db/repositories/corrective-action-repository';
import { createDrillRepository, type DrillRepository } from '../db/repositories/drill-repository';
import { createDispatchRepository, type DispatchRepository } from '../db/repositories/dispatch-repository';
import { createDutyRepository, type DutyRepository } from '../db/repositories/duty-repository';
import { createIncidentRepository, type IncidentRepository } from '../db/repositories/incident-repository';
import { createIntakeRepository, type IntakeRepository } from '../db/repositories/intake-repository';
import {
  createNotificationRepository,
  type NotificationRepository,
} from '../db/repositories/notification-repository';
import { createPlanRepository, type PlanRepository } from '../db/repositories/plan-repository';
import {
  createPlanRevisionRepository,
  type PlanRevisionRepository,
} from '../db/repositories/plan-revision-repository';
import { createPullTestRepository, type PullTestRepository } from '../db/repositories/pull-test-repository';
import { createReportRepository, type ReportRepository } from '../db/repositories/report-repository';
import { createResourceRepository, type ResourceRepository } from '../db/repositories/resource-repository';
import { withCatalogueSearch } from '../db/resource-search-client';
import { createSettingsRepository, type SettingsRepository } from '../db/repositories/settings-repository';
import { createSummaryRepository, type SummaryRepository } from '../db/repositories/summary-repository';
import { createStorageGuard, type StorageGuard } from '../db/repositories/write-helpers';
import type { Platform } from '../platform/desktop';
import { SessionFeed } from './session-context';

export interface Services {
  directory: DirectoryRepository;
  plans: PlanRepository;
  intakes: IntakeRepository;
  duty: DutyRepository;
  incidents: IncidentRepository;
  reports: ReportRepository;
  announcements: AnnouncementRepository;
  summaries: SummaryRepository;
  dispatches: DispatchRepository;
  notifications: NotificationRepository;
  resources: ResourceRepository;
  pullTests: PullTestRepository;
  drills: DrillRepository;
  planRevisions: PlanRevisionRepository;
  correctiveActions: CorrectiveActionRepository;
  settings: SettingsRepository;
  backup: BackupRepository;
  /** 归档包 of one incident or drill run, and 清除个人信息 of a closed incident. */
  archive: ArchiveRepository;
  audit: AuditRepository;
  clock: ClockRepository;
  /** Read-only mode once the disk is full: every write is refused until a probe write succeeds. */
  storage: StorageGuard;
  platform: Platform;
  now: () => number;
}

export function createServices(
  db: EmergencyDeskDatabase,
  platform: Platform,
  now: () => number = Date.now,
): Services {
  const resources = withCatalogueSearch(createResourceRepository(db, now), db);
  const incidents = createIncidentRepository(db, now);
  const reports = createReportRepository(db, incidents, now);
  const notifications = createNotificationRepository(db, now);
  return {
    directory: createDirectoryRepository(db, now),
    plans: createPlanRepository(db, now),
    intakes: createIntakeRepository(db, now),
    duty: createDutyRepository(db, { incidents, reports, notifications }, now),
    incidents,
    reports,
    announcements: createAnnouncementRepository(db, incidents, now),
    summaries: createSummaryRepository(db, () => reports.rules(), now),
    dispatches: createDispatchRepository(db, resources, now),
    notifications,
    resources,
    pullTests: createPullTestRepository(db, now),
    drills: createDrillRepository(db, now),
    planRevisions: createPlanRevisionRepository(db, now),
    correctiveActions: createCorrectiveActionRepository(db, now),
    settings: createSettingsRepository(db, now),
    backup: createBackupRepository(db, now),
    archive: createArchiveRepository(db, now),
    audit: createAuditRepository(db),
    clock: createClockRepository(db, now),
    storage: createStorageGuard(db, now),
    platform,
    now,
  };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services | null; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      {services ? <SessionFeed settings={services.settings}>{children}</SessionFeed> : children}
    </ServicesContext.Provider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
