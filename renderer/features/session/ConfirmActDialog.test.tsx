import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, Button } from 'antd';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabaseGate } from '@renderer/app/DatabaseGate';
import { createI18n } from '@renderer/i18n/i18n';
import { useServices, type Services } from '@renderer/services/services';
import { fakePlatform } from '../../../test/support/render-app';
import { ConfirmActDialog } from './ConfirmActDialog';
import { useConfirmAct } from './useConfirmAct';
import { useSession } from './useSession';

const T0 = new Date(2026, 10, 23, 10, 0).getTime();
/** 崔伟, 值班员 of the sample office. */
const OFFICER = {
  personId: '00000000-0000-4000-8000-000000030054',
  positionId: '00000000-0000-4000-8000-000000020006',
};

/** What a signing screen does: asks `confirm` before its write, and says what the answer was. */
function SignButton({
  onServices,
  onAnswer,
}: {
  onServices: (s: Services) => void;
  onAnswer: (ok: boolean) => void;
}) {
  const services = useServices();
  const session = useSession();
  const { confirm, dialogProps } = useConfirmAct();
  useEffect(() => {
    onServices(services);
  }, [services, onServices]);
  return (
    <>
      <span data-testid="signed-in">{session?.actor.name ?? ''}</span>
      <Button onClick={() => void confirm('report.approve').then(onAnswer)}>签发报告</Button>
      <ConfirmActDialog {...dialogProps} />
    </>
  );
}

async function renderSignButton() {
  const answers: boolean[] = [];
  let services: Services | null = null;
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <AntApp>
        <DatabaseGate platform={fakePlatform()} databaseName={`confirm-act-${crypto.randomUUID()}`}>
          <SignButton onServices={(s) => (services = s)} onAnswer={(ok) => answers.push(ok)} />
        </DatabaseGate>
      </AntApp>
    </I18nextProvider>,
  );
  const button = await screen.findByRole('button', { name: '签发报告' });
  await waitFor(() => expect(services).not.toBeNull());
  const ready = services as unknown as Services;
  await ready.settings.signIn(OFFICER.personId, OFFICER.positionId, '');
  // The screen hears of the sign-in through a live query: a click before that would find nobody signed in.
  await waitFor(() => expect(screen.getByTestId('signed-in').textContent).toBe('崔伟'));
  return { button, answers, services: ready, user: userEvent.setup() };
}

beforeEach(() => {
  // Only Date is faked: the desk's clock stands still at T0 unless moved, while IndexedDB's timers run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PIN re-check at the act', () => {
  it('goes straight on for a person without a PIN: no dialog, one click', async () => {
    const { button, answers, user } = await renderSignButton();
    await user.click(button);
    await waitFor(() => expect(answers).toEqual([true]));
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 60_000);

  it('asks for the PIN, counts wrong ones, locks at the fifth and confirms with the right one after the minute', async () => {
    const { button, answers, services, user } = await renderSignButton();
    await services.directory.setPin(OFFICER.personId, '2580', {
      personId: OFFICER.personId,
      name: '崔伟',
      positionId: OFFICER.positionId,
      positionName: '值班员',
    });

    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: '确认签发报告' });
    expect(within(dialog).getByText('请输入 PIN 以确认签发')).toBeTruthy();
    expect(within(dialog).getByText('签署人：崔伟（值班员）')).toBeTruthy();
    const pin = within(dialog).getByLabelText('PIN 码');
    await user.type(pin, '1111{Enter}');
    expect(await within(dialog).findByText('PIN 码不正确，还可尝试 4 次')).toBeTruthy();
    expect(await within(dialog).findByText('再输错 4 次将锁定 60 秒')).toBeTruthy();
    for (const left of [3, 2, 1]) {
      await user.type(pin, '0000{Enter}');
      expect(await within(dialog).findByText(`PIN 码不正确，还可尝试 ${left} 次`)).toBeTruthy();
    }
    await user.type(pin, '0000{Enter}');
    expect(await within(dialog).findByText('PIN 连续输错 5 次，已锁定，请 60 秒后再试')).toBeTruthy();
    expect(
      within(dialog)
        .getByRole('button', { name: /确\s*认/ })
        .hasAttribute('disabled'),
    ).toBe(true);
    expect(answers).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(answers).toEqual([false]));
    const audit = await services.audit.latest(10);
    expect(audit.filter((a) => a.action === 'act.pinWrong')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'act.locked')).toHaveLength(1);

    vi.setSystemTime(T0 + 60_000);
    await user.click(button);
    const again = await screen.findByRole('dialog', { name: '确认签发报告' });
    await user.type(within(again).getByLabelText('PIN 码'), '2580{Enter}');
    await waitFor(() => expect(answers).toEqual([false, true]));
    expect(await services.settings.pinAttempts(OFFICER.personId)).toEqual({ failures: 0, lockedUntil: null });
  }, 60_000);
});
