/** Replaces one `## ` section of bench/RESULTS.md, leaving the other sections as they are. */
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';

const TITLE = '# Benchmark results\n';

export function writeSection(path: string, heading: string, body: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : TITLE;
  const marker = `## ${heading}\n`;
  const section = `${marker}\n${body.trimEnd()}\n`;
  const start = text.indexOf(marker);
  let next: string;
  if (start < 0) {
    next = `${text.trimEnd()}\n\n${section}`;
  } else {
    const after = text.indexOf('\n## ', start + marker.length);
    next = text.slice(0, start) + section + (after < 0 ? '' : text.slice(after));
  }
  // Write then rename, so a killed run never leaves the other sections half-written.
  writeFileSync(`${path}.tmp`, next.endsWith('\n') ? next : `${next}\n`);
  renameSync(`${path}.tmp`, path);
}
