import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Handover } from '@shared/domain/duty/handover';
import { slotText, type ShiftDefinition } from '@shared/domain/duty/shifts';
import { useServices } from '../../../services/services';
import { printSheet } from '../../../ui/print-sheet';

const TIME = 'YYYY年MM月DD日 HH:mm';

/** 值班交接单 as it is printed and signed: the items handed over, the summary, both names and times. */
export function HandoverSheet({
  handover,
  shifts,
  jurisdiction,
  onClose,
}: {
  handover: Handover;
  shifts: readonly ShiftDefinition[];
  jurisdiction: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const from = slotText(shifts, handover.from);
  const to = slotText(shifts, handover.to);
  return (
    <Modal
      open
      width={800}
      title={`${t('duty.handover.sheetTitle')} · ${from} → ${to}`}
      onCancel={onClose}
      wrapClassName="report-sheet-modal"
      footer={
        <Space className="no-print">
          <Button
            icon={<PrinterOutlined />}
            onClick={() =>
              void printSheet(platform, `值班交接单-${handover.from.date}-${from.split(' ')[1]}.pdf`)
            }
          >
            {t('duty.handover.print')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Space>
      }
    >
      <div className="report-sheet" data-testid="handover-sheet">
        <h2 className="report-sheet-title">
          {jurisdiction}
          {t('duty.handover.sheetTitle')}
        </h2>
        <div className="report-sheet-kind">
          （{from} → {to}）
        </div>
        <p>{t('duty.handover.intakeCount', { count: handover.intakeCount })}</p>
        <ol>
          {handover.items.map((item) => (
            <li key={item.id}>
              <b>{t(`duty.handover.kinds.${item.kind}`)}：</b>
              {item.text}
              {item.carriedFrom ? `（${t('duty.handover.carriedFrom', { slot: item.carriedFrom })}）` : ''}
            </li>
          ))}
        </ol>
        {handover.items.length === 0 ? <p>{t('duty.handover.noOpenItems')}</p> : null}
        {handover.closedItems.length > 0 ? (
          <>
            <p>
              <b>{t('duty.handover.closedItems')}：</b>
            </p>
            <ul>
              {handover.closedItems.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </>
        ) : null}
        {handover.notes ? (
          <p>
            <b>{t('duty.handover.notes')}：</b>
            {handover.notes}
          </p>
        ) : null}
        <div className="report-sheet-sign">
          <span>
            {t('duty.handover.columns.handedBy')}：{handover.handedBy.name}{' '}
            {dayjs(handover.handedAt).format(TIME)}
          </span>
          <span>
            {t('duty.handover.columns.receiver')}：{handover.receivedBy?.name ?? handover.receiverName}{' '}
            {handover.receivedAt ? dayjs(handover.receivedAt).format(TIME) : t('duty.handover.notReceived')}
          </span>
        </div>
      </div>
    </Modal>
  );
}
