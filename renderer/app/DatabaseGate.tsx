/**
 * Opens the database before the screens that need it, and renders the shell's skeleton meanwhile. On
 * first start it loads the sample district and asks the browser to keep our storage persistent.
 */
import { Spin } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { openDatabase, readWhatCanBeRead, type OpenFailure } from '../db/open-database';
import { seedSampleDataIfNew } from '../db/repositories/sample-data-repository';
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
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'opening' });
    void (async () => {
      const result = await openDatabase(databaseName);
      if (cancelled) return;
      if (!result.ok) {
        setState({ status: 'failed', failure: result.failure });
        return;
      }
      try {
        await seedSampleDataIfNew(result.db);
      } catch (error) {
        console.error('sample data not loaded', error);
      }
      void requestPersistentStorage();
      if (!cancelled) setState({ status: 'open', services: createServices(result.db, platform) });
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
  if (state.status === 'opening') {
    return (
      <div className="app-opening">
        <Spin size="large" />
        <span>{t('app.loading')}</span>
      </div>
    );
  }
  return <ServicesProvider services={state.services}>{children}</ServicesProvider>;
}
