import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
export type PlannedArea = 'duty' | 'incidents' | 'plans' | 'drills' | 'resources' | 'reports';

export function NotYetAvailablePage({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('notYet.title', { area: t(`nav.${area}`) })}
      subTitle={t('notYet.body')}
      extra={
        <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto' }}>
          <Typography.Text strong>{t('notYet.plannedTitle')}：</Typography.Text>
          {t(`notYet.planned.${area}`)}
        </Typography.Paragraph>
      }
    />
  );
}
