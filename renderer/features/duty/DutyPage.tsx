import { Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { HandoverPanel } from './handover/HandoverPanel';
import { IntakeRegister } from './IntakeRegister';
import { RosterWeek } from './roster/RosterWeek';

const TABS = ['intake', 'roster', 'handover'] as const;
type DutyTab = (typeof TABS)[number];

/** 值班值守: 接报登记, 值班排班 and 交接班. Alt+J records the next call from any of them. */
export function DutyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: param } = useParams();
  const tab: DutyTab = TABS.includes(param as DutyTab) ? (param as DutyTab) : 'intake';
  const [newIntake, setNewIntake] = useState(0);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && event.code === 'KeyJ') {
        event.preventDefault();
        void navigate('/duty');
        setNewIntake((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => void navigate(key === 'intake' ? '/duty' : `/duty/${key}`)}
      destroyOnHidden
      items={[
        { key: 'intake', label: t('duty.tabs.intake'), children: <IntakeRegister newRequest={newIntake} /> },
        { key: 'roster', label: t('duty.tabs.roster'), children: <RosterWeek /> },
        { key: 'handover', label: t('duty.tabs.handover'), children: <HandoverPanel /> },
      ]}
    />
  );
}
