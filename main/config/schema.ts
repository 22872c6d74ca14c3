import { z } from 'zod';
import { BACKEND_REQUESTS, type BackendRequest } from '../../ml/detection/backend.js';
import { CENTERNET_INPUT_SIZE_MULTIPLE } from '../../ml/detection/centernet.js';
import { NANODET_INPUT_SIZE } from '../../ml/detection/nanodet.js';
import { DEFAULT_DETECTOR_MODEL, DETECTOR_MODELS, type DetectorModelName } from '../../ml/detection/personDetector.js';
import type { LocalizedNames } from '../api/wire.js';
import { strictObject } from './strictObject.js';

/**
 * The store configuration: cameras with their counting lines and zones, the
 * detector, storage retention and the local server. Every field has a default
 * except the camera list, so an installer writes only what differs. Unknown
 * keys are rejected, so a misspelt key cannot silently leave its default in place.
 */

/** Frames analysed per second per camera; higher tracks fast walkers better but costs CPU. */
export const DEFAULT_ANALYSIS_FPS = 5;
/** Upper bound on `fps`: person detection on a store PC CPU cannot keep up beyond this. */
export const MAX_ANALYSIS_FPS = 30;
/** Heatmap cell edge in pixels; smaller cells show finer paths but make each stored minute larger. */
export const DEFAULT_HEATMAP_CELL_PX = 16;
/** Days of per-minute aggregates kept; 400 covers a year-on-year comparison of the same day. */
export const DEFAULT_RETENTION_DAYS = 400;
export const DEFAULT_SERVER_HOST = '127.0.0.1';
/** Port the screens' `vite dev` proxy expects (vite.config.ts). */
export const DEFAULT_SERVER_PORT = 4780;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const idSchema = z.string().regex(ID_PATTERN, {
  message: 'must be 1-64 letters, digits, "_" or "-" (it is used in URLs and the database)',
});
const nameSchema = z.string().trim().min(1, { message: 'must be a non-empty display name' });
/**
 * A display name: one string, or one per dashboard language. Parsing turns
 * either form into `name` (English, for logs and old readers) plus `names`
 * when both languages were given.
 */
const localizedNameSchema = z.union([
  nameSchema,
  strictObject({ 'zh-CN': nameSchema, en: nameSchema }),
], { message: 'must be a non-empty display name, or { "zh-CN": "…", "en": "…" } with both names' });

/** Replaces a parsed `name` of either form by the English `name` and, when given, both `names`. */
function withDisplayNames<T extends { name: string | LocalizedNames }>(item: T): Omit<T, 'name'> & { name: string; names?: LocalizedNames } {
  const { name, ...rest } = item;
  if (typeof name === 'string') return { ...rest, name };
  return { ...rest, name: name.en, names: { 'zh-CN': name['zh-CN'], en: name.en } };
}

const pixelSchema = z.number().finite().min(0, { message: 'must be a pixel coordinate >= 0' });

/** Camera sources the frame reader accepts: a file path, rtsp://, http(s):// MJPEG, webcam:N or /dev/videoN. */
export function isSupportedCameraUrl(url: string): boolean {
  if (/^(rtsp|https?):\/\/\S+$/i.test(url)) return true;
  if (/^webcam:\d+$/.test(url) || /^\/dev\/video\d+$/.test(url)) return true;
  // Anything else without a URL scheme is a video file path.
  return url.length > 0 && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url);
}

export const lineSchema = strictObject({
  id: idSchema,
  name: localizedNameSchema,
  points: z.tuple([pixelSchema, pixelSchema, pixelSchema, pixelSchema], {
    message: 'must be [x1, y1, x2, y2] in the camera image pixels',
  }),
  /** Crossings of this line count toward the store's visitor totals. */
  entrance: z.boolean().default(false),
}).transform(withDisplayNames);

export const zoneSchema = strictObject({
  id: idSchema,
  name: localizedNameSchema,
  polygon: z
    .array(z.tuple([pixelSchema, pixelSchema]), { message: 'must be a list of [x, y] points in pixels' })
    .min(3, { message: 'must have at least 3 [x, y] points' }),
}).transform(withDisplayNames);

export const heatmapSchema = strictObject({
  /** Picture of the empty store from this camera, drawn under the heatmap; a neutral grid when absent. */
  backgroundPath: z.string().min(1).optional(),
  cellSizePx: z.number().int().min(4).max(128).default(DEFAULT_HEATMAP_CELL_PX),
});

export const cameraSchema = strictObject({
  id: idSchema,
  name: localizedNameSchema,
  url: z.string().refine(isSupportedCameraUrl, {
    message: 'must be a video file path, rtsp://…, http(s)://… (MJPEG), webcam:N or /dev/videoN',
  }),
  fps: z.number().positive().max(MAX_ANALYSIS_FPS).default(DEFAULT_ANALYSIS_FPS),
  /** Restart a file source from the beginning when it ends (demo footage). */
  loop: z.boolean().default(false),
  /** Read a file source at its own frame rate instead of as fast as possible. */
  realtime: z.boolean().default(true),
  lines: z.array(lineSchema).default([]),
  zones: z.array(zoneSchema).default([]),
  heatmap: heatmapSchema.default({ cellSizePx: DEFAULT_HEATMAP_CELL_PX }),
})
  .superRefine((camera, ctx) => {
    reportDuplicateIds(camera.lines.map((line) => line.id), ['lines'], ctx);
    reportDuplicateIds(camera.zones.map((zone) => zone.id), ['zones'], ctx);
  })
  .transform(withDisplayNames);

/** Detector settings; a field left out takes the detection code's default. */
export const detectorSchema = strictObject({
  model: z.enum(DETECTOR_MODELS as readonly [DetectorModelName, ...DetectorModelName[]]).optional(),
  inputSize: z.number().int().min(32).max(1280).optional(),
  scoreThreshold: z.number().min(0).max(1).optional(),
  backend: z.enum(BACKEND_REQUESTS as readonly [BackendRequest, ...BackendRequest[]]).optional(),
}).superRefine((detector, ctx) => {
  const message = inputSizeProblem(detector.model ?? DEFAULT_DETECTOR_MODEL, detector.inputSize);
  if (message) ctx.addIssue({ code: 'custom', path: ['inputSize'], message });
});

/** Input sizes the models can run at, checked here so that a bad one stops start-up instead of failing in the worker. */
function inputSizeProblem(model: DetectorModelName, inputSize: number | undefined): string | null {
  if (inputSize === undefined) return null;
  switch (model) {
    case 'centernet':
      return inputSize % CENTERNET_INPUT_SIZE_MULTIPLE === 0 ? null : `must be a multiple of ${CENTERNET_INPUT_SIZE_MULTIPLE} for centernet, got ${inputSize}`;
    case 'nanodet':
      return inputSize === NANODET_INPUT_SIZE ? null : `must be ${NANODET_INPUT_SIZE} for nanodet (its only input size), got ${inputSize}`;
    default: {
      const unknown: never = model;
      return `unknown model ${String(unknown)}`;
    }
  }
}

export const storeConfigSchema = strictObject({
  storeName: nameSchema.default('PlayAisle'),
  cameras: z.array(cameraSchema),
  detector: detectorSchema.default({}),
  storage: strictObject({ retentionDays: z.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS) })
    .default({ retentionDays: DEFAULT_RETENTION_DAYS }),
  server: strictObject({
    host: z.string().min(1).default(DEFAULT_SERVER_HOST),
    port: z.number().int().min(0).max(65535).default(DEFAULT_SERVER_PORT),
  }).default({ host: DEFAULT_SERVER_HOST, port: DEFAULT_SERVER_PORT }),
})
  .superRefine((config, ctx) => {
    reportDuplicateIds(config.cameras.map((camera) => camera.id), ['cameras'], ctx);
  });

export type StoreConfig = z.infer<typeof storeConfigSchema>;
export type CameraConfig = StoreConfig['cameras'][number];
export type LineConfig = CameraConfig['lines'][number];
export type ZoneConfig = CameraConfig['zones'][number];
export type DetectorConfig = StoreConfig['detector'];

function reportDuplicateIds(ids: string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `duplicate id "${id}"; give each one a unique id` });
    }
    seen.add(id);
  });
}
