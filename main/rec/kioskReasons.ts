/**
 * Shopper-facing reasons of the kiosk's suggestion rows, in Simplified
 * Chinese and English. Every row (for you, often bought together, similar
 * toys) takes its reason text from here.
 *
 * Privacy rule: the kiosk is a public screen, so a reason may name a toy only
 * when the shopper opened it in this visit. A suggestion driven by a member's
 * earlier purchases gets the generic `member_history` text, because naming
 * the purchased toy would show that member's history to anyone who typed the
 * code.
 */
import type { Explanation } from '../../ml/rec/types.js';
import type { Lang } from '../api/wire.js';

export type KioskReasonCode =
  | 'viewed'
  | 'member_history'
  | 'bought_together'
  | 'similar_content'
  | 'popular_for_age'
  | 'matches_interest'
  | 'trending_in_store'
  | 'promotion';

export interface KioskReason {
  code: KioskReasonCode;
  /** Name of a toy opened in this visit, used only by `viewed`. */
  toyName?: string | undefined;
}

interface ReasonTemplates {
  plain: Record<Lang, string>;
  /** Form with `{name}` for the toy's name, used when `toyName` is set. */
  named?: Record<Lang, string>;
}

export const KIOSK_REASON_TEXT: Record<KioskReasonCode, ReasonTemplates> = {
  viewed: {
    plain: { 'zh-CN': '根据你看过的玩具推荐', en: 'Based on toys you looked at' },
    named: { 'zh-CN': '因为你看了「{name}」', en: 'Because you looked at {name}' },
  },
  member_history: { plain: { 'zh-CN': '根据会员购买记录推荐', en: 'Based on member purchases' } },
  bought_together: { plain: { 'zh-CN': '常被一起购买', en: 'Often bought together' } },
  similar_content: { plain: { 'zh-CN': '相似的玩具', en: 'A similar toy' } },
  popular_for_age: { plain: { 'zh-CN': '同年龄段热卖', en: 'Popular for this age' } },
  matches_interest: { plain: { 'zh-CN': '符合孩子的兴趣', en: "Matches your child's interests" } },
  trending_in_store: { plain: { 'zh-CN': '本店热卖', en: 'Trending in this store' } },
  promotion: { plain: { 'zh-CN': '店长推荐', en: 'Store pick' } },
};

/** Formats a reason in `lang`. A `viewed` reason without a toy name uses the plain form. */
export function kioskReasonText(reason: KioskReason, lang: Lang): string {
  const templates = KIOSK_REASON_TEXT[reason.code];
  if (templates.named && reason.toyName !== undefined) {
    const name = reason.toyName;
    // A function replacement, so `$&` or `$1` in a product name stays literal.
    return templates.named[lang].replace('{name}', () => name);
  }
  return templates.plain[lang];
}

/** Facts of one for-you request that decide the reasons of its suggestions. */
export interface ReasonContext {
  /** Product ids opened in this visit. */
  visitItems: ReadonlySet<string>;
  /** True when a member code with purchases took part in the ranking. */
  hasMemberHistory: boolean;
  /** Name of a product in the request's language, or undefined when it is not in the catalog. */
  nameOf: (productId: string) => string | undefined;
  /** True when the store's baskets show the two toys bought together more often than chance. */
  boughtWith: (sourceId: string, productId: string) => boolean;
}

/**
 * Maps a model explanation of suggestion `productId` in the for-you row to
 * the kiosk reason. Item-to-item reasons (co-purchase, text similarity,
 * similar shoppers) name their source toy only when it is a visit item, and
 * a co-purchase reason only when the baskets back it (`boughtWith`). A
 * source outside the visit comes from the member's purchases, and gets the
 * generic member reason.
 */
export function forYouReason(explanation: Explanation, productId: string, context: ReasonContext): KioskReason {
  switch (explanation.code) {
    case 'because_viewed':
    case 'bought_together': {
      // A co-purchase score can come mostly from the suggestion's own popularity. Naming the
      // visit toy then overstates the link, so a weak pair reads as a store trend instead.
      const source = explanation.sourceItemId;
      const weakLink = source !== undefined && context.visitItems.has(source) && !context.boughtWith(source, productId);
      return weakLink ? { code: 'trending_in_store' } : itemDrivenReason(source, context);
    }
    case 'similar_content':
    case 'similar_shoppers':
      return itemDrivenReason(explanation.sourceItemId, context);
    case 'popular':
    case 'trending_in_store':
      // Popularity is fitted on this store's baskets only, so "popular" is this store's trend.
      return { code: 'trending_in_store' };
    case 'popular_for_age':
      return { code: 'popular_for_age' };
    case 'matches_interest':
      return { code: 'matches_interest' };
    case 'promotion':
      return { code: 'promotion' };
  }
}

function itemDrivenReason(sourceItemId: string | undefined, context: ReasonContext): KioskReason {
  if (sourceItemId !== undefined) {
    if (!context.visitItems.has(sourceItemId)) return { code: 'member_history' };
    return { code: 'viewed', toyName: context.nameOf(sourceItemId) };
  }
  if (context.visitItems.size > 0) return { code: 'viewed' };
  return context.hasMemberHistory ? { code: 'member_history' } : { code: 'trending_in_store' };
}
