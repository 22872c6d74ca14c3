/**
 * Plain-English messages for config validation issues. zod 4's own wording
 * ("Too big: expected number to be <=30") reads as a type error, so the
 * parse-level error map below states the rule and the value that broke it
 * ("must be at most 30, got 60"). Messages set on a schema (`{ message }`)
 * take precedence over this map in zod 4 and are kept as they are.
 */
import type { z } from 'zod';

/** Error map for `safeParse(value, { error: configErrorMap })`; undefined keeps zod's message. */
export function configErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return describeInvalidType(issue.expected, issue.input);
    case 'too_big':
      return `${describeBound(issue.origin, 'at most', 'less than', issue.maximum, issue.inclusive)}, got ${describeSize(issue.origin, issue.input)}`;
    case 'too_small':
      return `${describeBound(issue.origin, 'at least', 'greater than', issue.minimum, issue.inclusive)}, got ${describeSize(issue.origin, issue.input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${describeValue(issue.input)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}, got ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
}

/** Formats one issue as `cameras[0].fps: must be at most 30, got 60`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path) || '(top level)'}: ${issue.message}`;
}

/** Formats a path as `cameras[0].lines[1].points`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function describeInvalidType(expected: string, input: unknown): string {
  if (input === undefined) return `is missing; it must be ${withArticle(expected)}`;
  // `int` is a number check in zod 4: a non-integer number reports expected "int".
  if (expected === 'int' && typeof input === 'number') return `must be a whole number, got ${describeValue(input)}`;
  return `must be ${withArticle(expected)}, got ${describeValue(input)}`;
}

/** Phrases a bound by what it limits: a number's value, a string's length or an array's item count. */
function describeBound(origin: string, inclusiveWord: string, exclusiveWord: string, limit: number | bigint, inclusive: boolean | undefined): string {
  const comparison = inclusive === false ? exclusiveWord : inclusiveWord;
  const amount = String(limit);
  switch (origin) {
    case 'string':
      return `must be ${comparison} ${amount} characters long`;
    case 'array':
    case 'set':
      return `must have ${comparison} ${amount} items`;
    default:
      return `must be ${comparison} ${amount}`;
  }
}

function describeSize(origin: string, input: unknown): string {
  if ((origin === 'string' || origin === 'array') && (typeof input === 'string' || Array.isArray(input))) {
    const length = input.length;
    return origin === 'string' ? `${length} characters` : `${length} items`;
  }
  return describeValue(input);
}

/** Short rendering of the bad value; long strings and objects are cut so one issue stays on one line. */
function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return `an array of ${input.length} items`;
  if (typeof input === 'object') return 'an object';
  const text = JSON.stringify(input) ?? String(input);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/** Maximum length of a bad value shown in a message, in characters; a longer value is cut with "…". */
const MAX_VALUE_CHARS = 60;

function withArticle(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'a string in double quotes',
    boolean: 'true or false',
    array: 'a list [ … ]',
    object: 'an object { … }',
    tuple: 'a list [ … ]',
  };
  return names[expected] ?? `a ${expected}`;
}
