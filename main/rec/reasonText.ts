/**
 * Kiosk wording of each recommendation reason, in both languages. The API
 * sends the finished sentence, so the screens need no copy of this table.
 */
import type { Lang } from '../api/wire.js';
import type { ReasonCode } from '../../ml/rec/types.js';

/** Reason for a similar toy from the text of the two products, not from baskets. */
export type ServiceReasonCode = ReasonCode | 'similar_toy' | 'fits_age' | 'within_budget';

const REASONS: Record<ServiceReasonCode, Record<Lang, string>> = {
  because_viewed: { 'zh-CN': '与「{source}」相关', en: 'Goes with "{source}"' },
  bought_together: { 'zh-CN': '常一起购买', en: 'Often bought together' },
  similar_content: { 'zh-CN': '相似的玩具', en: 'Similar toy' },
  similar_toy: { 'zh-CN': '相似的玩具', en: 'Similar toy' },
  similar_shoppers: { 'zh-CN': '相似的顾客也喜欢', en: 'Shoppers like you liked this' },
  popular: { 'zh-CN': '本店热销', en: 'Popular in our store' },
  trending_in_store: { 'zh-CN': '最近很受欢迎', en: 'Trending this week' },
  popular_for_age: { 'zh-CN': '同龄小朋友喜欢', en: 'Popular at this age' },
  matches_interest: { 'zh-CN': '符合孩子的兴趣', en: 'Matches their interests' },
  promotion: { 'zh-CN': '店内推荐', en: 'Store pick' },
  fits_age: { 'zh-CN': '适合这个年龄', en: 'Right for this age' },
  within_budget: { 'zh-CN': '在预算之内', en: 'Within your budget' },
};

/** Returns the reason sentence, with `{source}` replaced by the source product's name when given. */
export function reasonText(code: ServiceReasonCode, lang: Lang, sourceName?: string): string {
  const template = REASONS[code][lang];
  if (!template.includes('{source}')) return template;
  if (sourceName === undefined) return REASONS.similar_content[lang];
  return template.replace('{source}', sourceName);
}
