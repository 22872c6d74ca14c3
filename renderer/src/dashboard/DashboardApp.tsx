import { useTranslation } from 'react-i18next';
import { translateErrorCode } from '../i18n/errorText.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { useDocumentTitle } from '../shared/useDocumentTitle.js';
import { CameraList } from './CameraList.js';
import { formatClock } from './format.js';
import { HeatmapGrid } from './HeatmapGrid.js';
import { HourlyChart } from './HourlyChart.js';
import { listNotices, liveErrorCode, NoticeList } from './NoticeList.js';
import { TotalsPanel } from './TotalsPanel.js';
import { useTrafficEvents, type ConnectionState } from './useTrafficEvents.js';
import { ZoneTable } from './ZoneTable.js';

function ConnectionBanner({ connection, hasData }: { connection: ConnectionState; hasData: boolean }) {
  const { t } = useTranslation();
  if (connection === 'open') return null;
  if (connection === 'connecting' && !hasData) {
    return <div className="banner banner-info" role="status">{t('dashboard.connecting')}</div>;
  }
  return <div className="banner banner-lost" role="alert" data-testid="connection-lost">{t('dashboard.connectionLost')}</div>;
}

/** Shows the store manager today's traffic, updated live from the `/api/events` stream. */
export function DashboardApp() {
  const { t, i18n } = useTranslation();
  const { summary, connection, receivedAtMs } = useTrafficEvents();
  const errorCode = summary ? liveErrorCode(summary) : null;
  useDocumentTitle('dashboard.title');

  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          {summary && (
            <span className="dashboard-meta">
              {t('dashboard.dateLabel', { date: summary.date })}
              {receivedAtMs !== null && ` · ${t('dashboard.updatedAt', { time: formatClock(receivedAtMs, i18n.language) })}`}
            </span>
          )}
        </div>
        <LanguageSwitch />
      </header>
      <ConnectionBanner connection={connection} hasData={summary !== null} />
      {errorCode && (
        <div className="banner banner-lost" role="alert" data-testid="store-error">
          {translateErrorCode(t, 'errors', errorCode, null)}
        </div>
      )}
      {summary && <NoticeList notices={listNotices(summary)} />}
      {summary && (
        <main className="dashboard-grid">
          <TotalsPanel summary={summary} />
          <HourlyChart hourly={summary.hourly} />
          <CameraList cameras={summary.cameras} />
          <ZoneTable zones={summary.zones} cameras={summary.cameras} />
          <HeatmapGrid summary={summary} />
        </main>
      )}
    </div>
  );
}
