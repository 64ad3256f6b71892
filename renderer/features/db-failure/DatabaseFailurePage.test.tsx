import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/support/render-app';

function createNewerDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 990);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('people', { keyPath: 'id' }).add({ id: 'a', name: '张三' });
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('a database that does not open', () => {
  it('says why, keeps the data, and exports what can be read', async () => {
    const databaseName = `newer-${crypto.randomUUID()}`;
    await createNewerDatabase(databaseName);
    const user = userEvent.setup();
    const { platform } = renderApp({ databaseName });

    expect(await screen.findByText('无法打开本地数据库')).toBeTruthy();
    expect(screen.getByTestId('db-failure-kind').textContent).toContain('更新版本');
    await user.click(screen.getByRole('button', { name: /导出可读取的数据/ }));
    await waitFor(() => expect(platform.saved).toHaveLength(1));
    const bundle = JSON.parse(String(platform.saved[0]?.content)) as { tables: Record<string, unknown[]> };
    expect(bundle.tables['people']).toEqual([{ id: 'a', name: '张三' }]);

    // Nothing was reset: the newer database is still at its own version with its row.
    const databases = await indexedDB.databases();
    expect(databases.find((d) => d.name === databaseName)?.version).toBe(990);
  });
});
