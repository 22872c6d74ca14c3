import { describe, expect, it } from 'vitest';
import { ContentTfidf } from '../../../ml/rec/contentTfidf.js';
import type { ItemMeta } from '../../../ml/rec/types.js';

/** Two block sets, a tent whose description contains 搭, a puzzle whose text contains 拼 and a car whose description ends in 车. */
const ITEMS: ItemMeta[] = [
  { itemId: 'blocks1', title: '乐高城市消防局', categories: ['blocks', '积木拼搭', 'Building Blocks'] },
  { itemId: 'blocks2', title: '大颗粒积木桶', categories: ['blocks', '积木拼搭', 'Building Blocks'] },
  { itemId: 'tent', title: '儿童游戏帐篷', description: '室内户外都能搭', categories: ['outdoor', '户外运动', 'Outdoor'] },
  { itemId: 'puzzle', title: '恐龙拼图100片', description: '拼完可以装框', categories: ['puzzles', '拼图益智', 'Puzzles'] },
  { itemId: 'car', title: '遥控越野车', description: '孩子的第一辆车', categories: ['vehicles', '车模与遥控', 'Vehicles'] },
];

const fitted = (): ContentTfidf => {
  const model = new ContentTfidf({ maxDocumentShare: 1 });
  model.fit({ items: ITEMS, sequences: [] });
  return model;
};

const interestScores = (model: ContentTfidf, interests: string[]): Map<string, number> =>
  new Map(model.recommend({ quiz: { interests } }, ITEMS.length).map((r) => [r.itemId, r.score]));

describe('ContentTfidf quiz interests', () => {
  it('matches a category label to that category only', () => {
    const scores = interestScores(fitted(), ['积木拼搭']);
    expect(scores.get('blocks1')).toBeGreaterThan(0);
    expect(scores.get('blocks2')).toBeGreaterThan(0);
    expect(scores.get('tent')).toBe(0); // 搭 in its description no longer counts
    expect(scores.get('puzzle')).toBe(0); // nor 拼 in 拼图 and 拼完
  });

  it('gives the same list for the English label', () => {
    const model = fitted();
    const ids = (interest: string) => model.recommend({ quiz: { interests: [interest] } }, 2).map((r) => r.itemId);
    expect(ids('Building Blocks')).toEqual(ids('积木拼搭'));
  });

  it('matches free words without single characters', () => {
    // 恐龙拼搭 names no category. It segments to 恐龙 / 拼 / 搭, and only 恐龙 counts.
    const scores = interestScores(fitted(), ['恐龙拼搭']);
    expect(scores.get('puzzle')).toBeGreaterThan(0); // 恐龙 in its title
    expect(scores.get('tent')).toBe(0);
    expect(scores.get('car')).toBe(0);
  });

  it('keeps a one-character interest', () => {
    // 第一辆车 segments to 第一辆 / 车, so the lone 车 is one of the car's terms.
    const scores = interestScores(fitted(), ['车']);
    expect(scores.get('car')).toBeGreaterThan(0);
  });
});
