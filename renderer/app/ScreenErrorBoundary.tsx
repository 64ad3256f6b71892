import { Button, Result, Typography } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A screen that throws while drawing shows what went wrong and a way back, instead of React removing the whole
 * app and leaving a blank window in front of a duty officer. What was saved is on disk; nothing is lost.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    return this.state.error ? <ScreenError error={this.state.error} /> : this.props.children;
  }
}

function ScreenError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('app.screenFailed')}
      subTitle={t('app.screenFailedHint')}
      extra={
        <>
          <Typography.Paragraph code copyable>
            {error.message}
          </Typography.Paragraph>
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </Button>
        </>
      }
      data-testid="screen-error"
    />
  );
}
