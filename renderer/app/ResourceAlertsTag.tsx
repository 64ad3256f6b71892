import { AlertOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResourceAlerts } from '../features/resources/useResources';
import { useAfterFirstPaint } from '../ui/use-after-first-paint';

/** In the header of every screen, home included: how many resource alerts wait (low stock, expiry …). */
export function ResourceAlertsTag() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const alerts = useResourceAlerts({ enabled: useAfterFirstPaint() });
  if (!alerts || alerts.total === 0) return null;
  return (
    <Tag
      color="warning"
      icon={<AlertOutlined />}
      data-testid="resource-alerts-tag"
      role="link"
      style={{ cursor: 'pointer' }}
      onClick={() => void navigate('/resources/alerts')}
    >
      {t('resources.alerts.header', { count: alerts.total })}
    </Tag>
  );
}
