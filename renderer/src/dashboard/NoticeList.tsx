import { useTranslation } from 'react-i18next';
import type { StoreNotice, TrafficSummary } from '../../../main/api/wire.js';
import { translateErrorCode } from '../i18n/errorText.js';
import { formatClock } from './format.js';

/** Returns the summary's notices, or an empty list when it has none (an older store computer sends none). */
export function listNotices(summary: Pick<TrafficSummary, 'notices'>): readonly StoreNotice[] {
  return Array.isArray(summary.notices) ? summary.notices : [];
}

/**
 * Returns the summary's live store error, or null when a notice already
 * shows the same code (a recovered database is both), so it is shown once.
 */
export function liveErrorCode(summary: Pick<TrafficSummary, 'errorCode' | 'notices'>): string | null {
  const code = summary.errorCode;
  if (!code) return null;
  return listNotices(summary).some((notice) => notice.code === code) ? null : code;
}

/**
 * Shows start-up problems that leave the app serving in a reduced way, such
 * as a rejected catalog file. They are no emergency, so the banner is calm
 * and stays until the next start. Text comes from `notices.<code>`, with the
 * English message as the fallback for a code this screen does not know.
 */
export function NoticeList({ notices }: { notices: readonly StoreNotice[] }) {
  const { t, i18n } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <section className="notices" role="status" aria-label={t('dashboard.noticesTitle')} data-testid="notices">
      <h2 className="notices-title">{t('dashboard.noticesTitle')}</h2>
      <ul>
        {notices.map((notice) => (
          <li key={`${notice.code}:${notice.atMs}:${notice.message}`} data-notice-code={notice.code}>
            <span className="notice-time">{formatClock(notice.atMs, i18n.language)}</span>
            <span className="notice-text">{translateErrorCode(t, 'notices', notice.code, notice.message)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
