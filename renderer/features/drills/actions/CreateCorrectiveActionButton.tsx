import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from './ActionDialog';

/**
 * 列入整改台账: opens the new-action dialog prefilled from a finding (问题 = the finding's text; its capability,
 * inject and plan clause kept as the source). Placed beside each problem of the evaluation report and on a
 * finished run's 导调台. The repository takes the plans and the scenario from the run itself.
 */
export function CreateCorrectiveActionButton({
  runId,
  scenarioTitle,
  planIds,
  finding,
  size = 'middle',
}: {
  runId: string;
  scenarioTitle: string;
  planIds: string[];
  finding?: { text: string; capability?: string; injectId?: string; injectNo?: string; planClause?: string };
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const { text = '', ...where } = finding ?? {};
  return (
    <>
      <Button size={size} icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('drillActions.create')}
      </Button>
      {isOpen ? (
        <ActionDialog
          target={{
            kind: 'create',
            draft: { runId, scenarioTitle, planIds, issue: text, finding: { ...where, observation: text } },
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
