import { LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/session/useSession';
import { useUiStore } from '../stores/ui-store';
import { useServices } from '../services/services';

/** Who is at the keyboard, always visible: every write the app makes is signed with this name. */
export function OperatorBadge() {
  const { t } = useTranslation();
  const { settings } = useServices();
  const session = useSession();
  const setSignInOpen = useUiStore((s) => s.setSignInOpen);

  if (session === undefined) return null;
  if (session === null) {
    return (
      <Space>
        <Tag color="warning">{t('header.notSignedIn')}</Tag>
        <Button type="primary" size="small" icon={<UserOutlined />} onClick={() => setSignInOpen(true)}>
          {t('header.signIn')}
        </Button>
      </Space>
    );
  }
  return (
    <Space size="small" data-testid="operator">
      <Typography.Text type="secondary">{t('header.signedInAs')}：</Typography.Text>
      <Typography.Text strong>{session.actor.name}</Typography.Text>
      <Tag color="blue">{session.actor.positionName}</Tag>
      <Tooltip title="F2">
        <Button size="small" icon={<SwapOutlined />} onClick={() => setSignInOpen(true)}>
          {t('header.switchOperator')}
        </Button>
      </Tooltip>
      <Tooltip title={t('header.signOut')}>
        <Button
          size="small"
          type="text"
          aria-label={t('header.signOut')}
          icon={<LogoutOutlined />}
          onClick={() => void settings.signOut()}
        />
      </Tooltip>
    </Space>
  );
}
