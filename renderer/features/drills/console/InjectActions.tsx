import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import type { InjectRow } from './inject-rows';

/**
 * 立即下发 / 跳过 / 改期 / 停用 for an inject not yet settled; the same in the timeline and the overdue list.
 * Buttons only: re-timing opens the console's one dialog (a dialog per row made every render of a 1,000-row
 * script slow enough to delay the ticker).
 */
export function InjectActions({
  row,
  scenarioMs,
  at,
  send,
  onRetime,
  withDisable = false,
}: {
  row: InjectRow;
  scenarioMs: number;
  at: number;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
  onRetime: (row: InjectRow) => void;
  withDisable?: boolean;
}) {
  const { t } = useTranslation();
  const label = (key: string) => t(`drills.console.${key}`);
  const { inject } = row;
  const deliver = () =>
    send({
      type: 'inject.deliver',
      injectId: inject.id,
      plannedAt: row.plannedAt !== null && row.plannedAt <= at ? row.plannedAt : null,
      scenarioMs,
      isAuto: false,
    });
  return (
    <Space size={2} wrap>
      <Button size="small" type="link" onClick={() => void deliver()}>
        {label('deliverNow')}
      </Button>
      <Button
        size="small"
        type="link"
        onClick={() =>
          void send({ type: 'inject.skip', injectId: inject.id, reason: 'controller', note: '' })
        }
      >
        {label('skip')}
      </Button>
      <Button size="small" type="link" onClick={() => onRetime(row)}>
        {label('retime')}
      </Button>
      {withDisable ? (
        <Popconfirm
          title={label('disable')}
          onConfirm={() =>
            void send({ type: 'inject.skip', injectId: inject.id, reason: 'disabled', note: '' })
          }
        >
          <Button size="small" type="link" danger>
            {label('disable')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
