import { useTranslation } from 'react-i18next';

/** The 演练 / DRILL mark over every drill screen, so no one takes a drill message for a real one. */
export function DrillWatermark() {
  const { t } = useTranslation();
  return (
    <div className="drill-watermark" aria-hidden data-testid="drill-watermark">
      {Array.from({ length: 12 }, (_, i) => (
        <span key={i}>{t('drills.watermark')}</span>
      ))}
    </div>
  );
}
