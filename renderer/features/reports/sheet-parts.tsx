/** Pieces both printable sheets share: the heading, the headline figures and numbered sections. */
import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
