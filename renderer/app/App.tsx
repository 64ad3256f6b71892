import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { createI18n } from '../i18n/i18n';
import type { Platform } from '../platform/desktop';
import { useUiStore } from '../stores/ui-store';
import { HOME_PATH } from './areas';
import { DatabaseGate } from './DatabaseGate';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { Shell } from './Shell';

// The directory is the home screen: its code is fetched while the database opens, not after the shell renders.
const directoryPageModule = import('../features/directory/DirectoryPage');
const DirectoryPage = lazy(() => directoryPageModule.then((m) => ({ default: m.DirectoryPage })));
const PlansPage = lazy(() => import('../features/plans/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanDetailPage = lazy(() =>
  import('../features/plans/PlanDetailPage').then((m) => ({ default: m.PlanDetailPage })),
);
const PlanEditorPage = lazy(() =>
  import('../features/plans/editor/PlanEditorPage').then((m) => ({ default: m.PlanEditorPage })),
);
const DutyPage = lazy(() => import('../features/duty/DutyPage').then((m) => ({ default: m.DutyPage })));
const IncidentsPage = lazy(() =>
  import('../features/incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })),
);
const IncidentBigScreen = lazy(() =>
  import('../features/incidents/IncidentBigScreen').then((m) => ({ default: m.IncidentBigScreen })),
);
const IncidentConsole = lazy(() =>
  import('../features/incidents/IncidentConsole').then((m) => ({ default: m.IncidentConsole })),
);
const ResourcesPage = lazy(() =>
  import('../features/resources/ResourcesPage').then((m) => ({ default: m.ResourcesPage })),
);
const MaterialDetailPage = lazy(() =>
  import('../features/resources/MaterialDetailPage').then((m) => ({ default: m.MaterialDetailPage })),
);
const ReportsAreaPage = lazy(() =>
  import('../features/reports/ReportsAreaPage').then((m) => ({ default: m.ReportsAreaPage })),
);
const DrillsPage = lazy(() =>
  import('../features/drills/DrillsPage').then((m) => ({ default: m.DrillsPage })),
);
const ScenarioEditorPage = lazy(() =>
  import('../features/drills/scenario/ScenarioEditorPage').then((m) => ({ default: m.ScenarioEditorPage })),
);
const DrillConsole = lazy(() =>
  import('../features/drills/console/DrillConsole').then((m) => ({ default: m.DrillConsole })),
);
const DrillReportPage = lazy(() =>
  import('../features/drills/report/DrillReportPage').then((m) => ({ default: m.DrillReportPage })),
);
const ReplayPage = lazy(() =>
  import('../features/drills/replay/ReplayPage').then((m) => ({ default: m.ReplayPage })),
);
const ParticipantScreen = lazy(() =>
  import('../features/drills/ParticipantScreen').then((m) => ({ default: m.ParticipantScreen })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);

/** Calm government-software palette: one blue for actions; reds, oranges and yellows stay for levels. */
const THEME = {
  algorithm: theme.defaultAlgorithm,
  // Styles come from antd's static stylesheet instead of being generated while the first screen renders
  // (~100 ms of every start); the tokens above still apply through CSS variables.
  zeroRuntime: true,
  token: { colorPrimary: '#1f5fad', borderRadius: 4, fontSize: 14 },
  components: { Layout: { headerHeight: 52, headerPadding: '0 16px', headerBg: '#ffffff' } },
};

export function App({ platform, databaseName }: { platform: Platform; databaseName?: string }) {
  const language = useUiStore((s) => s.language);
  const [i18n] = useState(() => createI18n(language));

  useEffect(() => {
    void i18n.changeLanguage(language);
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
  }, [i18n, language]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
        <AntApp>
          <DatabaseGate platform={platform} {...(databaseName ? { databaseName } : {})}>
            <HashRouter>
              <ScreenErrorBoundary>
                <Routes>
                  {/* The hall's wall screen has no navigation around it. */}
                  <Route path="/screen/incidents/:id" element={<IncidentBigScreen />} />
                  <Route path="/screen/drills/:id" element={<ParticipantScreen />} />
                  <Route path="*" element={<ShellRoutes />} />
                </Routes>
              </ScreenErrorBoundary>
            </HashRouter>
          </DatabaseGate>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}

function ShellRoutes() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Navigate to={HOME_PATH} replace />} />
        <Route path="/directory" element={<DirectoryPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/plans/new" element={<PlanEditorPage />} />
        <Route path="/plans/:id/:version/edit" element={<PlanEditorPage />} />
        <Route path="/plans/:id/:version" element={<PlanDetailPage />} />
        <Route path="/plans/:id/:version/:tab" element={<PlanDetailPage />} />
        <Route path="/duty" element={<DutyPage />} />
        <Route path="/duty/:tab" element={<DutyPage />} />
        <Route path="/incidents" element={<IncidentsPage />} />
        <Route path="/incidents/:id" element={<IncidentConsole />} />
        <Route path="/resources" element={<ResourcesPage />} />
        <Route path="/resources/material/:id" element={<MaterialDetailPage />} />
        <Route path="/resources/:tab" element={<ResourcesPage />} />
        <Route path="/reports" element={<ReportsAreaPage />} />
        <Route path="/reports/:tab" element={<ReportsAreaPage />} />
        <Route path="/drills" element={<DrillsPage />} />
        <Route path="/drills/scenarios/:id" element={<ScenarioEditorPage />} />
        <Route path="/drills/runs/:id" element={<DrillConsole />} />
        <Route path="/drills/runs/:id/report" element={<DrillReportPage />} />
        <Route path="/drills/runs/:id/replay" element={<ReplayPage />} />
        <Route path="/drills/:tab" element={<DrillsPage />} />
        <Route path="*" element={<Navigate to={HOME_PATH} replace />} />
      </Routes>
    </Shell>
  );
}
