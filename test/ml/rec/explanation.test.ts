import { describe, expect, it } from 'vitest';
import { describeExplanation, EXPLANATION_TEMPLATES } from '../../../ml/rec/explanation.js';
import type { ReasonCode } from '../../../ml/rec/types.js';

const titles = new Map([['a', '乐高城市消防局']]);
const titleOf = (id: string) => titles.get(id);

describe('describeExplanation', () => {
  it('names the source item in Chinese', () => {
    expect(describeExplanation({ code: 'because_viewed', sourceItemId: 'a' }, 'zh-CN', titleOf)).toBe('因为你看了「乐高城市消防局」');
  });

  it('names the source item in English', () => {
    expect(describeExplanation({ code: 'because_viewed', sourceItemId: 'a' }, 'en', titleOf)).toBe('Because you looked at 乐高城市消防局');
  });

  it('falls back without a known source', () => {
    expect(describeExplanation({ code: 'bought_together', sourceItemId: 'zzz' }, 'en', titleOf)).toBe('Often bought together');
  });

  it('has text for age popularity', () => {
    expect(describeExplanation({ code: 'popular_for_age' }, 'zh-CN', titleOf)).toBe('同年龄段热卖');
    expect(describeExplanation({ code: 'popular_for_age' }, 'en', titleOf)).toBe('Popular for this age');
  });

  it('covers every reason in both languages', () => {
    for (const code of Object.keys(EXPLANATION_TEMPLATES) as ReasonCode[]) {
      expect(describeExplanation({ code }, 'zh-CN', titleOf)).toMatch(/\p{Script=Han}/u);
      expect(describeExplanation({ code }, 'en', titleOf)).toMatch(/^[A-Z]/);
    }
  });
});
