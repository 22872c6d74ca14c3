/**
 * `npm run analyze -- --video PATH [--line x1,y1,x2,y2]…`: offline people
 * counting on one video file with the same detector, tracker and counters as
 * the store cameras. See ANALYZE_HELP in analyzeArgs.ts for the options.
 *
 * Exit codes: 0 done, 1 the video or the detector failed, 2 invalid arguments.
 */
import fs from 'node:fs';
import pino from 'pino';
import { createFrameAnalyzer } from '../../ml/analytics/analyzerFactory.js';
import type { FrameResult } from '../../ml/analytics/types.js';
import type { TrackedObject } from '../../ml/tracking/types.js';
import { VideoError } from '../cameras/errors.js';
import { probeVideo, readVideoFrames, assertReadableFile } from '../cameras/ffmpegFrames.js';
import { createRootLogger } from '../log/logger.js';
import { createDetectorForConfig, DetectorConfigError } from '../vision/detectorFactory.js';
import { ANALYZE_HELP, parseAnalyzeArgs, UsageError, type AnalyzeArgs } from './analyzeArgs.js';

interface ZoneTally {
  id: string;
  visits: number;
  dwellMsTotal: number;
  occupancyMax: number;
}

interface AnalysisTotals {
  frames: number;
  seconds: number;
  lines: { points: readonly number[]; in: number; out: number }[];
  zones: { id: string; visits: number; meanDwellMs: number; occupancyMax: number }[];
}

async function analyzeVideo(args: AnalyzeArgs): Promise<{ totals: AnalysisTotals; motLines: string[] }> {
  await assertReadableFile(args.video);
  const info = await probeVideo(args.video);
  const logger = createRootLogger({ level: 'warn', destination: pino.destination(2) });
  const { detector } = await createDetectorForConfig({ model: args.model, backend: args.backend }, logger);
  const analyzer = createFrameAnalyzer({ lines: args.lines, zones: args.zones, fps: args.fps ?? info.fps });

  const lineTotals = args.lines.map((line) => ({ points: line.points, in: 0, out: 0 }));
  const zoneTallies: ZoneTally[] = args.zones.map((zone) => ({ id: zone.id, visits: 0, dwellMsTotal: 0, occupancyMax: 0 }));
  const motLines: string[] = [];
  const startedMs = performance.now();
  let frames = 0;
  try {
    for await (const { frame, index, timestampMs } of readVideoFrames(args.video, args.fps ? { fps: args.fps } : {})) {
      const result = analyzer.analyze(await detector.detect(frame), timestampMs, frame);
      addFrame(result, lineTotals, zoneTallies);
      // With --fps the output frame is the source frame nearest its timestamp, numbered from 1.
      const frameNumber = args.fps ? Math.round((timestampMs / 1000) * info.fps) + 1 : index + 1;
      for (const track of result.tracks) motLines.push(formatMotLine(frameNumber, track));
      frames += 1;
    }
  } finally {
    detector.dispose();
  }
  // Visits still open when the video ends count with the dwell seen so far.
  addZoneStates(analyzer.endVisits(), zoneTallies);

  const totals: AnalysisTotals = {
    frames,
    seconds: Math.round(performance.now() - startedMs) / 1000,
    lines: lineTotals,
    zones: zoneTallies.map((zone) => ({
      id: zone.id,
      visits: zone.visits,
      meanDwellMs: zone.visits > 0 ? Math.round(zone.dwellMsTotal / zone.visits) : 0,
      occupancyMax: zone.occupancyMax,
    })),
  };
  return { totals, motLines };
}

function addFrame(result: FrameResult, lineTotals: AnalysisTotals['lines'], zoneTallies: ZoneTally[]): void {
  result.lines.forEach((crossing, index) => {
    lineTotals[index]!.in += crossing.crossedIn;
    lineTotals[index]!.out += crossing.crossedOut;
  });
  addZoneStates(result.zones, zoneTallies);
}

function addZoneStates(states: FrameResult['zones'], zoneTallies: ZoneTally[]): void {
  states.forEach((state, index) => {
    const tally = zoneTallies[index]!;
    tally.visits += state.completedDwellMs.length;
    tally.dwellMsTotal += state.completedDwellMs.reduce((sum, dwellMs) => sum + dwellMs, 0);
    tally.occupancyMax = Math.max(tally.occupancyMax, state.occupancy);
  });
}

/** MOTChallenge line: frame,id,x,y,w,h,score,-1,-1,-1 with x,y the top-left corner in pixels. */
function formatMotLine(frameNumber: number, track: TrackedObject): string {
  const { x1, y1, x2, y2 } = track.box;
  const values = [x1, y1, x2 - x1, y2 - y1].map((value) => value.toFixed(2));
  return `${frameNumber},${track.trackerId},${values.join(',')},${track.score.toFixed(4)},-1,-1,-1`;
}

function printTotals(totals: AnalysisTotals): void {
  console.log(`Analysed ${totals.frames} frames in ${totals.seconds.toFixed(1)} s.`);
  if (totals.lines.length === 0) console.log('No --line given, so nothing was counted; add --line x1,y1,x2,y2.');
  for (const line of totals.lines) console.log(`line ${line.points.join(',')}: in ${line.in}, out ${line.out}`);
  for (const zone of totals.zones) {
    console.log(`zone ${zone.id}: ${zone.visits} visits, mean dwell ${(zone.meanDwellMs / 1000).toFixed(1)} s, max occupancy ${zone.occupancyMax}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: AnalyzeArgs;
  try {
    args = parseAnalyzeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  if (args.help) {
    console.log(ANALYZE_HELP);
    return 0;
  }
  try {
    const { totals, motLines } = await analyzeVideo(args);
    if (args.motOut) fs.writeFileSync(args.motOut, motLines.length > 0 ? `${motLines.join('\n')}\n` : '');
    if (args.jsonOut) fs.writeFileSync(args.jsonOut, `${JSON.stringify(totals, null, 2)}\n`);
    printTotals(totals);
    return 0;
  } catch (error) {
    if (error instanceof VideoError || error instanceof DetectorConfigError) {
      console.error(`Error: ${error.message}`);
      return error instanceof DetectorConfigError ? 2 : 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error('Error: analysis failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
