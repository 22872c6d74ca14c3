import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../main/config/jsonSyntax.js';

describe('findJsonSyntaxError', () => {
  // The scanner must agree with JSON.parse on what is valid, or a config could be rejected with no error to show.
  it.each([
    ['{}'],
    ['[]'],
    [' \t\r\n{ "a" : [ 1 , -2.5e+3 , 0.0 , 1E2 ] } \n'],
    ['{"a":{"b":{"c":[true,false,null]}}}'],
    ['"just a string"'],
    ['0'],
    ['-0'],
    ['{"escapes": "\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00"}'],
    ['{"name": "玩具店", "emoji": "🧸"}'],
    ['{"a": 1, "a": 2}'], // duplicate keys are valid JSON; the last one wins in JSON.parse
  ])('accepts valid %s', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  it.each([
    ['{"a": 1,}'], // trailing comma in an object
    ['[1,]'], // trailing comma in an array
    ['{a: 1}'], // unquoted key
    ["{'a': 1}"], // single-quoted key
    ['{"a" 1}'], // missing colon
    ['{"a": 1 "b": 2}'], // missing comma
    ['{"a": 01}'], // leading zero
    ['{"a": .5}'], // no digit before the point
    ['{"a": 1.}'], // no digit after the point
    ['{"a": +1}'], // plus sign
    ['{"a": -}'], // lone minus
    ['{"a": NaN}'], // not a JSON number
    ['{"a": Infinity}'],
    ['{"a": "\\x41"}'], // unknown escape
    ['{"a": "\\u12"}'], // short unicode escape
    ['{"a": "tab\there"}'], // raw control character
    ['{"a": "open}'], // unterminated string
    ['{"a": 1} // note'], // comment after the value
    ['/* note */ {}'], // comment before the value
    ['{"a": 1}}'], // extra closing brace
    ['['], // cut short
    [''], // empty file
    ['   '], // whitespace only
  ])('rejects invalid %s', (text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(findJsonSyntaxError(text)).not.toBeNull();
  });

  it('counts lines and columns from 1', () => {
    // CRLF line ends, as Windows editors write them; the \r is not part of the shown line.
    const error = findJsonSyntaxError('{\r\n  "a": 1,\r\n  "b": ?\r\n}');
    expect(error).toEqual({ reason: "unexpected character '?'; expected a value", line: 3, column: 8, lineText: '  "b": ?' });
  });
});
