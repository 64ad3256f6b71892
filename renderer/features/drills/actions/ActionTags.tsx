import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  daysOverdue,
  deadlineDateOf,
  type ActionStatus,
  type CorrectiveAction,
} from '@shared/domain/drill/corrective-action';

const COLOUR: Record<ActionStatus, string> = { open: 'orange', inProgress: 'processing', closed: 'success' };

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOUR[status]} data-testid="action-status">
      {t(`drillActions.status.${status}`)}
    </Tag>
  );
}

/** 整改期限 as its calendar day, and in red how many days it is overdue at `at`. */
export function DeadlineText({ action, at }: { action: CorrectiveAction; at: number }) {
  const { t } = useTranslation();
  const days = daysOverdue(action, at);
  return (
    <Space size={4} wrap>
      <Typography.Text type={days ? 'danger' : undefined}>{deadlineDateOf(action)}</Typography.Text>
      {days ? (
        <Tag color="error" data-testid="action-overdue">
          {t('drillActions.overdueDays', { count: days })}
        </Tag>
      ) : null}
    </Space>
  );
}
