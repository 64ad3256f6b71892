import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type CorrectiveAction } from '@shared/domain/drill/corrective-action';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';
import { ActionDialog } from './ActionDialog';
import { ActionHistoryDrawer } from './ActionHistoryDrawer';
import { CloseActionDialog } from './CloseActionDialog';
import { ReopenActionDialog } from './ReopenActionDialog';

type Open = 'edit' | 'close' | 'reopen' | 'history' | null;

/**
 * What one action offers now — 开始整改, 完成整改, 编辑 while open; 重新整改 once closed; 整改记录 always —
 * with the dialog each opens. The domain decides what is allowed; the screen only asks it.
 */
export function ActionRowButtons({ action, at }: { action: CorrectiveAction; at: number }) {
  const { t } = useTranslation();
  const { correctiveActions } = useServices();
  const write = useSignedWrite();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const label = (key: string) => t(`drillActions.${key}`);
  return (
    <Space size={0} wrap onClick={(e) => e.stopPropagation()}>
      {can(action, 'start') ? (
        <Button
          type="link"
          size="small"
          onClick={() => void write((actor) => correctiveActions.start(action.id, actor), label('started'))}
        >
          {label('start')}
        </Button>
      ) : null}
      {can(action, 'close') ? (
        <Button type="link" size="small" onClick={() => setOpen('close')}>
          {label('close')}
        </Button>
      ) : null}
      {can(action, 'update') ? (
        <Button type="link" size="small" onClick={() => setOpen('edit')}>
          {label('edit')}
        </Button>
      ) : null}
      {can(action, 'reopen') ? (
        <Button type="link" size="small" onClick={() => setOpen('reopen')}>
          {label('reopen')}
        </Button>
      ) : null}
      <Button type="link" size="small" onClick={() => setOpen('history')}>
        {label('history')}
      </Button>
      {open === 'edit' ? <ActionDialog target={{ kind: 'edit', action }} onClose={close} /> : null}
      {open === 'close' ? (
        <CloseActionDialog
          action={action}
          onClose={close}
          onSubmit={(evidence) =>
            write((actor) => correctiveActions.close(action.id, evidence, actor), label('closed'))
          }
        />
      ) : null}
      {open === 'reopen' ? (
        <ReopenActionDialog
          onClose={close}
          onSubmit={(reason) =>
            write((actor) => correctiveActions.reopen(action.id, reason, actor), label('reopened'))
          }
        />
      ) : null}
      {open === 'history' ? <ActionHistoryDrawer action={action} at={at} onClose={close} /> : null}
    </Space>
  );
}
