import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { CorrectiveAction } from '@shared/domain/drill/corrective-action';
import { ActionRowButtons } from './ActionRowButtons';
import { ActionStatusTag, DeadlineText } from './ActionTags';

/** The columns every list of corrective actions ends with: 整改期限 (overdue at `at`), 整改状态 and 操作. */
export function actionTailColumns(t: TFunction, at: number): ColumnsType<CorrectiveAction> {
  const field = (name: string) => t(`drillActions.field.${name}`);
  return [
    {
      title: field('deadline'),
      key: 'deadline',
      width: 130,
      render: (_: unknown, r) => <DeadlineText action={r} at={at} />,
    },
    {
      title: field('status'),
      dataIndex: 'status',
      width: 90,
      render: (s: CorrectiveAction['status']) => <ActionStatusTag status={s} />,
    },
    {
      title: field('operations'),
      key: 'operations',
      width: 190,
      render: (_: unknown, r) => <ActionRowButtons action={r} at={at} />,
    },
  ];
}
