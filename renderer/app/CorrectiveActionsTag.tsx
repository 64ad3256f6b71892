import { WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOverdueActions } from '../features/drills/actions/useCorrectiveActions';

/**
 * In the header of every screen, home included, in red: corrective actions past their deadline. Follows the
 * desk's clock (re-read every few seconds), so an action goes overdue on screen when its day ends.
 */
export function CorrectiveActionsTag() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const overdue = useOverdueActions();
  if (!overdue || overdue.length === 0) return null;
  return (
    <Tag
      color="error"
      icon={<WarningOutlined />}
      data-testid="corrective-actions-tag"
      role="link"
      style={{ cursor: 'pointer' }}
      onClick={() => void navigate('/drills/actions?filter=overdue')}
    >
      {t('drillActions.header', { count: overdue.length })}
    </Tag>
  );
}
