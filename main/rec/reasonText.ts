/**
 * Kiosk wording of each recommendation reason, in both languages. The API
 * sends the finished sentence, so the screens need no copy of this table.
 */
import type { Lang } from '../api/wire.js';
import type { ReasonCode } from '../../ml/rec/types.js';

/**
 * The model's reason codes plus `similar_toy`, the reason of the similar-toys
 * row. In the kiosk's hybrid, ItemKnn is fitted on baskets, so its
 * `because_viewed` means "bought together with the source".
 */
export type KioskReasonCode = ReasonCode | 'similar_toy';

interface ReasonTemplates {
  /** Sentence without a source product. */
  plain: Record<Lang, string>;
  /** Sentence naming the source product as `{source}`; absent where the reason has no source. */
  withSource?: Record<Lang, string>;
}

const REASONS: Record<KioskReasonCode, ReasonTemplates> = {
  because_viewed: {
    plain: { 'zh-CN': '常一起购买', en: 'Often bought together' },
    withSource: { 'zh-CN': '常和「{source}」一起购买', en: 'Often bought with {source}' },
  },
  bought_together: {
    plain: { 'zh-CN': '常一起购买', en: 'Often bought together' },
    withSource: { 'zh-CN': '常和「{source}」一起购买', en: 'Often bought with {source}' },
  },
  similar_content: {
    plain: { 'zh-CN': '相似的玩具', en: 'Similar toy' },
    withSource: { 'zh-CN': '和「{source}」相似', en: 'Similar to {source}' },
  },
  similar_toy: { plain: { 'zh-CN': '相似的玩具', en: 'Similar toy' } },
  similar_shoppers: { plain: { 'zh-CN': '相似的顾客也喜欢', en: 'Shoppers like you liked this' } },
  popular: { plain: { 'zh-CN': '本店热销', en: 'Popular in our store' } },
  trending_in_store: { plain: { 'zh-CN': '最近很受欢迎', en: 'Popular lately' } },
  popular_for_age: { plain: { 'zh-CN': '同龄小朋友喜欢', en: 'Popular at this age' } },
  matches_interest: { plain: { 'zh-CN': '符合孩子的兴趣', en: 'Matches their interests' } },
  promotion: { plain: { 'zh-CN': '店内推荐', en: 'Store pick' } },
};

/** Returns the reason sentence, naming the source product when the reason has one and `sourceName` is given. */
export function reasonText(code: KioskReasonCode, lang: Lang, sourceName?: string): string {
  const templates = REASONS[code];
  if (sourceName !== undefined && templates.withSource) return templates.withSource[lang].replace('{source}', sourceName);
  return templates.plain[lang];
}
