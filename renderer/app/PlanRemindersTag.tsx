import { WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { overdueText, usePlanReminders } from '../features/plans/usePlanReminders';

/** In the header of every screen, home included, in red: plans overdue for review or for a drill. */
export function PlanRemindersTag() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reminders = usePlanReminders();
  if (!reminders || reminders.reviewOverdue + reminders.drillOverdue === 0) return null;
  const text = overdueText(t, reminders);
  return (
    <Tag
      color="error"
      icon={<WarningOutlined />}
      data-testid="plan-reminders"
      role="link"
      style={{ cursor: 'pointer' }}
      onClick={() => void navigate('/plans')}
    >
      {text}
    </Tag>
  );
}
