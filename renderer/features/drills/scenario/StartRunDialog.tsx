import { Form, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { personOptions, useDirectoryData } from '../../directory/useDirectoryData';
import { FormModal } from '../../../ui/FormModal';
import { OpenActionsAlert } from '../actions/OpenActionsAlert';

/** 开始新演练: a new run of the scenario as it stands, with its 演练总指挥 (who alone declares ENDEX). */
export function StartRunDialog({
  open,
  onStart,
  onClose,
}: {
  open: boolean;
  onStart: (directorId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ directorId: string }>();
  const directory = useDirectoryData();
  const people = useMemo(() => personOptions(directory), [directory]);
  return (
    <FormModal<{ directorId: string }>
      open={open}
      title={t('drills.scenario.startRun')}
      form={form}
      onSubmit={(v) => onStart(v.directorId)}
      onClose={onClose}
      okText={t('drills.scenario.startRun')}
    >
      <OpenActionsAlert />
      <Form.Item
        name="directorId"
        label={t('drills.scenario.director')}
        extra={t('drills.scenario.directorHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          aria-label={t('drills.scenario.director')}
          options={people}
        />
      </Form.Item>
    </FormModal>
  );
}
