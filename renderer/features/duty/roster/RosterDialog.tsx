import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { rosterInputSchema, type RosterEntry, type RosterInput } from '@shared/domain/duty/roster';
import type { ShiftSlot } from '@shared/domain/duty/shifts';
import { useServices } from '../../../services/services';
import { parseForm } from '../../../ui/schema-form';
import { useSignedWrite } from '../../session/useSignedWrite';
import type { DutyPeople } from './duty-people';

/** One shift's 带班领导 and 值班员; a refusal stays on its field and the dialog keeps what was chosen. */
export function RosterDialog({
  slot,
  slotName,
  entry,
  people,
  onClose,
}: {
  slot: ShiftSlot;
  slotName: string;
  entry: RosterEntry | undefined;
  people: DutyPeople;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { duty } = useServices();
  const write = useSignedWrite();
  const [form] = Form.useForm<RosterInput>();

  useEffect(() => {
    form.setFieldsValue(entry ?? { leaderId: undefined, officerIds: [], note: '' });
  }, [form, entry]);

  const save = async (values: RosterInput) => {
    const input = parseForm(rosterInputSchema, values, form, t);
    if (!input) return;
    const saved = await write(
      (actor) => duty.saveRoster(slot, input, actor),
      t('duty.roster.saved', { slot: slotName }),
    );
    if (saved) onClose();
  };
  const clear = async () => {
    if (await write((actor) => duty.clearRoster(slot, actor), t('duty.roster.cleared', { slot: slotName })))
      onClose();
  };

  return (
    <Modal
      open
      title={t('duty.roster.edit', { slot: slotName })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {entry ? (
            <Button danger onClick={() => void clear()}>
              {t('duty.roster.clear')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        requiredMark
        data-testid="roster-form"
      >
        <Form.Item
          name="leaderId"
          label={t('duty.roster.columns.leader')}
          required
          extra={people.leaderOptions.length === 0 ? undefined : t('duty.roster.leaderHint')}
        >
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            options={people.leaderOptions}
            aria-label={t('duty.roster.columns.leader')}
          />
        </Form.Item>
        {people.leaderOptions.length === 0 ? (
          <Alert type="warning" showIcon title={t('duty.roster.leaderHint')} style={{ marginBottom: 12 }} />
        ) : null}
        <Form.Item
          name="officerIds"
          label={t('duty.roster.columns.officers')}
          required
          extra={t('duty.roster.officersHint')}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'search' }}
            options={people.officerOptions}
            aria-label={t('duty.roster.columns.officers')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('duty.roster.columns.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
