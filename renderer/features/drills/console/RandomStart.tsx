import { FieldTimeOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import type { RunState } from '@shared/domain/drill/run-state';
import { cryptoRandom, drawStartMoment, whyNotWindow } from '@shared/domain/drill/start-window';
import { useServices } from '../../../services/services';
import { FormModal } from '../../../ui/FormModal';
import { latenessParts } from './inject-rows';

const FORMAT = 'MM-DD HH:mm';

/**
 * 双盲 random start: while the run is ready, the controller sets a window and a moment inside it is drawn
 * and kept from the screen; once fired, how it went (planned, real, late) is shown for the record.
 */
export function RandomStart({
  state,
  isReady,
  send,
}: {
  state: RunState;
  isReady: boolean;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { now } = useServices();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ window: [Dayjs, Dayjs] | null }>();
  const fmt = (ms: number) => dayjs(ms).format(FORMAT);
  const lateText = (ms: number) => {
    const parts = latenessParts(ms);
    return t(`drills.console.${parts.key}`, parts);
  };

  if (state.randomStart) {
    const { from, to, plannedAt, at } = state.randomStart;
    const late = at - plannedAt;
    const params = { from: fmt(from), to: fmt(to), planned: dayjs(plannedAt).format('MM-DD HH:mm:ss') };
    return (
      <Alert
        style={{ marginTop: 8 }}
        type={late > 60_000 ? 'warning' : 'info'}
        data-testid="random-start"
        message={
          late > 60_000
            ? t('drills.randomStart.firedLate', {
                ...params,
                at: dayjs(at).format('MM-DD HH:mm:ss'),
                late: lateText(late),
              })
            : t('drills.randomStart.fired', { ...params, at: dayjs(at).format('MM-DD HH:mm:ss') })
        }
      />
    );
  }
  if (!isReady) return null;
  const armed = state.startWindow;
  return (
    <div style={{ marginTop: 8 }} data-testid="random-start">
      {armed ? (
        <Alert
          type="warning"
          showIcon
          message={t('drills.randomStart.armed', { from: fmt(armed.from), to: fmt(armed.to) })}
          action={
            <Button size="small" onClick={() => void send({ type: 'start.disarm' })}>
              {t('drills.randomStart.disarm')}
            </Button>
          }
        />
      ) : (
        <Button icon={<FieldTimeOutlined />} onClick={() => setOpen(true)}>
          {t('drills.randomStart.arm')}
        </Button>
      )}
      <FormModal
        open={isOpen}
        title={t('drills.randomStart.arm')}
        okText={t('drills.randomStart.arm')}
        form={form}
        onClose={() => setOpen(false)}
        onSubmit={async ({ window }) => {
          if (!window) return;
          const [from, to] = [window[0].startOf('minute').valueOf(), window[1].startOf('minute').valueOf()];
          const at = now();
          const why = whyNotWindow(from, to, at);
          if (why) {
            form.setFields([{ name: 'window', errors: [t(`drills.errors.${why}`)] }]);
            return;
          }
          const fireAt = drawStartMoment(from, to, at, cryptoRandom);
          if (await send({ type: 'start.arm', from, to, fireAt }, t('drills.randomStart.armedOk'))) {
            setOpen(false);
          }
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" message={t('drills.randomStart.hint')} />
          <Form.Item
            name="window"
            label={`${t('drills.randomStart.from')} — ${t('drills.randomStart.to')}`}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              aria-label={t('drills.randomStart.from')}
            />
          </Form.Item>
        </Space>
      </FormModal>
    </div>
  );
}
