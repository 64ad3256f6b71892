import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LONG_RUN_INJECTS, longRunDelivered } from '../../../test/support/long-drill-fixture';
import { renderApp } from '../../../test/support/render-app';

describe('参演人员 screen', () => {
  it('shows the newest 30 delivered messages and the earlier ones on request', async () => {
    const { databaseName } = renderApp({ route: '#/directory' });
    await screen.findByRole('searchbox');
    const runId = await longRunDelivered(databaseName);
    window.location.hash = `#/screen/drills/${runId}`;

    await waitFor(() => expect(screen.getAllByTestId('participant-inject')).toHaveLength(30));
    expect(screen.getAllByTestId('participant-inject')[0]?.textContent).toContain('第35条情况');
    const earlier = screen.getByRole('button', { name: '显示更早的 5 条情况（尚有 5 条）' });
    await userEvent.setup().click(earlier);
    await waitFor(() => expect(screen.getAllByTestId('participant-inject')).toHaveLength(LONG_RUN_INJECTS));
    expect(screen.getAllByTestId('participant-inject').at(-1)?.textContent).toContain('第1条情况');
    expect(screen.queryByTestId('show-earlier')).toBeNull();
  }, 40_000);
});
