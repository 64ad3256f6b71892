import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrillStatus } from '@shared/domain/drill/drill-machine';

const COLOUR: Record<DrillStatus, string> = {
  draft: 'default',
  ready: 'cyan',
  running: 'processing',
  paused: 'warning',
  aborted: 'error',
  ended: 'success',
  evaluating: 'purple',
  archived: 'default',
};

export function RunStatusTag({ status }: { status: DrillStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOUR[status]} data-testid="run-status">
      {t(`drills.status.${status}`)}
    </Tag>
  );
}
