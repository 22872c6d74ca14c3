import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { HourlyCount } from '../../../main/api/wire.js';
import { HOURS_PER_DAY, hourLabel, toHourlySeries } from './format.js';

// chart.js 4 draws only with registered controllers, elements and scales; importing just these keeps the bundle small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const IN_COLOR = '#2a9d8f';
const OUT_COLOR = '#e76f51';

/** Visitors in and out per hour of today as a grouped bar chart. */
export function HourlyChart({ hourly }: { hourly: readonly HourlyCount[] }) {
  const { t, i18n } = useTranslation();
  const series = useMemo(() => toHourlySeries(hourly), [hourly]);
  const hasVisitors = series.in.some((n) => n > 0) || series.out.some((n) => n > 0);

  const data = useMemo(() => ({
    labels: Array.from({ length: HOURS_PER_DAY }, (_, hour) => hourLabel(hour)),
    datasets: [
      { label: t('dashboard.hourlyIn'), data: series.in, backgroundColor: IN_COLOR },
      { label: t('dashboard.hourlyOut'), data: series.out, backgroundColor: OUT_COLOR },
    ],
  }), [series, t, i18n.language]);

  const options = useMemo(() => ({
    responsive: true,
    maintainAspectRatio: false,
    // Live updates arrive every few seconds; animating each one would only distract.
    animation: false as const,
    scales: {
      x: { title: { display: true, text: t('dashboard.hourAxis') }, ticks: { maxRotation: 0, autoSkip: true } },
      y: { beginAtZero: true, title: { display: true, text: t('dashboard.countAxis') }, ticks: { precision: 0 } },
    },
    plugins: { legend: { position: 'top' as const } },
  }), [t, i18n.language]);

  return (
    <section className="panel panel-hourly">
      <h2>{t('dashboard.hourlyTitle')}</h2>
      {hasVisitors ? (
        <div className="chart-box" data-testid="hourly-chart">
          <Bar data={data} options={options} aria-label={t('dashboard.hourlyTitle')} role="img" />
        </div>
      ) : (
        <p className="empty-note" data-testid="hourly-empty">{t('dashboard.noVisitorsYet')}</p>
      )}
    </section>
  );
}
