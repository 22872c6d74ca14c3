import { describe, expect, it } from 'vitest';
import { ChineseEnglishTokenizer } from '../../../ml/text/tokenizer.js';

const tokenizer = new ChineseEnglishTokenizer();

describe('ChineseEnglishTokenizer', () => {
  // Each title contains a brand, character or toy term that must come out as one token.
  const wholeWords: [title: string, word: string][] = [
    ['乐高城市系列消防局积木', '乐高'], // default dictionary splits 乐 / 高 without HMM
    ['奥特曼变身器儿童玩具', '奥特曼'],
    ['小猪佩奇毛绒公仔', '小猪佩奇'], // default dictionary splits 小猪 / 佩奇
    ['变形金刚大黄蜂手办', '变形金刚'],
    ['小猪佩奇毛绒公仔', '毛绒'],
    ['小猪佩奇毛绒公仔', '公仔'],
    ['儿童拼图100片', '拼图'],
    ['变形金刚大黄蜂手办', '手办'], // default dictionary splits 手 / 办 without HMM
    ['超级飞侠乐迪变形机器人', '超级飞侠'],
  ];
  it.each(wholeWords)('keeps a word whole in %s', (title, word) => {
    expect(tokenizer.tokenize(title)).toContain(word);
  });

  it('segments a full title', () => {
    expect(tokenizer.tokenize('变形金刚大黄蜂手办')).toEqual(['变形金刚', '大黄蜂', '手办']);
  });

  it('lower-cases and splits English', () => {
    expect(tokenizer.tokenize('LEGO Duplo: Wooden-Puzzle (24 pcs)')).toEqual(['lego', 'duplo', 'wooden', 'puzzle', '24']);
  });

  it('handles mixed Chinese and English', () => {
    const tokens = tokenizer.tokenize('LEGO 乐高 得宝系列');
    expect(tokens).toContain('lego');
    expect(tokens).toContain('乐高');
    expect(tokens).toContain('得宝');
  });

  it('drops punctuation, spaces and stop words', () => {
    expect(tokenizer.tokenize('，。！ the 的 and  ')).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(tokenizer.tokenize('')).toEqual([]);
  });

  it('normalises full-width letters', () => {
    expect(tokenizer.tokenize('ＬＥＧＯ')).toEqual(['lego']);
  });

  it('accepts extra store words', () => {
    const custom = new ChineseEnglishTokenizer(['星辰小熊']);
    expect(custom.tokenize('星辰小熊毛绒')).toEqual(['星辰小熊', '毛绒']);
  });
});
