import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import type { ApiState } from '../shared/useApi.js';
import { ProductTile } from './ProductTile.js';

/** A suggestion list as `useApi` returns it. */
export type SuggestionState = ApiState<Suggestion[]> & { retry: () => void };

interface SuggestionRowProps {
  title: string;
  suggestions: SuggestionState;
  onOpenProduct: (id: string) => void;
  testId: string;
  /** Note shown when the list is empty. Without it an empty row is not drawn at all. */
  emptyText?: string;
}

/**
 * Shows a titled, horizontally scrolling row of suggested toys, each with the
 * reason the API gave. While a new list loads, the previous one stays on
 * screen so the row does not jump.
 */
export function SuggestionRow({ title, suggestions, onOpenProduct, testId, emptyText }: SuggestionRowProps) {
  const { t } = useTranslation();
  let shown: Suggestion[] | undefined;
  if (suggestions.status === 'ready') shown = suggestions.data;
  else if (suggestions.status === 'loading') shown = suggestions.previous;

  if (shown && shown.length === 0 && emptyText === undefined) return null;
  return (
    <section className="suggestion-row" data-testid={testId} aria-busy={suggestions.status === 'loading'}>
      <h2>{title}</h2>
      {suggestions.status === 'loading' && !shown && <p className="loading">{t('common.loading')}</p>}
      {suggestions.status === 'error' && <ErrorPanel error={suggestions.error} onRetry={suggestions.retry} />}
      {shown && shown.length === 0 && <p className="empty-note">{emptyText}</p>}
      {shown && shown.length > 0 && (
        <div className="suggestion-scroller">
          {shown.map((suggestion) => (
            <ProductTile key={suggestion.product.id} product={suggestion.product} reason={suggestion.reason} onOpen={onOpenProduct} />
          ))}
        </div>
      )}
    </section>
  );
}
