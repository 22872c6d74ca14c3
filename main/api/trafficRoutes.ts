import type { CameraConfig } from '../config/schema.js';
import { localDateString, localDayRange } from '../storage/localDay.js';
import type { TrafficService } from '../pipeline/trafficService.js';
import type { HeatmapCells } from '../../ml/analytics/types.js';
import { ApiError, type Router } from './router.js';
import type { SseChannel } from './sse.js';

export interface TrafficRouteDeps {
  traffic: TrafficService;
  /** The `event: summary` stream of `/api/events`. */
  events: SseChannel;
  cameras: readonly CameraConfig[];
  version: string;
  /** Draws a day's heatmap cells (null when none) over the camera's background as PNG bytes. */
  renderHeatmapPng: (camera: CameraConfig, cells: HeatmapCells | null) => Promise<Buffer> | Buffer;
  nowMs: () => number;
}

/** Registers `/api/health`, `/api/traffic/*`, `/api/cameras` and `/api/events`. */
export function registerTrafficRoutes(router: Router, deps: TrafficRouteDeps): void {
  router.get('/api/health', () => ({ ok: true, version: deps.version }));

  router.get('/api/traffic/summary', ({ url }) => {
    const date = dateParam(url, deps.nowMs());
    return deps.traffic.summary(date);
  });

  router.get('/api/traffic/heatmap/:cameraId', async ({ url, params, res, req }) => {
    const camera = deps.cameras.find((entry) => entry.id === params.cameraId);
    if (!camera) throw new ApiError(404, 'camera_not_found', `No camera with id "${params.cameraId}".`);
    const range = localDayRange(dateParam(url, deps.nowMs()))!;
    const png = await deps.renderHeatmapPng(camera, deps.traffic.heatmap(camera.id, range));
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : png);
    return undefined;
  });

  router.get('/api/cameras', () => deps.traffic.cameraStatuses());

  router.get('/api/events', ({ req, res }) => {
    deps.events.accept(req, res);
    return undefined;
  });
}

/** Returns the `date` query parameter as a valid local `YYYY-MM-DD`, today when absent. */
function dateParam(url: URL, nowMs: number): string {
  const date = url.searchParams.get('date');
  if (date === null || date === '') return localDateString(nowMs);
  if (!localDayRange(date)) {
    throw new ApiError(400, 'invalid_date', `Invalid date "${date}": use a calendar date as YYYY-MM-DD, e.g. ${localDateString(nowMs)}.`);
  }
  return date;
}
