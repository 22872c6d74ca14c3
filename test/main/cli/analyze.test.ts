import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyzeArgs, parseLine, UsageError } from '../../../main/cli/analyzeArgs.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const ANALYZE = path.join(REPO, 'main', 'cli', 'analyze.ts');
/** TUD-Campus: 71 frames at 25 fps, 640×480. */
const CLIP = path.resolve(REPO, '../shared/data/tud-campus/TUD-Campus.mp4');
const hasClip = fs.existsSync(CLIP);
if (!hasClip) console.warn(`Skipping the real analyze run: ${CLIP} is missing (it comes with ../shared/data).`);

let workDir: string;

/** Runs the command in an empty folder, so any file it writes by mistake shows up there. */
function analyze(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [ANALYZE, ...args], { cwd: workDir, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-analyze-'));
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('parseLine', () => {
  it.each([
    ['1,2,3'], // three numbers
    ['1,2,3,x'], // not a number
    ['1,2,,4'], // empty part
    ['5,5,5,5'], // both end points equal
    ['1,2,3,4,5'],
  ])('rejects %j', (text) => {
    expect(() => parseLine(text)).toThrow(UsageError);
  });

  it('accepts decimals and spaces', () => {
    expect(parseLine('0, 240.5, 640,240')).toEqual([0, 240.5, 640, 240]);
  });
});

describe('parseAnalyzeArgs', () => {
  it('requires --video', () => {
    expect(() => parseAnalyzeArgs(['--line', '0,0,1,1'])).toThrow(/Missing --video/);
  });

  it.each([['--fps', '0'], ['--fps', 'fast'], ['--unknown', 'x']])('rejects %s %s', (option, value) => {
    expect(() => parseAnalyzeArgs(['--video', 'v.mp4', option, value])).toThrow(UsageError);
  });

  it('reads zones from a file', () => {
    const file = path.join(workDir, 'zones.json');
    fs.writeFileSync(file, JSON.stringify([{ id: 'door', polygon: [[0, 0], [10, 0], [10, 10]] }]));
    expect(parseAnalyzeArgs(['--video', 'v.mp4', '--zone', file]).zones).toEqual([{ id: 'door', polygon: [[0, 0], [10, 0], [10, 10]] }]);
    fs.writeFileSync(file, JSON.stringify([{ id: 'door', polygon: [[0, 0], [10, 0]] }]));
    expect(() => parseAnalyzeArgs(['--video', 'v.mp4', '--zone', file])).toThrow(/at least 3/);
    fs.rmSync(file);
  });
});

describe('npm run analyze', () => {
  it('documents the in side', () => {
    const result = analyze('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/left-hand side of the segment to\s+its right-hand side/);
  });

  it('names the detector defaults', () => {
    const result = analyze('--help');
    const help = result.stdout.replace(/\s+/g, ' ');
    // The values come from ml/detection/personDetector.ts, so these change only with the detector's defaults.
    expect(help).toContain('Default: centernet, with a 320×320-pixel model input and a minimum person score of 0.3.');
    expect(help).toContain('nanodet runs at 416×416.');
  });

  it.each([
    // missing file
    [['--video', 'missing.mp4'], 1, /not found/],
    // bad --line
    [['--video', 'missing.mp4', '--line', '1,2,3'], 2, /Invalid --line "1,2,3"/],
    // an unknown model is an argument error, found before the file is opened
    [['--video', 'missing.mp4', '--model', 'yolo'], 2, /Invalid --model "yolo": use one of centernet, nanodet\./],
    // an unknown backend too
    [['--video', 'missing.mp4', '--backend', 'gpu-please'], 2, /Invalid --backend "gpu-please": use one of auto, tfjs-node-gpu, tfjs-node, wasm, cpu\./],
  ])('fails clearly for %j', (args, status, message) => {
    const result = analyze(...args);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n').length).toBeLessThan(8);
  });

  it('fails on a corrupt video', () => {
    const corrupt = path.join(workDir, 'corrupt.mp4');
    fs.writeFileSync(corrupt, Buffer.from('this is not a video at all, only text pretending to be one'.repeat(100)));
    const result = analyze('--video', corrupt, '--json-out', 'out.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/corrupt\.mp4/);
    expect(fs.existsSync(path.join(workDir, 'out.json'))).toBe(false);
    fs.rmSync(corrupt);
  });

  it.skipIf(!hasClip)('counts a real clip at 5 fps', () => {
    const result = analyze('--video', CLIP, '--fps', '5', '--line', '320,0,320,480', '--mot-out', 'tracks.txt', '--json-out', 'totals.json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/line 320,0,320,480: in \d+, out \d+/);
    // Only the two requested outputs appear.
    expect(fs.readdirSync(workDir).sort()).toEqual(['totals.json', 'tracks.txt']);

    const totals = JSON.parse(fs.readFileSync(path.join(workDir, 'totals.json'), 'utf8')) as {
      frames: number; seconds: number; lines: { points: number[]; in: number; out: number }[];
    };
    // 71 frames at 25 fps last 2.84 s, so 5 fps gives 14 or 15 frames.
    expect(totals.frames).toBeGreaterThanOrEqual(14);
    expect(totals.frames).toBeLessThanOrEqual(15);
    expect(totals.lines[0]!.points).toEqual([320, 0, 320, 480]);

    const rows = fs.readFileSync(path.join(workDir, 'tracks.txt'), 'utf8').trim().split('\n').map((line) => line.split(',').map(Number));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(10);
      const [frame, , , , width, height, score, a, b, c] = row as number[];
      // Analysed frames are every fifth source frame, numbered in the video's own order from 1.
      expect((frame! - 1) % 5).toBe(0);
      expect(frame!).toBeLessThanOrEqual(71);
      expect(width!).toBeGreaterThan(0);
      expect(height!).toBeGreaterThan(0);
      expect(score!).toBeGreaterThan(0);
      expect([a, b, c]).toEqual([-1, -1, -1]);
    }
  });
});
