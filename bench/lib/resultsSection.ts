/**
 * Replaces one `## ` section of bench/RESULTS.md and leaves the other
 * sections, which other benches write, as they are.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmark results\n';

/** Writes `body` as the section `## heading`, appending the section when the file lacks it. */
export function writeResultsSection(path: string, heading: string, body: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : TITLE;
  const marker = `## ${heading}\n`;
  const section = `${marker}\n${body.trimEnd()}\n`;
  const start = sectionStart(text, marker);

  let next: string;
  if (start < 0) {
    next = `${text.trimEnd()}\n\n${section}`;
  } else {
    const end = text.indexOf('\n## ', start + marker.length);
    next = end < 0 ? text.slice(0, start) + section : `${text.slice(0, start)}${section}${text.slice(end)}`;
  }
  // Write then rename, so a killed run never leaves the file half-written.
  writeFileSync(`${path}.tmp`, next);
  renameSync(`${path}.tmp`, path);
}

/** Returns the offset of the line that is exactly `marker`, or -1 when there is none. */
function sectionStart(text: string, marker: string): number {
  if (text.startsWith(marker)) return 0;
  const newline = text.indexOf(`\n${marker}`);
  return newline < 0 ? -1 : newline + 1;
}
