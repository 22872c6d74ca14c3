import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeResultsSection } from '../../../bench/lib/resultsSection.js';

const dir = mkdtempSync(join(tmpdir(), 'playaisle-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeResultsSection', () => {
  const cases: Array<{ before: string | null; expected: string; note: string }> = [
    { before: null, expected: '# Benchmark results\n\n## Decode\n\nnew\n', note: 'creates the file with its title' },
    { before: '# T\n\n## Other\n\nkeep\n', expected: '# T\n\n## Other\n\nkeep\n\n## Decode\n\nnew\n', note: 'appends a missing section' },
    { before: '# T\n\n## Decode\n\nold\n\n## Other\n\nkeep\n', expected: '# T\n\n## Decode\n\nnew\n\n## Other\n\nkeep\n', note: 'replaces a middle section' },
    { before: '# T\n\n## Other\n\nkeep\n\n## Decode\n\nold\nlines\n', expected: '# T\n\n## Other\n\nkeep\n\n## Decode\n\nnew\n', note: 'replaces the last section' },
    { before: '# T\n\n## Decode speed\n\nkeep\n', expected: '# T\n\n## Decode speed\n\nkeep\n\n## Decode\n\nnew\n', note: 'a longer heading with the same start is another section' },
  ];
  cases.forEach(({ before, expected, note }, i) => {
    it(note, () => {
      const path = join(dir, `results-${i}.md`);
      if (before !== null) writeFileSync(path, before);
      writeResultsSection(path, 'Decode', 'new\n');
      expect(readFileSync(path, 'utf8')).toBe(expected);
    });
  });
});
