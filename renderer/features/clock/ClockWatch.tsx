import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roughDuration, type ClockAnomaly } from '@shared/domain/clock/clock-jump';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { startClockWatch, type ClockWatchDeps } from './clock-watch';

const TIME = 'YYYY-MM-DD HH:mm:ss';
/** Older notices are in the logs and the audit trail; the strip shows the latest few. */
const MAX_NOTICES = 3;

interface Notice {
  id: number;
  anomaly: ClockAnomaly;
  outcome: Parameters<ClockWatchDeps['notify']>[1];
}

/**
 * Runs the clock watch while the shell is mounted (once per window), with the desk's clock and the page's
 * monotonic clock, and tells the operator in a strip at the top of every screen until they close it. A strip
 * rather than a floating notification: a notice that stays until read must not cover what is under it (it hid
 * the header's actions and the 导调台's ENDEX button).
 */
export function ClockWatch() {
  const { t } = useTranslation();
  const { clock, now } = useServices();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let id = 0;
    return startClockWatch({
      wallNow: now,
      monotonicNow: () => performance.now(),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      record: (anomaly) => clock.recordAnomaly(anomaly),
      notify: (anomaly, outcome) =>
        setNotices((shown) => [{ id: (id += 1), anomaly, outcome }, ...shown].slice(0, MAX_NOTICES)),
    });
  }, [clock, now]);

  if (notices.length === 0) return null;
  return (
    <div data-testid="clock-notices">
      {notices.map(({ id, anomaly, outcome }) => (
        <Alert
          key={id}
          type="warning"
          banner
          showIcon
          closable={{ onClose: () => setNotices((shown) => shown.filter((n) => n.id !== id)) }}
          title={t(`systemHealth.clock.${anomaly.kind}Title`)}
          description={t('systemHealth.clock.notice', {
            body: anomalyText(anomaly, t),
            outcome:
              'recorded' in outcome
                ? t('systemHealth.clock.logged', { count: outcome.recorded })
                : t('systemHealth.clock.notLogged', { reason: translateError(t, outcome.error) }),
          })}
        />
      ))}
    </div>
  );
}

function anomalyText(anomaly: ClockAnomaly, t: ReturnType<typeof useTranslation>['t']): string {
  if (anomaly.kind === 'suspend') {
    const { unit, count } = roughDuration(anomaly.gapMs);
    return t('systemHealth.clock.suspendBody', {
      duration: t(`systemHealth.clock.${unit}`, { count }),
      from: dayjs(anomaly.from).format(TIME),
      to: dayjs(anomaly.to).format(TIME),
    });
  }
  const seconds = Math.round(anomaly.skewMs / 1000);
  return t('systemHealth.clock.jumpBody', {
    seconds: seconds > 0 ? `+${seconds}` : `−${-seconds}`,
    from: dayjs(anomaly.expected).format(TIME),
    to: dayjs(anomaly.actual).format(TIME),
  });
}
