import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { LineSpec, ZoneSpec } from '../../ml/analytics/analyzerFactory.js';
import { BACKEND_REQUESTS, type BackendRequest } from '../../ml/detection/backend.js';
import {
  DEFAULT_DETECTOR_MODEL, DEFAULT_SCORE_THRESHOLD, DETECTOR_MODELS, defaultInputSize, type DetectorModelName,
} from '../../ml/detection/personDetector.js';

const OTHER_MODELS = DETECTOR_MODELS.filter((model) => model !== DEFAULT_DETECTOR_MODEL);

export const ANALYZE_HELP = `Usage: npm run analyze -- --video PATH [options]

Counts people crossing lines in a video file with the store's detector and
tracker, and prints the in/out counts per line. Every frame is analysed, as
fast as the machine allows. Only the outputs named below are written.

Options:
  --video PATH        Video file to analyse (required).
  --line x1,y1,x2,y2  Counting line from (x1,y1) to (x2,y2) in the video's pixels,
                      origin top-left, y down. Repeat for several lines.
                      Direction: walking from the left-hand side of the segment to
                      its right-hand side, as seen facing from (x1,y1) toward
                      (x2,y2) on the image, is "in"; the reverse is "out". For a
                      line drawn left to right, walking down the image is "in".
  --zone FILE         JSON file of zones: [{ "id": "shelf", "polygon": [[x,y], …] }, …]
                      (at least 3 points each, video pixels). Reports visits and dwell.
  --fps N             Analyse N frames per second instead of every frame.
  --model NAME        Detector model: ${DETECTOR_MODELS.join(' or ')}. Default: ${DEFAULT_DETECTOR_MODEL}, with a
                      ${defaultInputSize(DEFAULT_DETECTOR_MODEL)}×${defaultInputSize(DEFAULT_DETECTOR_MODEL)}-pixel model input and a minimum person score
                      of ${DEFAULT_SCORE_THRESHOLD}. ${OTHER_MODELS.map((model) => `${model} runs at ${defaultInputSize(model)}×${defaultInputSize(model)}`).join('; ')}.
  --backend NAME      TensorFlow.js backend: ${BACKEND_REQUESTS.join(', ')}.
                      Default: auto, the first that loads of tfjs-node-gpu,
                      tfjs-node and wasm.
  --mot-out FILE      Write tracks in MOTChallenge format, one box a line:
                      frame,id,x,y,w,h,score,-1,-1,-1 (frames from 1 in the video's
                      own numbering, x,y = top-left corner in pixels).
  --json-out FILE     Write { frames, seconds, lines: [{ points, in, out }],
                      zones: [{ id, visits, meanDwellMs, occupancyMax }] }, where
                      frames is the number analysed and seconds the analysis wall time.
  -h, --help          Show this help.
`;

/** A command-line mistake; the message names the option and the fix. */
export class UsageError extends Error {
  readonly code = 'invalid_arguments';
}

export interface AnalyzeArgs {
  help: boolean;
  video: string;
  lines: LineSpec[];
  zones: ZoneSpec[];
  fps?: number;
  model?: DetectorModelName;
  backend?: BackendRequest;
  motOut?: string;
  jsonOut?: string;
}

/** Parses and checks the arguments of `npm run analyze`; throws UsageError. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        video: { type: 'string' },
        line: { type: 'string', multiple: true },
        zone: { type: 'string' },
        fps: { type: 'string' },
        model: { type: 'string' },
        backend: { type: 'string' },
        'mot-out': { type: 'string' },
        'json-out': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run with --help for the options.`);
  }
  if (values.help) return { help: true, video: '', lines: [], zones: [] };
  if (!values.video) throw new UsageError('Missing --video PATH: name the video file to analyse.');

  const args: AnalyzeArgs = {
    help: false,
    video: values.video,
    lines: (values.line ?? []).map((text, index) => ({ id: `line${index + 1}`, points: parseLine(text) })),
    zones: values.zone ? readZones(values.zone) : [],
  };
  if (values.fps !== undefined) args.fps = parseFps(values.fps);
  if (values.model !== undefined) args.model = parseChoice('--model', values.model, DETECTOR_MODELS);
  if (values.backend !== undefined) args.backend = parseChoice('--backend', values.backend, BACKEND_REQUESTS);
  if (values['mot-out'] !== undefined) args.motOut = values['mot-out'];
  if (values['json-out'] !== undefined) args.jsonOut = values['json-out'];
  return args;
}

/** Parses `x1,y1,x2,y2`: four finite numbers, two distinct points. */
export function parseLine(text: string): [number, number, number, number] {
  const parts = text.split(',').map((part) => part.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 4 || parts.some((part) => part === '') || numbers.some((value) => !Number.isFinite(value))) {
    throw new UsageError(`Invalid --line "${text}": use four numbers x1,y1,x2,y2 in pixels, e.g. --line 0,240,640,240.`);
  }
  const [x1, y1, x2, y2] = numbers as [number, number, number, number];
  if (x1 === x2 && y1 === y2) throw new UsageError(`Invalid --line "${text}": the two end points are the same; give two different points.`);
  return [x1, y1, x2, y2];
}

/** Returns `text` when it is one of `choices`, so a typo fails before the video and the model are opened. */
function parseChoice<T extends string>(option: string, text: string, choices: readonly T[]): T {
  const choice = choices.find((candidate) => candidate === text);
  if (choice === undefined) throw new UsageError(`Invalid ${option} "${text}": use one of ${choices.join(', ')}.`);
  return choice;
}

function parseFps(text: string): number {
  const fps = Number(text);
  if (!(Number.isFinite(fps) && fps > 0 && fps <= 240)) {
    throw new UsageError(`Invalid --fps "${text}": use a number of frames per second above 0, e.g. --fps 5.`);
  }
  return fps;
}

function readZones(file: string): ZoneSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`Cannot read --zone file ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(json)) throw new UsageError(`Invalid --zone file ${file}: expected a JSON list of { "id", "polygon" } objects.`);
  return json.map((entry: unknown, index) => parseZone(entry, index, file));
}

function parseZone(entry: unknown, index: number, file: string): ZoneSpec {
  const zone = entry as { id?: unknown; polygon?: unknown } | null;
  const where = `zone ${index} in ${file}`;
  const id = typeof zone?.id === 'string' && zone.id !== '' ? zone.id : `zone${index + 1}`;
  const polygon = zone?.polygon;
  const isPoint = (point: unknown): point is [number, number] =>
    Array.isArray(point) && point.length === 2 && point.every((value) => typeof value === 'number' && Number.isFinite(value));
  if (!Array.isArray(polygon) || polygon.length < 3 || !polygon.every(isPoint)) {
    throw new UsageError(`Invalid ${where}: "polygon" must be a list of at least 3 [x, y] points in pixels.`);
  }
  return { id, polygon };
}
