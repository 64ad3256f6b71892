import { FileTextOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DrillStatus } from '@shared/domain/drill/drill-machine';

const OVER: readonly DrillStatus[] = ['aborted', 'ended', 'evaluating', 'archived'];

/** 评估报告: opens the run's report once the drill is over (ended, aborted, under evaluation or archived). */
export function DrillReportButton({ runId, status }: { runId: string; status: DrillStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!OVER.includes(status)) return null;
  return (
    <Button icon={<FileTextOutlined />} onClick={() => void navigate(`/drills/runs/${runId}/report`)}>
      {t('drillReport.button')}
    </Button>
  );
}
