import { useTranslation } from 'react-i18next';
import { translateErrorCode } from '../i18n/errorText.js';
import { ApiRequestError } from './api.js';

/** Shows a kind, translated error message with a retry button in place of the content that failed. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof ApiRequestError
    ? translateErrorCode(t, 'errors', error.code, error.message)
    : t('common.somethingWrong');
  return (
    <div className="error-panel" role="alert" data-error-code={error instanceof ApiRequestError ? error.code : 'unknown'}>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="retry-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
