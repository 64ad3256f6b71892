import { Button, Card, Form, Input, Radio, TreeSelect } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { installSettingsSchema } from '@shared/domain/settings/schemas';
import { useServices } from '../../services/services';
import { LANGUAGES, type Language } from '../../i18n/i18n';
import { useUiStore } from '../../stores/ui-store';
import { parseForm, schemaRule } from '../../ui/schema-form';
import { unitTreeSelectData } from '../directory/unit-tree-select';
import { useSignedWrite } from '../session/useSignedWrite';

interface FormValues {
  jurisdictionName: string;
  ownUnitId: string | null;
}

export function GeneralSettings() {
  const { t } = useTranslation();
  const { settings, directory } = useServices();
  const write = useSignedWrite();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const install = useLiveQuery(() => settings.getInstallSettings(), [settings]);
  const units = useLiveQuery(() => directory.listUnits(), [directory]) ?? [];
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (install) form.setFieldsValue(install);
  }, [install, form]);

  const save = async (raw: FormValues) => {
    const values = parseForm(
      installSettingsSchema,
      { jurisdictionName: raw.jurisdictionName ?? '', ownUnitId: raw.ownUnitId ?? null },
      form,
      t,
    );
    if (values) await write((actor) => settings.saveInstallSettings(values, actor));
  };

  return (
    <Card size="small" title={t('settings.general')}>
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 16 }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item label={t('settings.language')}>
          <Radio.Group
            value={language}
            optionType="button"
            onChange={(e) => setLanguage(e.target.value as Language)}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`settings.languages.${l}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="jurisdictionName"
          label={t('settings.jurisdiction')}
          rules={[schemaRule(installSettingsSchema.shape.jurisdictionName, t)]}
        >
          <Input placeholder={t('settings.jurisdictionPlaceholder')} maxLength={40} />
        </Form.Item>
        <Form.Item name="ownUnitId" label={t('settings.ownUnit')}>
          <TreeSelect
            allowClear
            treeData={unitTreeSelectData(units)}
            placeholder={t('settings.ownUnitPlaceholder')}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 6 }}>
          <Button type="primary" htmlType="submit">
            {t('settings.saveGeneral')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
