import { QuestionCircleOutlined, WifiOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ClockWatch } from '../features/clock/ClockWatch';
import { SignInDialog } from '../features/session/SignInDialog';
import { StorageFullBanner } from '../features/storage-full/StorageFullBanner';
import { useUiStore } from '../stores/ui-store';
import { AREAS, APP_ICON } from './areas';
import { OperatorBadge } from './OperatorBadge';
import { DutyStateTag } from './DutyStateTag';
import { PlanRemindersTag } from './PlanRemindersTag';
import { CorrectiveActionsTag } from './CorrectiveActionsTag';
import { ResourceAlertsTag } from './ResourceAlertsTag';
import { useServices } from '../services/services';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useGlobalShortcuts } from './use-shortcuts';

const { Header, Sider, Content } = Layout;

// 一键检索 is fetched the first time Ctrl+K opens it, not with the shell every start has to load.
const ResourceSearchDialog = lazy(() =>
  import('./ResourceSearchDialog').then((m) => ({ default: m.ResourceSearchDialog })),
);

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { settings } = useServices();
  const collapsed = useUiStore((s) => s.siderCollapsed);
  const setCollapsed = useUiStore((s) => s.setSiderCollapsed);
  const setShortcutsOpen = useUiStore((s) => s.setShortcutsOpen);
  const resourceSearchOpen = useUiStore((s) => s.resourceSearchOpen);
  const install = useLiveQuery(() => settings.getInstallSettings(), [settings]);
  useGlobalShortcuts();
  useEffect(() => {
    performance.mark('shell-rendered');
  }, []);

  const selected = AREAS.find((a) => location.pathname.startsWith(a.path))?.key ?? 'directory';

  return (
    <Layout style={{ height: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={184} theme="dark">
        <div className="app-brand" title={t('app.title')}>
          <span className="app-brand-icon">{APP_ICON}</span>
          {collapsed ? null : <span className="app-brand-name">{t('app.title')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={AREAS.map((area, index) => ({
            key: area.key,
            icon: area.icon,
            label: (
              <span className="nav-label">
                {t(`nav.${area.key}`)}
                {collapsed ? null : <span className="nav-key">Alt+{index + 1}</span>}
              </span>
            ),
          }))}
          onClick={({ key }) => {
            const area = AREAS.find((a) => a.key === key);
            if (area) void navigate(area.path);
          }}
        />
      </Sider>
      <Layout>
        <StorageFullBanner />
        <ClockWatch />
        <Header className="app-header">
          <Space size="middle">
            <Typography.Text strong className="app-header-title">
              {install?.jurisdictionName ? `${install.jurisdictionName} · ` : ''}
              {t(`nav.${selected}`)}
            </Typography.Text>
            <Tooltip title={t('header.offline')}>
              <Tag icon={<WifiOutlined />} color="default">
                {t('header.offline')}
              </Tag>
            </Tooltip>
            <DutyStateTag />
            <PlanRemindersTag />
            <CorrectiveActionsTag />
            <ResourceAlertsTag />
          </Space>
          <Space size="middle">
            <OperatorBadge />
            <Tooltip title={`${t('header.shortcuts')} (F1)`}>
              <Button
                type="text"
                aria-label={t('header.shortcuts')}
                icon={<QuestionCircleOutlined />}
                onClick={() => setShortcutsOpen(true)}
              />
            </Tooltip>
          </Space>
        </Header>
        <Content className="app-content">
          <Suspense fallback={<Spin style={{ margin: 48 }} />}>{children}</Suspense>
        </Content>
      </Layout>
      <SignInDialog />
      <ShortcutsDialog />
      {resourceSearchOpen && (
        <Suspense fallback={null}>
          <ResourceSearchDialog />
        </Suspense>
      )}
    </Layout>
  );
}
