/**
 * Reads MOTChallenge ground truth: `gt.txt` rows of
 * `frame,id,x,y,w,h,flag,…` (1-based frame, top-left box corner and size in
 * pixels) and `seqinfo.ini` for the frame rate and size. Rows with flag 0
 * are marked as not evaluated and are dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Box } from '../../ml/geometry/types.js';

export interface GroundTruthBox {
  trackId: number;
  box: Box;
}

export interface MotSequence {
  name: string;
  videoPath: string;
  fps: number;
  width: number;
  height: number;
  frameCount: number;
  /** Boxes by 0-based frame index. */
  boxesByFrame: Map<number, GroundTruthBox[]>;
}

/** Parses `gt.txt` text into boxes by 0-based frame, keeping rows whose flag is 1. */
export function parseMotGroundTruth(text: string): Map<number, GroundTruthBox[]> {
  const byFrame = new Map<number, GroundTruthBox[]>();
  for (const [lineIndex, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const fields = line.split(',').map(Number);
    const [frame, trackId, x, y, w, h, flag] = fields;
    if (fields.length < 7 || [frame, trackId, x, y, w, h, flag].some((v) => v === undefined || !Number.isFinite(v))) {
      throw new Error(`gt.txt line ${lineIndex + 1} is not frame,id,x,y,w,h,flag,…: "${line}"`);
    }
    if (flag !== 1) continue;
    const index = (frame as number) - 1;
    const boxes = byFrame.get(index) ?? [];
    boxes.push({ trackId: trackId as number, box: { x1: x as number, y1: y as number, x2: (x as number) + (w as number), y2: (y as number) + (h as number) } });
    byFrame.set(index, boxes);
  }
  return byFrame;
}

/** Reads `seqinfo.ini` key=value pairs. */
function parseSeqInfo(text: string): Record<string, string> {
  const entries = text.split('\n').map((line) => /^\s*(\w+)\s*=\s*(.*?)\s*$/.exec(line)).filter((m) => m !== null);
  return Object.fromEntries(entries.map((m) => [m[1] as string, m[2] as string]));
}

/** Loads a sequence directory that contains `seqinfo.ini`, `gt.txt` and `<name>.mp4`. */
export function loadMotSequence(directory: string): MotSequence {
  const info = parseSeqInfo(readFileSync(join(directory, 'seqinfo.ini'), 'utf8'));
  const name = info.name ?? directory;
  return {
    name,
    videoPath: join(directory, `${name}.mp4`),
    fps: Number(info.frameRate),
    width: Number(info.imWidth),
    height: Number(info.imHeight),
    frameCount: Number(info.seqLength),
    boxesByFrame: parseMotGroundTruth(readFileSync(join(directory, 'gt.txt'), 'utf8')),
  };
}
