import { HistoryOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DrillStatus } from '@shared/domain/drill/drill-machine';
import { isFinished } from '@shared/domain/drill/run-comparison';

/** 复盘, on the 导调台 of a run that is over (ended, aborted, in evaluation or archived). */
export function ReplayButton({ runId, status }: { runId: string; status: DrillStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!isFinished(status)) return null;
  return (
    <Button icon={<HistoryOutlined />} onClick={() => void navigate(`/drills/runs/${runId}/replay`)}>
      {t('drillReplay.button')}
    </Button>
  );
}
