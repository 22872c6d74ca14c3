/**
 * Tokenizer for product text in Simplified Chinese and English.
 * Chinese runs are segmented by jieba (@node-rs/jieba, a native module) with
 * its default dictionary plus TOY_WORDS; Latin runs are split on
 * non-alphanumerics and lower-cased. Punctuation and whitespace are dropped.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { TOY_WORD_FREQUENCY, TOY_WORDS } from './toyDictionary.js';

export interface Tokenizer {
  tokenize(text: string): string[];
}

/** English words too common in product text to help similarity. */
const ENGLISH_STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'with', 'in', 'on', 'to', 'by', 'or', 'set', 'pcs']);
/** Chinese function words and particles that carry no product meaning. */
const CHINESE_STOP_WORDS = new Set(['的', '了', '和', '与', '及', '是', '在', '款', '个', '只', '套']);

const TOKEN_PATTERN = /[\p{Letter}\p{Number}]/u;

export class ChineseEnglishTokenizer implements Tokenizer {
  private readonly jieba: Jieba;

  /** `extraWords` are added to the toy dictionary, e.g. a store's own brands. */
  constructor(extraWords: readonly string[] = []) {
    this.jieba = Jieba.withDict(dict);
    const words = [...TOY_WORDS, ...extraWords].map((word) => `${word} ${TOY_WORD_FREQUENCY} nz`).join('\n');
    this.jieba.loadDict(new TextEncoder().encode(words));
  }

  tokenize(text: string): string[] {
    const tokens: string[] = [];
    // HMM off: with it on, jieba (2.0) glues unknown neighbours such as 乐高得宝 into one token.
    for (const piece of this.jieba.cut(text.normalize('NFKC'), false)) {
      for (const token of splitLatin(piece)) {
        if (!TOKEN_PATTERN.test(token)) continue;
        if (ENGLISH_STOP_WORDS.has(token) || CHINESE_STOP_WORDS.has(token)) continue;
        tokens.push(token);
      }
    }
    return tokens;
  }
}

/** Lower-cases Latin text and splits it on anything but letters and digits; Chinese passes through whole. */
function splitLatin(piece: string): string[] {
  if (!/[A-Za-z]/.test(piece)) return [piece.trim()];
  return piece.toLowerCase().split(/[^\p{Letter}\p{Number}]+/u).filter((t) => t.length > 0);
}
