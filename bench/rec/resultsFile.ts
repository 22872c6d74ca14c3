/**
 * Updates one `### ` subsection inside one `## ` section of bench/RESULTS.md,
 * leaving every other section and subsection as it is.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmark results\n';

export function writeSubsection(path: string, heading: string, subheading: string, body: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : TITLE;
  const current = findBlock(text, `## ${heading}\n`, '\n## ');
  const sectionText = current ? text.slice(current.start, current.end) : `## ${heading}\n`;
  const block = `### ${subheading}\n\n${body.trimEnd()}\n\n`;

  const sub = findBlock(sectionText, `### ${subheading}\n`, '\n### ');
  const newSection = sub
    ? `${sectionText.slice(0, sub.start)}${block}${sectionText.slice(sub.end)}`
    : `${sectionText.trimEnd()}\n\n${block}`;
  const rest = current ? text.slice(current.end) : '';
  const before = current ? text.slice(0, current.start) : `${text.trimEnd()}\n\n`;
  const next = `${before}${newSection.trimEnd()}\n${rest ? `\n${rest}` : ''}`;

  // Write then rename, so a killed run never leaves the other sections half-written.
  writeFileSync(`${path}.tmp`, next.endsWith('\n') ? next : `${next}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Start of `marker` and the start of the next `nextMarker` after it (or the end of `text`). */
function findBlock(text: string, marker: string, nextMarker: string): { start: number; end: number } | undefined {
  const start = text.startsWith(marker) ? 0 : text.indexOf(`\n${marker}`) + 1;
  if (start === 0 && !text.startsWith(marker)) return undefined;
  const after = text.indexOf(nextMarker, start + marker.length);
  return { start, end: after < 0 ? text.length : after + 1 };
}
