/**
 * Video decoding benchmark: the preallocated-buffer reader
 * (main/cameras/ffmpegFrames.ts) against a naive reader that joins every
 * stdout chunk with `Buffer.concat` and reads ffmpeg in flowing mode.
 *
 * Each run happens in its own child process, so its peak RSS
 * (`process.resourceUsage().maxRSS`) is not mixed with another run's. Two
 * consumers: `fast` touches one byte per frame (decoder throughput), `slow`
 * waits SLOW_CONSUMER_MS per frame like a busy detector (memory under
 * backpressure). Results go to the "Video decoding" section of bench/RESULTS.md.
 *
 *   npx tsx bench/decodeBench.ts [--quick]
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readVideoFrames, probeVideo } from '../main/cameras/ffmpegFrames.js';
import { buildFfmpegArgs, FFMPEG_COMMAND } from '../main/cameras/ffmpegProcess.js';
import { writeResultsSection } from './lib/resultsSection.js';

const FOOTAGE = ['/work/shared/data/tud-stadtmitte/TUD-Stadtmitte.mp4', 'data/samples/vtest.avi'];
const FOOTAGE_SOURCE = 'TUD-Stadtmitte is read from /work/shared/data. vtest.avi is the OpenCV sample video in Debian\'s opencv-doc package: `apt-get download opencv-doc`, then extract `*vtest.avi` with `dpkg-deb --fsys-tarfile` into data/samples/.';
const RESULTS_PATH = 'bench/RESULTS.md';
/** Wait per frame of the slow consumer: a tenth of a 100 ms detector call, to keep the bench short. */
const SLOW_CONSUMER_MS = 10;
/** With --quick, only this many frames of each file are read. */
const QUICK_FRAME_LIMIT = 100;

type Reader = 'preallocated' | 'concat';
type Consumer = 'fast' | 'slow';

interface RunResult {
  frames: number;
  seconds: number;
  peakRssMb: number;
}

interface RunRequest {
  reader: Reader;
  consumer: Consumer;
  file: string;
  frameLimit: number;
}

/** Reads frames with the production reader. */
async function runPreallocated(request: RunRequest, consume: (data: Uint8Array) => Promise<void>): Promise<number> {
  let frames = 0;
  for await (const { frame } of readVideoFrames(request.file)) {
    await consume(frame.data);
    frames += 1;
    if (frames >= request.frameLimit) break;
  }
  return frames;
}

/**
 * Reads frames the naive way: flowing `data` events, `Buffer.concat` of the
 * leftover and each chunk, and a queue that grows while the consumer is busy.
 */
async function runConcat(request: RunRequest, consume: (data: Uint8Array) => Promise<void>): Promise<number> {
  const info = await probeVideo(request.file);
  const frameBytes = info.width * info.height * 3;
  const child = spawn(FFMPEG_COMMAND, buildFfmpegArgs(['-i', request.file], { width: info.width, height: info.height }), { stdio: ['ignore', 'pipe', 'ignore'] });
  const queue: Buffer[] = [];
  let pending = Buffer.alloc(0);
  let ended = false;
  let wake: (() => void) | null = null;
  child.stdout.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= frameBytes) {
      queue.push(Buffer.from(pending.subarray(0, frameBytes)));
      pending = pending.subarray(frameBytes);
    }
    wake?.();
  });
  child.stdout.on('end', () => {
    ended = true;
    wake?.();
  });

  let frames = 0;
  while (frames < request.frameLimit) {
    const next = queue.shift();
    if (next) {
      await consume(next);
      frames += 1;
      continue;
    }
    if (ended) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = null;
  }
  child.kill('SIGKILL');
  return frames;
}

/** Runs one measurement in this process and prints its result as JSON. */
async function runChild(request: RunRequest): Promise<void> {
  let checksum = 0;
  const consume = async (data: Uint8Array): Promise<void> => {
    checksum = (checksum + (data[data.length >> 1] ?? 0)) % 65_536;
    if (request.consumer === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_CONSUMER_MS));
  };
  const started = process.hrtime.bigint();
  const frames = request.reader === 'preallocated' ? await runPreallocated(request, consume) : await runConcat(request, consume);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result: RunResult = { frames, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify({ ...result, checksum })}\n`);
}

function measure(request: RunRequest): RunResult {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [...process.execArgv, script, '--child', JSON.stringify(request)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as RunResult;
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) {
    await runChild(JSON.parse(process.argv[childIndex + 1] ?? '{}') as RunRequest);
    return;
  }
  const quick = process.argv.includes('--quick');
  const files = FOOTAGE.filter((file) => {
    if (!existsSync(file)) console.warn(`skipping ${file}: not found. ${FOOTAGE_SOURCE}`);
    return existsSync(file);
  });
  if (files.length === 0) throw new Error(`No footage found: looked for ${FOOTAGE.join(', ')}.`);

  const rows: string[] = [];
  for (const file of files) {
    const info = await probeVideo(file);
    for (const consumer of ['fast', 'slow'] as const) {
      for (const reader of ['preallocated', 'concat'] as const) {
        const frameLimit = quick ? QUICK_FRAME_LIMIT : Number.MAX_SAFE_INTEGER;
        const result = measure({ reader, consumer, file, frameLimit });
        const fps = result.frames / result.seconds;
        console.log(`${file} ${consumer} ${reader}: ${result.frames} frames, ${fps.toFixed(0)} frames/s, peak RSS ${result.peakRssMb.toFixed(0)} MB`);
        rows.push(`| ${file.split('/').at(-1)} (${info.width}x${info.height}) | ${consumer} | ${reader} | ${result.frames} | ${fps.toFixed(0)} | ${result.peakRssMb.toFixed(0)} |`);
      }
    }
  }
  writeResultsSection(RESULTS_PATH, 'Video decoding', report(rows, quick));
  console.log(`wrote the "Video decoding" section of ${RESULTS_PATH}`);
}

function report(rows: string[], quick: boolean): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Command: \`npx tsx bench/decodeBench.ts${quick ? ' --quick' : ''}\`, ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${cpus().length} cores (shared with other work), Node ${process.version}, ${execFileSync(FFMPEG_COMMAND, ['-version'], { encoding: 'utf8' }).split('\n')[0]}.`,
    '',
    `Footage: ${FOOTAGE_SOURCE}`,
    '',
    'Full-resolution RGB24 decode of every frame. `preallocated` is `readVideoFrames` (one buffer per frame with chunks copied in, at most two frames decoded ahead, stdout paused beyond that), and `concat` joins each stdout chunk with `Buffer.concat` and queues frames from flowing `data` events.',
    `Consumer \`fast\` reads one byte per frame, and \`slow\` waits ${SLOW_CONSUMER_MS} ms per frame. Each run is a separate process, and peak RSS is its \`maxRSS\`, which includes the Node and tsx runtime common to both readers.`,
    '',
    '| footage | consumer | reader | frames | frames/s | peak RSS (MB) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

await main();
