/**
 * The composition root's hand-off to the screens: repositories over the open database, the platform
 * façade and the clock. Tests build the same object over a fake-indexeddb database and a fake platform.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { EmergencyDeskDatabase } from '../db/database';
import { createAuditRepository, type AuditRepository } from '../db/repositories/audit-trail';
import { createBackupRepository, type BackupRepository } from '../db/repositories/backup-repository';
import { createDirectoryRepository, type DirectoryRepository } from '../db/repositories/directory-repository';
import { createDispatchRepository, type DispatchRepository } from '../db/repositories/dispatch-repository';
import { createIncidentRepository, type IncidentRepository } from '../db/repositories/incident-repository';
import { createIntakeRepository, type IntakeRepository } from '../db/repositories/intake-repository';
import {
  createNotificationRepository,
  type NotificationRepository,
} from '../db/repositories/notification-repository';
import { createPlanRepository, type PlanRepository } from '../db/repositories/plan-repository';
import { createPullTestRepository, type PullTestRepository } from '../db/repositories/pull-test-repository';
import { createReportRepository, type ReportRepository } from '../db/repositories/report-repository';
import { createResourceRepository, type ResourceRepository } from '../db/repositories/resource-repository';
import { createSettingsRepository, type SettingsRepository } from '../db/repositories/settings-repository';
import type { Platform } from '../platform/desktop';

export interface Services {
  directory: DirectoryRepository;
  plans: PlanRepository;
  intakes: IntakeRepository;
  incidents: IncidentRepository;
  reports: ReportRepository;
  dispatches: DispatchRepository;
  notifications: NotificationRepository;
  resources: ResourceRepository;
  pullTests: PullTestRepository;
  settings: SettingsRepository;
  backup: BackupRepository;
  audit: AuditRepository;
  platform: Platform;
  now: () => number;
}

export function createServices(
  db: EmergencyDeskDatabase,
  platform: Platform,
  now: () => number = Date.now,
): Services {
  const resources = createResourceRepository(db, now);
  const incidents = createIncidentRepository(db, now);
  return {
    directory: createDirectoryRepository(db, now),
    plans: createPlanRepository(db, now),
    intakes: createIntakeRepository(db, now),
    incidents,
    reports: createReportRepository(db, incidents, now),
    dispatches: createDispatchRepository(db, resources, now),
    notifications: createNotificationRepository(db, now),
    resources,
    pullTests: createPullTestRepository(db, now),
    settings: createSettingsRepository(db, now),
    backup: createBackupRepository(db, now),
    audit: createAuditRepository(db),
    platform,
    now,
  };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services | null; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
