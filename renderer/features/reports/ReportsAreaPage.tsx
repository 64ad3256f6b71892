import { Spin, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { DailyBrief } from './DailyBrief';

// The summaries carry the charts (echarts): they load when that tab is first opened, not with the brief.
const PeriodSummary = lazy(() => import('./PeriodSummary').then((m) => ({ default: m.PeriodSummary })));

const TABS = ['daily', 'period'] as const;
type Tab = (typeof TABS)[number];

/** 报告: the 每日简况 and the 周报 / 月报. The tab is in the address, so a reload keeps it. */
export function ReportsAreaPage() {
  const { tab } = useParams();
  const current: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'daily';
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The chosen date travels with the tab: the week of the day just read, not this week.
  const { search } = useLocation();
  return (
    <Tabs
      className="reports-area"
      activeKey={current}
      onChange={(key) => void navigate({ pathname: `/reports/${key}`, search })}
      destroyOnHidden
      items={[
        { key: 'daily', label: t('reportsArea.tabs.daily'), children: <DailyBrief /> },
        {
          key: 'period',
          label: t('reportsArea.tabs.period'),
          children: (
            <Suspense fallback={<Spin style={{ margin: 48 }} />}>
              <PeriodSummary />
            </Suspense>
          ),
        },
      ]}
    />
  );
}
