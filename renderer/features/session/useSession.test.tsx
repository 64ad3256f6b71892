import { act, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { DatabaseGate } from '@renderer/app/DatabaseGate';
import { createI18n } from '@renderer/i18n/i18n';
import { useServices, type Services } from '@renderer/services/services';
import { useUiStore } from '@renderer/stores/ui-store';
import { fakePlatform } from '../../../test/support/render-app';
import { useActor, useSession } from './useSession';

/** 崔伟, 值班员 of the sample office. */
const OFFICER = {
  personId: '00000000-0000-4000-8000-000000030054',
  positionId: '00000000-0000-4000-8000-000000020006',
};

/** A panel that asks for its author during its very first render, as a click right after it opens does. */
function LatePanel({ onActor }: { onActor: (actor: Actor | null) => void }) {
  const actor = useActor();
  onActor(actor());
  return <span>late panel</span>;
}

function Window({
  onServices,
  onActor,
}: {
  onServices: (s: Services) => void;
  onActor: (actor: Actor | null) => void;
}) {
  const services = useServices();
  const session = useSession();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    onServices(services);
  }, [services, onServices]);
  return (
    <>
      <span data-testid="header">
        {session === undefined ? 'loading' : (session?.actor.name ?? 'nobody')}
      </span>
      <button onClick={() => setOpen(true)}>open</button>
      {open && <LatePanel onActor={onActor} />}
    </>
  );
}

async function renderWindow() {
  const actors: (Actor | null)[] = [];
  let services: Services | null = null;
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <AntApp>
        <DatabaseGate platform={fakePlatform()} databaseName={`session-${crypto.randomUUID()}`}>
          <Window onServices={(s) => (services = s)} onActor={(a) => actors.push(a)} />
        </DatabaseGate>
      </AntApp>
    </I18nextProvider>,
  );
  await waitFor(() => expect(services).not.toBeNull());
  return { actors, services: services as unknown as Services };
}

afterEach(() => useUiStore.getState().setSignInOpen(false));

describe('the session, read once per window', () => {
  it('gives a panel that has just mounted the signed-in author at its first render', async () => {
    const { actors, services } = await renderWindow();
    await services.settings.signIn(OFFICER.personId, OFFICER.positionId, '');
    await waitFor(() => expect(screen.getByTestId('header').textContent).toBe('崔伟'));

    act(() => screen.getByRole('button', { name: 'open' }).click());
    expect(screen.getByText('late panel')).toBeTruthy();
    expect(actors[0]).toMatchObject({ name: '崔伟', positionName: '值班员' });
    expect(useUiStore.getState().signInOpen).toBe(false);
  }, 60_000);

  it('refuses and opens the sign-in dialog only once the window knows nobody is signed in', async () => {
    const { actors } = await renderWindow();
    await waitFor(() => expect(screen.getByTestId('header').textContent).toBe('nobody'));

    act(() => screen.getByRole('button', { name: 'open' }).click());
    expect(actors[0]).toBeNull();
    expect(useUiStore.getState().signInOpen).toBe(true);
  }, 60_000);
});
