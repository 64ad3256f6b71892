import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { scriptOrder, type Inject } from '@shared/domain/drill/scenario';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { useServices } from '../../../services/services';
import { printSheet } from '../../../ui/print-sheet';
import { safeFileName } from './export-script';
import './inject-cards.css';

interface Props {
  open: boolean;
  /** 演练名称. */
  title: string;
  injects: readonly Inject[];
  onClose: () => void;
}

/**
 * 情况卡: the script as paper cards a controller hands out or reads from, one per inject in delivery order and
 * one per printed page, with blanks for the time it was delivered and the receiver's signature.
 */
export function InjectCards({ open, title, injects, onClose }: Props) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const cards = scriptOrder(injects);
  const fileName = t('drills.script.cards.fileName', { title: safeFileName(title) });

  return (
    <Modal
      open={open}
      width={820}
      title={`${t('drills.script.cards.title')} · ${t('drills.script.cards.count', { count: cards.length })}`}
      onCancel={onClose}
      wrapClassName="report-sheet-modal inject-cards-modal"
      destroyOnHidden
      footer={
        <Space className="no-print">
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={cards.length === 0}
            onClick={() => void printSheet(platform, fileName)}
          >
            {t('drills.script.cards.print')}
          </Button>
        </Space>
      }
    >
      {cards.length === 0 ? (
        <Empty description={t('drills.script.cards.empty')} />
      ) : (
        <div data-testid="inject-cards">
          {cards.map((inject, index) => (
            <InjectCard key={inject.id} inject={inject} title={title} index={index} total={cards.length} />
          ))}
        </div>
      )}
    </Modal>
  );
}

function InjectCard({
  inject,
  title,
  index,
  total,
}: {
  inject: Inject;
  title: string;
  index: number;
  total: number;
}) {
  const { t } = useTranslation();
  const none = '—';
  return (
    <section className="inject-card" aria-label={`${t('drills.script.cards.no')} ${inject.no}`}>
      <h2 className="inject-card-title">{t('drills.script.cards.heading')}</h2>
      <div className="inject-card-count">{t('drills.script.cards.pageOf', { index: index + 1, total })}</div>
      <table className="inject-card-table">
        <colgroup>
          <col className="inject-card-label" />
          <col />
          <col className="inject-card-label" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>{t('drills.script.cards.drill')}</th>
            <td colSpan={3}>{title}</td>
          </tr>
          <tr>
            <th>{t('drills.script.cards.no')}</th>
            <td>{inject.no}</td>
            <th>{t('drills.script.cards.time')}</th>
            <td>
              {formatOffset(inject.offsetMs)}
              {inject.scenarioLabel ? `（${inject.scenarioLabel}）` : ''}
              {inject.clockTime ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('drills.script.cards.clock')} {inject.clockTime}
                </Typography.Text>
              ) : null}
            </td>
          </tr>
          <tr>
            <th>{t('drills.script.cards.route')}</th>
            <td colSpan={3}>
              {inject.from || none} → {inject.to || none}
            </td>
          </tr>
          <tr>
            <th>{t('drills.script.cards.method')}</th>
            <td>{t(`drills.method.${inject.method}`)}</td>
            <th>{t('drills.script.cards.controller')}</th>
            <td>{inject.controller || none}</td>
          </tr>
          <tr>
            <th>{t('drills.script.cards.text')}</th>
            <td colSpan={3} className="inject-card-text">
              {inject.text}
            </td>
          </tr>
          <tr>
            <th>{t('drills.script.cards.expected')}</th>
            <td colSpan={3}>
              {inject.expectedActions.length === 0 ? (
                none
              ) : (
                <ol className="inject-card-actions">
                  {inject.expectedActions.map((action) => (
                    <li key={action.id}>
                      {action.text}
                      {t('drills.script.cards.window', { minutes: action.windowMinutes })}
                    </li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
          <tr>
            <th>{t('drills.script.cards.deliveredAt')}</th>
            <td className="inject-card-blank" />
            <th>{t('drills.script.cards.receivedBy')}</th>
            <td className="inject-card-blank" />
          </tr>
        </tbody>
      </table>
    </section>
  );
}
