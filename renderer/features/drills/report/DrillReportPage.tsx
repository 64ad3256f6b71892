import { ArrowLeftOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { statusOf } from '@shared/domain/drill/drill-machine';
import type { ReportKind } from '@shared/domain/drill/evaluation-report';
import { useServices } from '../../../services/services';
import { printPage } from '../../../ui/print-sheet';
import { useClock } from '../../../ui/use-clock';
import { EvaluationSheet } from './EvaluationSheet';
import { SummarySheet } from './SummarySheet';
import { useDrillReport } from './useDrillReport';
import './drill-report.css';

/** The figures of a run under way move with the clock; a finished run's stand still. */
const BEAT_MS = 15_000;

/**
 * 演练评估: a run's 评估报告 and 总结报告 as official sheets, with 打印预览 (the sheet on paper, its buttons gone)
 * and 导出PDF. The view is in the address (?view=summary), so a link opens the right one.
 */
export function DrillReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { platform } = useServices();
  const [params, setParams] = useSearchParams();
  const kind: ReportKind = params.get('view') === 'summary' ? 'summary' : 'evaluation';
  const [isPreview, setPreview] = useState(false);
  const at = useClock(BEAT_MS);
  const data = useDrillReport(id, at);

  if (data === undefined) return <Spin />;
  if (data === null) return <Empty description={t('errors.notFound')} />;
  const { loaded, report, revisions } = data;
  const isOver = ['aborted', 'ended', 'evaluating', 'archived'].includes(statusOf(loaded.snapshot));
  const viewName = t(`drillReport.views.${kind}`);

  return (
    <div className="drill-report-page" data-testid="drill-report">
      <Space className="no-print drill-report-toolbar" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/drills/runs/${id}`)}>
          {t('drillReport.back')}
        </Button>
        <Typography.Text strong>
          {t('drillReport.pageTitle')} · {loaded.run.title}
        </Typography.Text>
        <Segmented<ReportKind>
          value={kind}
          onChange={(value) => setParams(value === 'summary' ? { view: 'summary' } : {}, { replace: true })}
          options={(['evaluation', 'summary'] as const).map((value) => ({
            value,
            label: t(`drillReport.views.${value}`),
          }))}
        />
        <Button
          icon={<EyeOutlined />}
          type={isPreview ? 'primary' : 'default'}
          aria-pressed={isPreview}
          onClick={() => setPreview((on) => !on)}
        >
          {isPreview ? t('drillReport.closePreview') : t('drillReport.preview')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          onClick={() => void printPage(platform, `${report.overview.title}-${viewName}.pdf`)}
        >
          {t('drillReport.exportPdf')}
        </Button>
      </Space>
      {isOver ? null : (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('drillReport.notOver')}
        />
      )}
      <div
        className={isPreview ? 'drill-report-desk is-preview' : 'drill-report-desk'}
        data-testid="drill-report-desk"
      >
        {kind === 'evaluation' ? (
          <EvaluationSheet report={report} revisions={revisions} scenarioTitle={loaded.scenario.title} />
        ) : (
          <SummarySheet report={report} revisions={revisions} />
        )}
      </div>
    </div>
  );
}
