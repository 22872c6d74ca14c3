import { useTranslation } from 'react-i18next';
import type { TrafficSummary } from '../../../main/api/wire.js';
import { estimateInStore, formatCount } from './format.js';

/**
 * Shows the big numbers: visitors in and out today, the people the cameras
 * see now, and the people in the store estimated from the entrance counts.
 */
export function TotalsPanel({ summary }: { summary: TrafficSummary }) {
  const { t, i18n } = useTranslation();
  const totals = [
    { key: 'in', label: t('dashboard.visitorsIn'), value: summary.in, hint: null },
    { key: 'out', label: t('dashboard.visitorsOut'), value: summary.out, hint: null },
    { key: 'occupancy', label: t('dashboard.occupancy'), value: summary.occupancy, hint: t('dashboard.occupancyHint') },
    {
      key: 'in-store',
      label: t('dashboard.inStoreEstimate'),
      value: estimateInStore(summary),
      hint: t('dashboard.inStoreEstimateHint'),
    },
  ];
  return (
    <section className="totals">
      {totals.map((total) => (
        <div key={total.key} className={`total total-${total.key}`} data-testid={`total-${total.key}`}>
          <span className="total-label">{total.label}</span>
          <span className="total-value">{formatCount(total.value, i18n.language)}</span>
          {total.hint !== null && <span className="total-hint">{total.hint}</span>}
        </div>
      ))}
    </section>
  );
}
