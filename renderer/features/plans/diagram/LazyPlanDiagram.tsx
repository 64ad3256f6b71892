import { Card, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanMachine } from '@shared/domain/plan/compile-plan';

// The graph layout library and the diagram renderer (~1.6 MB) load only when a diagram is first shown.
const PlanDiagram = lazy(() => import('./PlanDiagram').then((m) => ({ default: m.PlanDiagram })));

export function PlanDiagramCard({
  machine,
  active,
  caption,
}: {
  machine: PlanMachine;
  active: string | null;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('plans.diagram.title')}
      extra={<Typography.Text type="secondary">{caption}</Typography.Text>}
      style={{ marginBottom: 12 }}
    >
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <PlanDiagram machine={machine} active={active} />
      </Suspense>
    </Card>
  );
}
