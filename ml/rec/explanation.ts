/**
 * Shopper-facing text of each reason code in Simplified Chinese and English.
 * `{source}` is replaced by the title of the context item that triggered the
 * suggestion; without one, the plain form is used.
 */
import type { Explanation, ReasonCode } from './types.js';

export type ExplanationLanguage = 'zh-CN' | 'en';

interface Templates {
  plain: Record<ExplanationLanguage, string>;
  withSource?: Record<ExplanationLanguage, string>;
}

export const EXPLANATION_TEMPLATES: Record<ReasonCode, Templates> = {
  because_viewed: {
    plain: { 'zh-CN': '根据你看过的玩具推荐', en: 'Based on toys you looked at' },
    withSource: { 'zh-CN': '因为你看了「{source}」', en: 'Because you looked at {source}' },
  },
  bought_together: {
    plain: { 'zh-CN': '常被一起购买', en: 'Often bought together' },
    withSource: { 'zh-CN': '常和「{source}」一起购买', en: 'Often bought with {source}' },
  },
  similar_content: {
    plain: { 'zh-CN': '相似的玩具', en: 'A similar toy' },
    withSource: { 'zh-CN': '和「{source}」相似', en: 'Similar to {source}' },
  },
  similar_shoppers: { plain: { 'zh-CN': '相似的顾客也喜欢', en: 'Shoppers like you liked this' } },
  popular: { plain: { 'zh-CN': '热卖商品', en: 'Popular right now' } },
  trending_in_store: { plain: { 'zh-CN': '本店近期热卖', en: 'Trending in this store' } },
  popular_for_age: { plain: { 'zh-CN': '同年龄段热卖', en: 'Popular for this age' } },
  matches_interest: { plain: { 'zh-CN': '符合孩子的兴趣', en: "Matches your child's interests" } },
  promotion: { plain: { 'zh-CN': '店长推荐', en: 'Store pick' } },
};

/** Text for an explanation; `titleOf` returns the display title of an item id, or undefined when unknown. */
export function describeExplanation(
  explanation: Explanation,
  language: ExplanationLanguage,
  titleOf: (itemId: string) => string | undefined,
): string {
  const templates = EXPLANATION_TEMPLATES[explanation.code];
  const title = explanation.sourceItemId === undefined ? undefined : titleOf(explanation.sourceItemId);
  if (title !== undefined && templates.withSource) return templates.withSource[language].replace('{source}', title);
  return templates.plain[language];
}
