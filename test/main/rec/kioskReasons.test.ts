import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../ml/rec/types.js';
import { forYouReason, KIOSK_REASON_TEXT, kioskReasonText, type KioskReason, type ReasonContext } from '../../../main/rec/kioskReasons.js';

const NAMES: Record<string, string> = { 'veh-010': 'Railway Set', 'dol-003': 'Doll House' };

/** `linked` is the baskets' verdict on every pair: bought together more than chance, or not. */
function context(visitItems: string[], hasMemberHistory: boolean, linked = true): ReasonContext {
  return { visitItems: new Set(visitItems), hasMemberHistory, nameOf: (id) => NAMES[id], boughtWith: () => linked };
}

describe('forYouReason', () => {
  const cases: { note: string; explanation: Explanation; context: ReasonContext; expected: KioskReason }[] = [
    // Co-purchase from a toy opened in this visit names that toy.
    { note: 'visit co-purchase', explanation: { code: 'because_viewed', sourceItemId: 'veh-010' }, context: context(['veh-010'], false), expected: { code: 'viewed', toyName: 'Railway Set' } },
    // Text similarity to a visit toy reads the same, because the shopper looked at it.
    { note: 'visit text similarity', explanation: { code: 'similar_content', sourceItemId: 'veh-010' }, context: context(['veh-010'], true), expected: { code: 'viewed', toyName: 'Railway Set' } },
    // A source outside the visit is a member purchase, so the reason is generic and names nothing.
    { note: 'member co-purchase', explanation: { code: 'because_viewed', sourceItemId: 'dol-003' }, context: context(['veh-010'], true), expected: { code: 'member_history' } },
    { note: 'member text similarity', explanation: { code: 'similar_content', sourceItemId: 'dol-003' }, context: context([], true), expected: { code: 'member_history' } },
    { note: 'member bought together', explanation: { code: 'bought_together', sourceItemId: 'dol-003' }, context: context([], true), expected: { code: 'member_history' } },
    // A co-purchase that the baskets do not back (lift ≤ 1 or one shared basket) reads as a store trend.
    { note: 'weak visit co-purchase', explanation: { code: 'because_viewed', sourceItemId: 'veh-010' }, context: context(['veh-010'], false, false), expected: { code: 'trending_in_store' } },
    { note: 'weak visit bought together', explanation: { code: 'bought_together', sourceItemId: 'veh-010' }, context: context(['veh-010'], false, false), expected: { code: 'trending_in_store' } },
    // Text similarity needs no basket support, and a member's source stays generic either way.
    { note: 'text similarity without baskets', explanation: { code: 'similar_content', sourceItemId: 'veh-010' }, context: context(['veh-010'], false, false), expected: { code: 'viewed', toyName: 'Railway Set' } },
    { note: 'weak member co-purchase', explanation: { code: 'because_viewed', sourceItemId: 'dol-003' }, context: context([], true, false), expected: { code: 'member_history' } },
    // A visit toy that left the catalog keeps the visit reason without a name.
    { note: 'visit toy without name', explanation: { code: 'because_viewed', sourceItemId: 'gone-001' }, context: context(['gone-001'], false), expected: { code: 'viewed', toyName: undefined } },
    // Similar shoppers carry no source, so the visit, then the member, then store trends explain it.
    { note: 'similar shoppers in a visit', explanation: { code: 'similar_shoppers' }, context: context(['veh-010'], true), expected: { code: 'viewed' } },
    { note: 'similar shoppers for a member', explanation: { code: 'similar_shoppers' }, context: context([], true), expected: { code: 'member_history' } },
    { note: 'similar shoppers alone', explanation: { code: 'similar_shoppers' }, context: context([], false), expected: { code: 'trending_in_store' } },
    // Popularity is fitted on this store's baskets, so both forms read as store trends.
    { note: 'popular', explanation: { code: 'popular' }, context: context([], false), expected: { code: 'trending_in_store' } },
    { note: 'trending', explanation: { code: 'trending_in_store' }, context: context([], false), expected: { code: 'trending_in_store' } },
    // Quiz and store reasons pass through.
    { note: 'quiz age', explanation: { code: 'popular_for_age' }, context: context([], true), expected: { code: 'popular_for_age' } },
    { note: 'quiz interest', explanation: { code: 'matches_interest' }, context: context([], false), expected: { code: 'matches_interest' } },
    { note: 'promotion', explanation: { code: 'promotion' }, context: context([], false), expected: { code: 'promotion' } },
  ];
  for (const { note, explanation, context: reasonContext, expected } of cases) {
    it(note, () => {
      expect(forYouReason(explanation, 'toy-under-test', reasonContext)).toEqual(expected);
    });
  }
});

describe('kioskReasonText', () => {
  it('names a visit toy in both languages', () => {
    expect(kioskReasonText({ code: 'viewed', toyName: '小火车' }, 'zh-CN')).toBe('因为你看了「小火车」');
    expect(kioskReasonText({ code: 'viewed', toyName: 'Railway Set' }, 'en')).toBe('Because you looked at Railway Set');
  });

  it('uses the plain form without a name', () => {
    expect(kioskReasonText({ code: 'viewed' }, 'en')).toBe(KIOSK_REASON_TEXT.viewed.plain.en);
  });

  it('ignores a name on other reasons', () => {
    expect(kioskReasonText({ code: 'member_history', toyName: 'Doll House' }, 'en')).toBe('Based on member purchases');
  });

  it('keeps dollar signs in names', () => {
    // String.replace would read `$&` as "the matched text".
    expect(kioskReasonText({ code: 'viewed', toyName: 'Cash $& Carry' }, 'en')).toBe('Because you looked at Cash $& Carry');
  });

  it('has text in both languages', () => {
    for (const [code, templates] of Object.entries(KIOSK_REASON_TEXT)) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(templates.plain[lang].trim().length, `${code} ${lang}`).toBeGreaterThan(0);
        if (templates.named) expect(templates.named[lang], `${code} ${lang}`).toContain('{name}');
      }
    }
  });
});
