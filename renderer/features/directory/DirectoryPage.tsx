import { Card, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PeopleTab } from './PeopleTab';
import { PositionsTab } from './PositionsTab';
import { UnitsTab } from './UnitsTab';
import { useDirectoryData } from './useDirectoryData';

/** 通讯录: the people, units and positions that plans, duty, incidents and drills point at. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const data = useDirectoryData();
  if (!data.loaded) return <Skeleton active />;
  return (
    <Card size="small" className="page-card">
      <Tabs
        size="small"
        items={[
          { key: 'people', label: t('directory.tabs.people'), children: <PeopleTab data={data} /> },
          { key: 'units', label: t('directory.tabs.units'), children: <UnitsTab data={data} /> },
          { key: 'positions', label: t('directory.tabs.positions'), children: <PositionsTab data={data} /> },
        ]}
      />
    </Card>
  );
}
