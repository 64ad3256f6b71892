import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Result } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { opensSeal, type ScenarioSeal } from '@shared/domain/drill/scenario-seal';
import { useIsOpened, useUnsealedStore } from './unsealed-store';

/**
 * Shows `children` only once the scenario's passphrase was given on this screen (双盲: players sharing the
 * desk must not read the script). An unsealed scenario passes straight through.
 */
export function SealGate({
  scenarioId,
  seal,
  asksHere = true,
  children,
}: {
  scenarioId: string;
  seal: ScenarioSeal | undefined;
  /** False for the second gate on a screen: it hides its part, and the first one asks. */
  asksHere?: boolean;
  children: ReactNode;
}) {
  const isOpened = useIsOpened(scenarioId);
  if (!seal || isOpened) return <>{children}</>;
  return asksHere ? <SealPrompt scenarioId={scenarioId} seal={seal} /> : null;
}

function SealPrompt({ scenarioId, seal }: { scenarioId: string; seal: ScenarioSeal }) {
  const { t } = useTranslation();
  const open = useUnsealedStore((s) => s.open);
  const [form] = Form.useForm<{ passphrase: string }>();
  const [isChecking, setChecking] = useState(false);
  return (
    <Card size="small" data-testid="seal-gate">
      <Result
        icon={<LockOutlined />}
        title={t('drills.seal.sealedTitle')}
        subTitle={t('drills.seal.sealedHint', { by: seal.sealedBy })}
        extra={
          <Form
            form={form}
            layout="inline"
            style={{ justifyContent: 'center' }}
            onFinish={async ({ passphrase }) => {
              setChecking(true);
              const ok = await opensSeal(seal, passphrase);
              setChecking(false);
              if (ok) open(scenarioId);
              else form.setFields([{ name: 'passphrase', errors: [t('drills.errors.wrongPassphrase')] }]);
            }}
          >
            <Form.Item name="passphrase" rules={[{ required: true, message: t('validation.required') }]}>
              <Input.Password
                aria-label={t('drills.seal.passphrase')}
                placeholder={t('drills.seal.passphrase')}
                style={{ width: 240 }}
                autoFocus
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={isChecking}>
              {t('drills.seal.open')}
            </Button>
          </Form>
        }
      />
    </Card>
  );
}
