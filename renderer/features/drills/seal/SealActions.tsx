import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN } from '@shared/domain/drill/scenario-seal';
import type { Scenario } from '@shared/domain/drill/scenario';
import { useServices } from '../../../services/services';
import { FormModal } from '../../../ui/FormModal';
import { useSignedWrite } from '../../session/useSignedWrite';
import { useUnsealedStore } from './unsealed-store';

/**
 * 封存 / 重新锁定 / 解除封存 of a double-blind scenario, for the editor's header. Sealing asks for the
 * passphrase twice; removing the seal asks for it again.
 */
export function SealActions({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const { drills } = useServices();
  const write = useSignedWrite();
  const lock = useUnsealedStore((s) => s.lock);
  const [dialog, setDialog] = useState<'seal' | 'unseal' | null>(null);
  const [form] = Form.useForm<{ passphrase: string; repeat?: string }>();
  if (!scenario.seal && scenario.blind !== 'doubleBlind') return null;

  const submit = async ({ passphrase }: { passphrase: string }) => {
    const ok = await write(
      (actor) =>
        dialog === 'seal'
          ? drills.sealScenario(scenario.id, passphrase, actor)
          : drills.unsealScenario(scenario.id, passphrase, actor),
      dialog === 'seal' ? t('drills.seal.sealed') : t('drills.seal.unsealed'),
    );
    if (!ok) return;
    setDialog(null);
    // Sealed now: the script goes out of sight at once.
    if (dialog === 'seal') lock(scenario.id);
  };

  return (
    <Space>
      {scenario.seal ? (
        <>
          <Tag icon={<LockOutlined />} color="red" data-testid="scenario-sealed">
            {t('drills.seal.tag')}
          </Tag>
          <Button size="small" icon={<LockOutlined />} onClick={() => lock(scenario.id)}>
            {t('drills.seal.lock')}
          </Button>
          <Button size="small" icon={<UnlockOutlined />} onClick={() => setDialog('unseal')}>
            {t('drills.seal.unseal')}
          </Button>
        </>
      ) : (
        <Button size="small" icon={<LockOutlined />} onClick={() => setDialog('seal')}>
          {t('drills.seal.seal')}
        </Button>
      )}
      <FormModal
        open={dialog !== null}
        title={dialog === 'seal' ? t('drills.seal.seal') : t('drills.seal.unseal')}
        okText={dialog === 'seal' ? t('drills.seal.seal') : t('drills.seal.unseal')}
        form={form}
        onSubmit={(values) => void submit(values)}
        onClose={() => setDialog(null)}
      >
        <Typography.Paragraph type="secondary">
          {dialog === 'seal' ? t('drills.seal.sealHint') : t('drills.seal.unsealHint')}
        </Typography.Paragraph>
        <Form.Item
          name="passphrase"
          label={t('drills.seal.passphrase')}
          rules={[
            { required: true, message: t('validation.required') },
            ...(dialog === 'seal' ? [{ min: PASSPHRASE_MIN, message: t('validation.passphraseShort') }] : []),
          ]}
        >
          <Input.Password autoFocus />
        </Form.Item>
        {dialog === 'seal' ? (
          <Form.Item
            name="repeat"
            label={t('drills.seal.repeat')}
            dependencies={['passphrase']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('passphrase')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('drills.seal.mismatch'))),
              }),
            ]}
          >
            <Input.Password />
          </Form.Item>
        ) : null}
      </FormModal>
    </Space>
  );
}
