import { Card, Col, Descriptions, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/ipc/contract';
import { useServices } from '../../services/services';
import { AuditTrail } from './AuditTrail';
import { DatabasePanel } from './DatabasePanel';
import { GeneralSettings } from './GeneralSettings';
import { ReportRulesSettings } from './ReportRulesSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => void platform.appInfo().then(setInfo), [platform]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <GeneralSettings />
        <Card size="small" title={t('settings.about')} style={{ marginTop: 12 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('settings.version')}>{info?.version ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('settings.platform')}>
              {platform.isDesktop
                ? `Electron ${info?.electron ?? ''} · ${info?.platform ?? ''}`
                : t('settings.browser')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <DatabasePanel />
      </Col>
      <Col span={24}>
        <ReportRulesSettings />
      </Col>
      <Col span={24}>
        <AuditTrail />
      </Col>
    </Row>
  );
}
