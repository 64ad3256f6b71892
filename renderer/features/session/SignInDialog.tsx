import { App, Form, Input, Modal, Select, Typography, type RefSelectProps } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesQuery } from '@shared/domain/org/search';
import type { Person, Position, Unit } from '@shared/domain/org/types';
import { useServices } from '../../services/services';
import { RepositoryError } from '../../db/repositories/repository-error';
import { useUiStore } from '../../stores/ui-store';
import { translateError } from '../../ui/translate-error';

const NONE_PEOPLE: Person[] = [];
const NONE_UNITS: Unit[] = [];
const NONE_POSITIONS: Position[] = [];

interface SignInValues {
  personId?: string;
  positionId?: string;
  pin?: string;
}

export function SignInDialog() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { directory, settings } = useServices();
  const open = useUiStore((s) => s.signInOpen);
  const setOpen = useUiStore((s) => s.setSignInOpen);
  const [form] = Form.useForm<SignInValues>();
  const personSelect = useRef<RefSelectProps>(null);
  const [submitting, setSubmitting] = useState(false);
  const personId = Form.useWatch('personId', form);

  const people = useLiveQuery(() => (open ? directory.listPeople() : []), [open, directory], NONE_PEOPLE);
  const units = useLiveQuery(() => (open ? directory.listUnits() : []), [open, directory], NONE_UNITS);
  const positions = useLiveQuery(
    () => (open ? directory.listPositions() : []),
    [open, directory],
    NONE_POSITIONS,
  );
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const person = people.find((p) => p.id === personId);

  const personOptions = useMemo(
    () =>
      people.map((p) => ({
        value: p.id,
        label: `${p.name} · ${unitNames.get(p.unitId) ?? ''}${p.title ? ` · ${p.title}` : ''}`,
        search: `${p.searchText} ${unitNames.get(p.unitId) ?? ''}`,
      })),
    [people, unitNames],
  );
  const held = new Set(person?.positionIds ?? []);
  const positionOptions = [
    {
      label: t('session.heldPositions'),
      options: positions.filter((p) => held.has(p.id)).map((p) => ({ value: p.id, label: p.name })),
    },
    {
      label: t('session.otherPositions'),
      options: positions.filter((p) => !held.has(p.id)).map((p) => ({ value: p.id, label: p.name })),
    },
  ].filter((group) => group.options.length > 0);

  const submit = async (values: SignInValues) => {
    if (!values.personId || !values.positionId) return;
    setSubmitting(true);
    try {
      const session = await settings.signIn(values.personId, values.positionId, values.pin ?? '');
      void message.success(
        t('session.signedIn', { name: session.actor.name, position: session.actor.positionName }),
      );
      form.resetFields();
      setOpen(false);
    } catch (error) {
      const field = error instanceof RepositoryError && error.code === 'pinWrong' ? 'pin' : 'personId';
      form.setFields([{ name: field, errors: [translateError(t, error)] }]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('session.title')}
      okText={t('session.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => setOpen(false)}
      destroyOnHidden
      // A drawer closing just before F2 hands focus back to its opener late; take it once the dialog is in.
      afterOpenChange={(isOpen) => {
        if (isOpen) personSelect.current?.focus();
      }}
    >
      <Typography.Paragraph type="secondary">{t('session.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          name="personId"
          label={t('session.person')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            showSearch={{ filterOption: (input, option) => matchesQuery(option?.search ?? '', input) }}
            options={personOptions}
            placeholder={t('session.personPlaceholder')}
            onChange={(id: string) => {
              const first = people.find((p) => p.id === id)?.positionIds[0];
              form.setFieldsValue({ positionId: first, pin: '' });
            }}
            autoFocus
            ref={personSelect}
          />
        </Form.Item>
        <Form.Item
          name="positionId"
          label={t('session.position')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={positionOptions} placeholder={t('session.positionPlaceholder')} />
        </Form.Item>
        {person?.pin ? (
          <Form.Item
            name="pin"
            label={t('session.pin')}
            extra={t('session.pinHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password inputMode="numeric" maxLength={8} autoComplete="off" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
