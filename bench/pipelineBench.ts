/**
 * Analysis pipeline benchmark: does camera analysis slow the API down? Runs
 * startPlayAisle twice on a temp data folder, once with analysis off and once
 * with one camera looping TUD-Stadtmitte at 5 fps through the real detector
 * in the worker thread. In each run it requests /api/traffic/summary every
 * 50 ms and records the response times and the main thread's event-loop delay.
 * Writes the "Analysis pipeline" section of bench/RESULTS.md and raw numbers
 * to bench/out/pipelineBench.json.
 *
 *   npx tsx bench/pipelineBench.ts [--seconds N]   (default 10 s per run)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CameraStatus } from '../main/api/wire.js';
import { startPlayAisle } from '../main/app.js';
import { parseStoreConfig } from '../main/config/loadConfig.js';
import { createSilentLogger } from '../main/log/logger.js';
import { writeResultsSection } from './lib/resultsSection.js';

const ROOT = join(import.meta.dirname, '..');
const CLIP = join(ROOT, '..', 'shared', 'data', 'tud-stadtmitte', 'TUD-Stadtmitte.mp4');
const REQUEST_INTERVAL_MS = 50;
/** Maximum wait for the detector to load and the camera to analyse its first frames. */
const WARM_UP_TIMEOUT_MS = 120_000;

interface RunResult {
  analysis: boolean;
  requests: number;
  latencyMs: { p50: number; p95: number; max: number };
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  framesAnalysed: number;
  framesPerSecond: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

async function cameraFrames(url: string): Promise<number> {
  const cameras = (await (await fetch(`${url}/api/cameras`)).json()) as CameraStatus[];
  return cameras[0]?.state === 'running' ? cameras[0].framesAnalysed : 0;
}

async function measure(analysis: boolean, seconds: number): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'playaisle-bench-'));
  const config = parseStoreConfig({
    cameras: [{
      id: 'street', name: 'Street', url: CLIP, fps: 5, loop: true, realtime: true,
      lines: [{ id: 'line', name: 'Line', points: [480, 150, 480, 480], entrance: true }],
      zones: [{ id: 'left', name: 'Left', polygon: [[0, 0], [320, 0], [320, 480], [0, 480]] }],
    }],
  }, 'pipeline benchmark');
  const app = await startPlayAisle({ port: 0, dataDir, config, analysis, logger: createSilentLogger(), staticDir: dataDir });
  try {
    if (analysis) {
      const deadline = Date.now() + WARM_UP_TIMEOUT_MS;
      while ((await cameraFrames(app.url)) < 5) {
        if (Date.now() > deadline) throw new Error('the camera did not start analysing in time');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const framesBefore = analysis ? await cameraFrames(app.url) : 0;
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const latencies: number[] = [];
    const startedMs = performance.now();
    while (performance.now() - startedMs < seconds * 1000) {
      const requestStartMs = performance.now();
      await (await fetch(`${app.url}/api/traffic/summary`)).json();
      latencies.push(performance.now() - requestStartMs);
      await new Promise((resolve) => setTimeout(resolve, REQUEST_INTERVAL_MS));
    }
    delay.disable();
    const elapsedSeconds = (performance.now() - startedMs) / 1000;
    const framesAnalysed = analysis ? (await cameraFrames(app.url)) - framesBefore : 0;
    latencies.sort((a, b) => a - b);
    const round = (value: number): number => Math.round(value * 10) / 10;
    return {
      analysis,
      requests: latencies.length,
      latencyMs: { p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), max: round(latencies.at(-1) ?? 0) },
      eventLoopDelayMs: { p50: round(delay.percentile(50) / 1e6), p99: round(delay.percentile(99) / 1e6), max: round(delay.max / 1e6) },
      framesAnalysed,
      framesPerSecond: round(framesAnalysed / elapsedSeconds),
    };
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(results: RunResult[], seconds: number): string {
  const rows = results.map((result) =>
    `| ${result.analysis ? 'on (1 camera, 5 fps)' : 'off'} | ${result.requests} | ${result.latencyMs.p50} | ${result.latencyMs.p95} | ${result.latencyMs.max} | ` +
    `${result.eventLoopDelayMs.p50} | ${result.eventLoopDelayMs.p99} | ${result.eventLoopDelayMs.max} | ${result.analysis ? result.framesPerSecond : '-'} |`);
  return [
    `Command: \`npx tsx bench/pipelineBench.ts --seconds ${seconds}\`, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `${cpus().length} cores (shared with other work), Node ${process.version}.`,
    '',
    `Each run starts PlayAisle on a temp data folder and requests \`/api/traffic/summary\` every ${REQUEST_INTERVAL_MS} ms for ${seconds} s. ` +
      'With analysis on, one camera loops TUD-Stadtmitte (640×480) at real-time pace with 5 fps analysis through the real detector, ' +
      'in the worker thread; measuring starts once it has analysed 5 frames. Latency is the wall time of one request and its JSON body, ' +
      'measured in the same process as the server. Event-loop delay is `monitorEventLoopDelay` on the main thread, sampled every 1 ms, and includes that 1 ms. ' +
      'frames/s is the camera\'s analysed frames over the run, below 5 when the detector cannot keep up.',
    '',
    '| analysis | requests | latency p50 ms | p95 ms | max ms | event-loop delay p50 ms | p99 ms | max ms | frames/s |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const index = process.argv.indexOf('--seconds');
  const seconds = index >= 0 ? Number(process.argv[index + 1]) : 10;
  if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got ${process.argv[index + 1]}`);
  if (!existsSync(CLIP)) {
    console.log(`Skipping the pipeline benchmark: ${CLIP} is missing (it comes with ../shared/data).`);
    return;
  }
  const results = [await measure(false, seconds), await measure(true, seconds)];
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'out', 'pipelineBench.json'), `${JSON.stringify(results, null, 2)}\n`);
  const body = report(results, seconds);
  writeResultsSection(join(ROOT, 'bench', 'RESULTS.md'), 'Analysis pipeline', body);
  console.log(body);
}

await main();
