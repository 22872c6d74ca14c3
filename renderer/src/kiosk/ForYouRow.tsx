import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { SuggestionRow } from './SuggestionRow.js';
import { recommendRequest, type Visit } from './visit.js';

/**
 * Shows the "for you" row from `POST /api/rec/recommend`, driven by the toys
 * opened in this visit, the quiz answers and the member code. It is hidden
 * until the visit has one of them, and reloads whenever the visit changes.
 */
export function ForYouRow({ visit, onOpenProduct }: { visit: Visit; onOpenProduct: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const request = recommendRequest(visit, i18n.language === 'en' ? 'en' : 'zh-CN');
  const suggestions = useApi<Suggestion[]>(request ? '/api/rec/recommend' : null, isSuggestionList, request ?? undefined);
  if (!request) return null;
  return (
    <SuggestionRow
      title={t('rec.forYouTitle')}
      suggestions={suggestions}
      onOpenProduct={onOpenProduct}
      testId="for-you-row"
      emptyText={t('rec.forYouEmpty')}
    />
  );
}
