import { z } from 'zod';

/**
 * `z.strictObject` whose unknown-key error lists the allowed keys and the
 * closest one, e.g. `unknown key "retentionDay" (did you mean "retentionDays"?);
 * allowed keys: retentionDays`. A misspelt key would otherwise be dropped and
 * its setting silently replaced by the default.
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape): z.ZodObject<Shape, z.core.$strict> {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    // Other issues of the object itself (e.g. not an object) fall through to the parse-level messages.
    error: (issue) => (issue.code === 'unrecognized_keys' ? describeUnknownKeys(issue.keys, allowed) : undefined),
  });
}

/** Formats the unknown keys with a suggestion for each and the allowed list. */
export function describeUnknownKeys(keys: readonly string[], allowed: readonly string[]): string {
  const described = keys.map((key) => {
    const suggestion = closestKey(key, allowed);
    return suggestion ? `"${key}" (did you mean "${suggestion}"?)` : `"${key}"`;
  });
  const noun = keys.length === 1 ? 'unknown key' : 'unknown keys';
  return `${noun} ${described.join(', ')}; allowed keys: ${allowed.join(', ')}`;
}

/**
 * Maximum edit distance for a "did you mean" suggestion. 2 catches a dropped
 * or swapped letter and a wrong case; more suggests unrelated keys.
 */
const MAX_SUGGESTION_DISTANCE = 2;

function closestKey(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
