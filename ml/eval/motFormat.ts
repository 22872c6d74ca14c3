/**
 * MOTChallenge text format for tracks: one box a line,
 * `frame,id,x,y,w,h,confidence,X,Y,Z`, frames numbered from 1, (x, y) the box's
 * top-left corner and (w, h) its size in pixels.
 *
 * In results files `confidence` is the detection score and X, Y, Z are -1. In
 * ground truth the same column is a flag: 1 means evaluate the box, 0 means
 * ignore it. Parsed rows carry boxes in PlayAisle's corner form.
 */
import type { Box } from '../geometry/types.js';
import type { TrackedObject } from '../tracking/types.js';

export interface MotRow {
  /** Frame number, from 1. */
  frame: number;
  id: number;
  box: Box;
  /** Detection score in results. In ground truth, 1 means evaluate and 0 means ignore. */
  confidence: number;
}

export class MotFormatError extends Error {
  readonly code = 'MOT_INVALID_LINE';

  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(message);
    this.name = 'MotFormatError';
  }
}

/** Minimum number of comma-separated fields in a line: frame, id, x, y, w, h. */
const MINIMUM_FIELDS = 6;

/**
 * Parses MOTChallenge text. Blank lines are skipped, and a missing
 * confidence column reads as 1. Throws MotFormatError naming the line for
 * a line with too few fields, a non-number, a frame below 1 or a negative size.
 */
export function parseMot(text: string): MotRow[] {
  const rows: MotRow[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    rows.push(parseLine(line, index + 1));
  });
  return rows;
}

function parseLine(line: string, lineNumber: number): MotRow {
  const fields = line.split(',').map((field) => field.trim());
  if (fields.length < MINIMUM_FIELDS) {
    throw new MotFormatError(lineNumber, `MOT line ${lineNumber} has ${fields.length} fields, expected at least ${MINIMUM_FIELDS}: "${line}".`);
  }

  const values = fields.slice(0, 7).map(Number);
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw new MotFormatError(lineNumber, `MOT line ${lineNumber} field ${bad + 1} is "${fields[bad]}", expected a number.`);

  const [frame = 0, id = 0, x = 0, y = 0, width = 0, height = 0, confidence = 1] = values;
  if (!Number.isInteger(frame) || frame < 1) {
    throw new MotFormatError(lineNumber, `MOT line ${lineNumber} has frame ${frame}, expected a whole number from 1.`);
  }
  if (width < 0 || height < 0) {
    throw new MotFormatError(lineNumber, `MOT line ${lineNumber} has box size ${width}×${height}, expected no negative side.`);
  }
  return { frame, id, box: { x1: x, y1: y, x2: x + width, y2: y + height }, confidence };
}

/** Writes rows as MOTChallenge results lines, with X, Y, Z = -1, ordered by frame then id. */
export function writeMot(rows: readonly MotRow[]): string {
  const sorted = [...rows].sort((a, b) => a.frame - b.frame || a.id - b.id);
  const lines = sorted.map(({ frame, id, box, confidence }) =>
    [frame, id, box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1, confidence].map(formatNumber).concat(['-1', '-1', '-1']).join(','),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Converts one frame of tracker output to MOT rows. */
export function tracksToMotRows(frame: number, tracks: readonly TrackedObject[]): MotRow[] {
  return tracks.map((track) => ({ frame, id: track.trackerId, box: track.box, confidence: track.score }));
}

/** Groups rows by frame number. */
export function groupByFrame(rows: readonly MotRow[]): Map<number, MotRow[]> {
  const frames = new Map<number, MotRow[]>();
  for (const row of rows) {
    const frame = frames.get(row.frame);
    if (frame) frame.push(row);
    else frames.set(row.frame, [row]);
  }
  return frames;
}

/** Formats a number with at most three decimals, enough for sub-pixel boxes. */
function formatNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}
