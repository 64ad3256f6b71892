import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Badge, Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { AlertsTab } from './AlertsTab';
import { MaterialsTab } from './MaterialsTab';
import { PullTestsTab } from './PullTestsTab';
import { EquipmentTab, ExpertsTab, SheltersTab, TeamsTab, WarehousesTab } from './RegistryTabs';
import { ResourceSearch, resourcePath } from './ResourceSearch';
import { useResourceAlerts } from './useResources';

const TABS = [
  'search',
  'materials',
  'teams',
  'equipment',
  'experts',
  'shelters',
  'warehouses',
  'pullTests',
  'alerts',
] as const;
type Tab = (typeof TABS)[number];

/** 应急资源: 一键检索 first, then each registry, then the alerts. The tab is in the address, so a reload keeps it. */
export function ResourcesPage() {
  const { tab } = useParams();
  const current: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'search';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { resources } = useServices();
  const { message } = App.useApp();

  const verify = async () => {
    try {
      const first = await resources.verifyBalances();
      if (first.mismatches.length === 0) {
        void message.success(t('resources.actions.verified', { count: first.checked }));
        return;
      }
      await resources.verifyBalances(true);
      void message.warning(t('resources.actions.verifyMismatch', { count: first.mismatches.length }));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  };

  const body = (key: Tab) => {
    switch (key) {
      case 'search':
        return <ResourceSearch autoFocus onOpen={(row) => void navigate(resourcePath(row))} />;
      case 'materials':
        return <MaterialsTab />;
      case 'teams':
        return <TeamsTab />;
      case 'equipment':
        return <EquipmentTab />;
      case 'experts':
        return <ExpertsTab />;
      case 'shelters':
        return <SheltersTab />;
      case 'warehouses':
        return <WarehousesTab />;
      case 'pullTests':
        return <PullTestsTab />;
      case 'alerts':
        return <AlertsTab />;
    }
  };

  return (
    <Tabs
      activeKey={current}
      onChange={(key) => void navigate(`/resources/${key}`)}
      destroyOnHidden
      tabBarExtraContent={
        <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => void verify()}>
          {t('resources.actions.verify')}
        </Button>
      }
      items={TABS.map((key) => ({
        key,
        label: key === 'alerts' ? <AlertsTabLabel /> : t(`resources.tabs.${key}`),
        children: body(key),
      }))}
    />
  );
}

/**
 * The alerts tab's title with its count. It follows the alerts itself, so a new count (after an import, every
 * stock entry) redraws the badge, not the registry table open below it.
 */
function AlertsTabLabel() {
  const { t } = useTranslation();
  const alerts = useResourceAlerts();
  return (
    <Badge count={alerts?.total ?? 0} size="small" offset={[8, -2]}>
      {t('resources.tabs.alerts')}
    </Badge>
  );
}
