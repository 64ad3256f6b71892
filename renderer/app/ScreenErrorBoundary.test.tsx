import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';

function Broken(): never {
  throw new Error('drills.load failed: notFound');
}

describe('a screen that throws while drawing', () => {
  it('shows what failed and a reload button instead of a blank window', () => {
    // React reports the caught error on the console; that is expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <ScreenErrorBoundary>
          <Broken />
        </ScreenErrorBoundary>
      </I18nextProvider>,
    );
    expect(screen.getByText('本页面出错，未能显示')).toBeTruthy();
    expect(screen.getByText('drills.load failed: notFound')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新加载' })).toBeTruthy();
    quiet.mockRestore();
  });
});
