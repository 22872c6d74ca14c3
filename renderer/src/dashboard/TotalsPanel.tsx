import { useTranslation } from 'react-i18next';
import type { TrafficSummary } from '../../../main/api/wire.js';
import { formatCount } from './format.js';

/** Shows the three big numbers: visitors in, visitors out and people in the store now. */
export function TotalsPanel({ summary }: { summary: TrafficSummary }) {
  const { t, i18n } = useTranslation();
  const totals = [
    { key: 'in', label: t('dashboard.visitorsIn'), value: summary.in },
    { key: 'out', label: t('dashboard.visitorsOut'), value: summary.out },
    { key: 'occupancy', label: t('dashboard.occupancy'), value: summary.occupancy },
  ];
  return (
    <section className="totals">
      {totals.map((total) => (
        <div key={total.key} className={`total total-${total.key}`} data-testid={`total-${total.key}`}>
          <span className="total-label">{total.label}</span>
          <span className="total-value">{formatCount(total.value, i18n.language)}</span>
        </div>
      ))}
    </section>
  );
}
