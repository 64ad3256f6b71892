/** Pieces both printable sheets share: the heading, the headline figures and numbered sections. */
import { Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/services';

/** "1小时05分" / "12分钟" (or 1 h 05 min) for a lateness. */
export function durationLabel(t: TFunction, ms: number): string {
  const total = Math.ceil(ms / 60_000);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return hours > 0
    ? t('reportsArea.duration.hours', { hours, minutes: String(minutes).padStart(2, '0') })
    : t('reportsArea.duration.minutes', { minutes: total });
}

export function SheetHeading({ title, lines }: { title: string; lines: string[] }) {
  return (
    <header className="brief-sheet-head">
      <h2 className="brief-sheet-title">{title}</h2>
      {lines.map((line) => (
        <div key={line} className="brief-sheet-sub">
          {line}
        </div>
      ))}
    </header>
  );
}

/**
 * A sheet as it is printed: the heading with the moment its figures stand at, the body, and the printed-at
 * line that only paper shows. Until the first figures are read it is a spinner; while newly chosen ones are
 * read the old ones stay, dimmed.
 */
export function PrintableSheet({
  testId,
  title,
  subtitle,
  asOf,
  isLoading,
  children,
}: {
  testId: string;
  title: string;
  subtitle: string;
  /** When the figures were added up; undefined until the first are read. */
  asOf: number | undefined;
  isLoading: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { now } = useServices();
  if (asOf === undefined)
    return (
      <Spin description={t('reportsArea.loading')}>
        <div style={{ height: 240 }} />
      </Spin>
    );
  return (
    <Spin spinning={isLoading} description={t('reportsArea.loading')}>
      <article className="brief-sheet" data-testid={testId}>
        <SheetHeading
          title={title}
          lines={[subtitle, t('reportsArea.asOf', { time: dayjs(asOf).format('YYYY-MM-DD HH:mm') })]}
        />
        {children}
        <div className="print-only brief-sheet-foot">
          {t('reportsArea.printedAt', { time: dayjs(now()).format('YYYY-MM-DD HH:mm') })}
        </div>
      </article>
    </Spin>
  );
}

/** The figures a reader takes in first, each one its own phrase (接报 3 起 · 其中转为事件 1 起 …). */
export function Headline({ items }: { items: { key: string; text: string; isAlert?: boolean }[] }) {
  return (
    <ul className="brief-headline" data-testid="brief-headline">
      {items.map((item) => (
        <li
          key={item.key}
          data-metric={item.key}
          className={item.isAlert ? 'brief-headline-alert' : undefined}
        >
          {item.text}
        </li>
      ))}
    </ul>
  );
}

export function SheetSection({
  index,
  title,
  testId,
  children,
}: {
  index: number;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const number = t('reportsArea.numerals').split(',')[index] ?? String(index + 1);
  return (
    <section className="brief-section" data-testid={testId}>
      <Typography.Title level={5} className="brief-section-title">
        {t('reportsArea.sectionTitle', { number, title })}
      </Typography.Title>
      {children}
    </section>
  );
}
