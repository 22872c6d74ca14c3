import { describe, expect, it } from 'vitest';
import { isMemberSummary } from '../../renderer/src/kiosk/catalogGuards.js';
import { appendDigit, isCompleteCode, MEMBER_CODE_MAX_DIGITS, toMemberCode } from '../../renderer/src/kiosk/memberCode.js';
import { hasAnswers, MAX_INTERESTS, NO_ANSWERS, toggleInterest, toRequestQuiz, type QuizAnswers } from '../../renderer/src/kiosk/quiz.js';
import { shownIds, withoutProducts } from '../../renderer/src/kiosk/rowFilter.js';
import type { SuggestionState } from '../../renderer/src/kiosk/SuggestionRow.js';
import { FOR_YOU_REQUEST_COUNT, SIMILAR_LIMIT, SIMILAR_REQUEST_COUNT, TOGETHER_LIMIT } from '../../renderer/src/kiosk/suggestionLimits.js';
import type { ProductView, Suggestion } from '../../main/api/wire.js';
import { EMPTY_VISIT, hasVisitSignal, MAX_VIEWED_IDS, recommendRequest, visitReducer, type Visit } from '../../renderer/src/kiosk/visit.js';

const PUZZLES = { id: 'puzzles', label: '拼图' };
const PLUSH = { id: 'plush', label: 'Plush Toys' };

describe('visitReducer', () => {
  it('records opened toys in order', () => {
    let visit = visitReducer(EMPTY_VISIT, { type: 'viewed', productId: 'blk-009' });
    visit = visitReducer(visit, { type: 'viewed', productId: 'puz-012' });
    expect(visit.viewedIds).toEqual(['blk-009', 'puz-012']);
  });

  it('moves a reopened toy to the end', () => {
    let visit: Visit = { ...EMPTY_VISIT, viewedIds: ['a-1', 'b-2', 'c-3'] };
    visit = visitReducer(visit, { type: 'viewed', productId: 'a-1' });
    expect(visit.viewedIds).toEqual(['b-2', 'c-3', 'a-1']);
  });

  it('keeps only the newest ids', () => {
    const ids = Array.from({ length: MAX_VIEWED_IDS }, (_, i) => `toy-${i}`);
    const visit = visitReducer({ ...EMPTY_VISIT, viewedIds: ids }, { type: 'viewed', productId: 'toy-new' });
    expect(visit.viewedIds).toHaveLength(MAX_VIEWED_IDS);
    expect(visit.viewedIds[0]).toBe('toy-1');
    expect(visit.viewedIds.at(-1)).toBe('toy-new');
  });

  it('forgets everything on reset', () => {
    const busy: Visit = { viewedIds: ['a-1'], quiz: { ageYears: 4, interests: [PUZZLES], budgetYuan: 100 }, member: { code: 'M100258', visits: 7 } };
    expect(visitReducer(busy, { type: 'reset' })).toEqual(EMPTY_VISIT);
  });
});

describe('recommendRequest', () => {
  const cases: Array<{ note: string; visit: Visit; expected: ReturnType<typeof recommendRequest> }> = [
    {
      // Before the first tap the row is hidden, so no request is built.
      note: 'nothing before the first tap',
      visit: EMPTY_VISIT,
      expected: null,
    },
    {
      note: 'opened toys only',
      visit: { ...EMPTY_VISIT, viewedIds: ['blk-009', 'puz-012'] },
      expected: { lang: 'zh-CN', visitItems: ['blk-009', 'puz-012'], k: FOR_YOU_REQUEST_COUNT },
    },
    {
      // Interests go out as labels, which the recommender matches against product text.
      note: 'quiz answers without opened toys',
      visit: { ...EMPTY_VISIT, quiz: { ageYears: 4, interests: [PUZZLES, PLUSH], budgetYuan: 100 } },
      expected: { lang: 'zh-CN', visitItems: [], k: FOR_YOU_REQUEST_COUNT, quiz: { ageYears: 4, interests: ['拼图', 'Plush Toys'], budgetYuan: 100 } },
    },
    {
      // Age 0 ("under 1") is an answer, not a missing one.
      note: 'age zero alone',
      visit: { ...EMPTY_VISIT, quiz: { ...NO_ANSWERS, ageYears: 0 } },
      expected: { lang: 'zh-CN', visitItems: [], k: FOR_YOU_REQUEST_COUNT, quiz: { ageYears: 0 } },
    },
    {
      note: 'member with opened toys',
      visit: { ...EMPTY_VISIT, viewedIds: ['veh-002'], member: { code: 'M100258', visits: 7 } },
      expected: { lang: 'zh-CN', visitItems: ['veh-002'], k: FOR_YOU_REQUEST_COUNT, memberCode: 'M100258' },
    },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(recommendRequest(testCase.visit, 'zh-CN')).toEqual(testCase.expected);
      expect(hasVisitSignal(testCase.visit)).toBe(testCase.expected !== null);
    });
  }

  it('sends the language asked for', () => {
    expect(recommendRequest({ ...EMPTY_VISIT, viewedIds: ['a-1'] }, 'en')?.lang).toBe('en');
  });
});

describe('quiz answers', () => {
  it('toggles an interest on and off', () => {
    const once = toggleInterest(NO_ANSWERS, PUZZLES);
    expect(once.interests).toEqual([PUZZLES]);
    expect(toggleInterest(once, PUZZLES).interests).toEqual([]);
  });

  it('ignores interests past the maximum', () => {
    let answers: QuizAnswers = NO_ANSWERS;
    for (let i = 0; i < MAX_INTERESTS + 2; i++) answers = toggleInterest(answers, { id: `c${i}`, label: `Category ${i}` });
    expect(answers.interests).toHaveLength(MAX_INTERESTS);
  });

  it('sends no quiz when nothing is answered', () => {
    expect(hasAnswers(NO_ANSWERS)).toBe(false);
    expect(toRequestQuiz(NO_ANSWERS)).toBeUndefined();
  });

  it('leaves unanswered questions out', () => {
    expect(toRequestQuiz({ ...NO_ANSWERS, budgetYuan: 50 })).toEqual({ budgetYuan: 50 });
  });
});

describe('member code entry', () => {
  const cases: Array<{ note: string; digits: string; key: string; expected: string }> = [
    { note: 'a digit is appended', digits: '1002', key: '5', expected: '10025' },
    { note: 'a letter is ignored', digits: '1002', key: 'x', expected: '1002' },
    { note: 'two characters at once are ignored', digits: '1002', key: '55', expected: '1002' },
    { note: 'a digit past the maximum is ignored', digits: '1'.repeat(MEMBER_CODE_MAX_DIGITS), key: '2', expected: '1'.repeat(MEMBER_CODE_MAX_DIGITS) },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(appendDigit(testCase.digits, testCase.key)).toBe(testCase.expected);
    });
  }

  const completeness: Array<{ digits: string; complete: boolean; note: string }> = [
    { digits: '10025', complete: false, note: 'five digits are too few' },
    { digits: '100258', complete: true, note: 'six digits are the minimum' },
    { digits: '123456789012', complete: true, note: 'twelve digits are the maximum' },
    { digits: '1234567890123', complete: false, note: 'thirteen digits are too many' },
    { digits: '10025a', complete: false, note: 'a letter among the digits' },
  ];
  for (const testCase of completeness) {
    it(testCase.note, () => {
      expect(isCompleteCode(testCase.digits)).toBe(testCase.complete);
    });
  }

  it('puts the M in front', () => {
    expect(toMemberCode('100258')).toBe('M100258');
  });
});

describe('isMemberSummary', () => {
  const cases: Array<{ body: unknown; valid: boolean; note: string }> = [
    { body: { found: true, visits: 7 }, valid: true, note: 'the API shape' },
    { body: { found: false, visits: 7 }, valid: false, note: 'found is false' },
    { body: { found: true, visits: '7' }, valid: false, note: 'visits as text' },
    { body: { found: true, visits: -1 }, valid: false, note: 'negative visits' },
    { body: { found: true }, valid: false, note: 'visits missing' },
    { body: null, valid: false, note: 'null body' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(isMemberSummary(testCase.body)).toBe(testCase.valid);
    });
  }
});

/** Builds a suggestion for `id` with placeholder product fields. */
function suggestion(id: string): Suggestion {
  const product: ProductView = {
    id, name: id, description: '', category: 'blocks', categoryLabel: 'Blocks', brand: '', ageMinYears: 3, ageMaxYears: 8,
    priceYuan: 99, aisle: 'A01', stock: 5, imageHue: 0,
  };
  return { product, reason: 'Often bought together', score: 0.5 };
}

function ready(ids: string[]): SuggestionState {
  return { status: 'ready', data: ids.map(suggestion), retry: () => undefined };
}

function ids(state: SuggestionState): string[] | undefined {
  if (state.status === 'ready') return state.data.map((item) => item.product.id);
  if (state.status === 'loading') return state.previous?.map((item) => item.product.id);
  return undefined;
}

describe('withoutProducts', () => {
  it('drops toys of the row above', () => {
    expect(ids(withoutProducts(ready(['a', 'b', 'c', 'd']), new Set(['b', 'd']), 8))).toEqual(['a', 'c']);
  });

  it('refills from the extra toys', () => {
    // The similar row loads more than it shows, so dropped toys are replaced.
    const loaded = ready(['a', 'b', 'c', 'd', 'e']);
    expect(ids(withoutProducts(loaded, new Set(['a', 'b']), 3))).toEqual(['c', 'd', 'e']);
  });

  it('trims the list kept while loading', () => {
    const loading: SuggestionState = { status: 'loading', previous: ['a', 'b', 'c'].map(suggestion), retry: () => undefined };
    expect(ids(withoutProducts(loading, new Set(['a']), 1))).toEqual(['b']);
  });

  it('keeps an error as it is', () => {
    const failed: SuggestionState = { status: 'error', error: new Error('offline'), retry: () => undefined };
    expect(withoutProducts(failed, new Set(['a']), 3)).toBe(failed);
  });
});

describe('shownIds', () => {
  it('ids of a ready row', () => {
    expect(shownIds(ready(['a', 'b']))).toEqual(['a', 'b']);
  });

  it('null while loading', () => {
    expect(shownIds({ status: 'loading', retry: () => undefined })).toBeNull();
  });

  it('none for a failed row', () => {
    expect(shownIds({ status: 'error', error: new Error('offline'), retry: () => undefined })).toEqual([]);
  });
});

describe('similar row size', () => {
  it('loads enough to stay full', () => {
    // Even when every together toy is also similar, SIMILAR_LIMIT toys remain.
    expect(SIMILAR_REQUEST_COUNT - TOGETHER_LIMIT).toBeGreaterThanOrEqual(SIMILAR_LIMIT);
  });
});
