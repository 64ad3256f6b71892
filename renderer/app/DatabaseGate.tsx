/**
 * Opens the database before the screens that need it, showing a plain waiting screen meanwhile. On
 * first start it loads the sample district and asks the browser to keep our storage persistent.
 */
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasEarlyDirectory } from '../db/early-directory';
import { openDatabase, readWhatCanBeRead, type OpenFailure } from '../db/open-database';
import {
  seedSampleDataIfNew,
  seedSamplePlansIfNew,
  seedSampleResourcesIfNew,
} from '../db/repositories/sample-data-repository';
import { refreshResourceIndexIfStale } from '../db/repositories/resource-index-refresh';
import { refreshSearchTextIfStale } from '../db/repositories/search-text-refresh';
import { DatabaseFailurePage } from '../features/db-failure/DatabaseFailurePage';
import type { Platform } from '../platform/desktop';
import { requestPersistentStorage } from '../platform/storage';
import { createServices, ServicesProvider, type Services } from '../services/services';

type GateState =
  { status: 'opening' } | { status: 'open'; services: Services } | { status: 'failed'; failure: OpenFailure };

export function DatabaseGate({
  platform,
  databaseName,
  children,
}: {
  platform: Platform;
  databaseName?: string;
  children: ReactNode;
}) {
  const [state, setState] = useState<GateState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'opening' });
    void (async () => {
      const result = await openDatabase(databaseName);
      performance.mark('database-open');
      if (cancelled) return;
      if (!result.ok) {
        setState({ status: 'failed', failure: result.failure });
        return;
      }
      try {
        await seedSampleDataIfNew(result.db);
        await seedSamplePlansIfNew(result.db);
      } catch (error) {
        console.error('sample data not loaded', error);
      }
      performance.mark('database-ready');
      void requestPersistentStorage();
      // The resources are not on the home screen: they load behind it, and their screens fill in when done.
      // The index refresh waits for the sample: rows the sample writes are current and need no second pass.
      seedSampleResourcesIfNew(result.db)
        .catch((error: unknown) => console.error('sample resources not loaded', error))
        .then(() => refreshResourceIndexIfStale(result.db))
        .catch((error: unknown) => console.error('resource search index not refreshed', error));
      refreshSearchTextIfStale(result.db).catch((error: unknown) =>
        console.error('search text not refreshed', error),
      );
      if (cancelled) return;
      const services = createServices(result.db, platform);
      // Without an early read, start the home screen's queries now; with one, a second read would only
      // compete with the first render for the main thread.
      if (!hasEarlyDirectory()) warmHomeScreenQueries(services);
      setState({ status: 'open', services });
    })();
    return () => {
      cancelled = true;
    };
  }, [platform, databaseName, attempt]);

  if (state.status === 'failed') {
    return (
      <DatabaseFailurePage
        failure={state.failure}
        platform={platform}
        onRetry={retry}
        readWhatCanBeRead={() => readWhatCanBeRead(databaseName)}
      />
    );
  }
  if (state.status === 'opening') return <OpeningScreen />;
  return <ServicesProvider services={state.services}>{children}</ServicesProvider>;
}

/** Plain markup, no UI kit: the main thread stays free for the database to open. */
function OpeningScreen() {
  const { t } = useTranslation();
  return (
    <div className="app-opening" role="status">
      <span className="app-opening-spinner" aria-hidden />
      <span>{t('app.loading')}</span>
    </div>
  );
}

/**
 * Starts the directory's queries (the home screen) as soon as the database is open, so they run while the
 * shell renders; Dexie's live-query cache then answers the screen's own identical queries at once.
 */
function warmHomeScreenQueries({ directory }: Services): void {
  const subscription = liveQuery(() =>
    Promise.all([directory.listUnits(), directory.listPositions(), directory.listPeople()]),
  ).subscribe({ error: () => undefined });
  setTimeout(() => subscription.unsubscribe(), 10_000);
}
