import fs from 'node:fs';
import { toHeatmapGrid } from '../../ml/analytics/heatmapCells.js';
import type { HeatmapCells } from '../../ml/analytics/types.js';
import { HeatmapGrid } from '../../ml/heatmap/heatmapGrid.js';
import { renderHeatmap } from '../../ml/heatmap/renderHeatmap.js';
import type { RgbaImage } from '../../ml/heatmap/rgbaImage.js';
import type { CameraConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { decodePng, encodePng } from '../util/png.js';

/** Frame size assumed for a camera with no counts yet and no background picture (the cameras' default analysis width). */
const FALLBACK_FRAME = { imageWidth: 640, imageHeight: 480 };

export interface HeatmapRenderer {
  (camera: CameraConfig, cells: HeatmapCells | null): Buffer;
}

/** Store-level notice codes of a background picture that cannot be drawn. */
export const HEATMAP_BACKGROUND_INVALID = 'heatmap_background_invalid';
export const HEATMAP_BACKGROUND_WRONG_SIZE = 'heatmap_background_wrong_size';

export interface HeatmapRendererOptions {
  /** Cameras whose background pictures are read at creation, so a bad file is reported at start-up. */
  cameras?: readonly CameraConfig[];
  /** Callback for one notice per camera whose picture is replaced by the grid. */
  onNotice?: (code: string, message: string) => void;
}

/**
 * Returns a function that draws a day's heatmap as PNG over the installer's
 * empty-store picture (`heatmap.backgroundPath`, PNG) or a neutral grid. A
 * picture that is missing, not a PNG or not the camera's analysis frame size
 * is logged and reported once and replaced by the grid.
 */
export function createHeatmapRenderer(logger: Logger, options: HeatmapRendererOptions = {}): HeatmapRenderer {
  const backgrounds = new Map<string, RgbaImage | null>();
  const warnedSizes = new Set<string>();
  const notify = options.onNotice ?? ((): void => undefined);

  const backgroundFor = (camera: CameraConfig): RgbaImage | null => {
    const file = camera.heatmap.backgroundPath;
    if (!file) return null;
    if (!backgrounds.has(camera.id)) backgrounds.set(camera.id, readBackground(file, camera.id, logger, notify));
    return backgrounds.get(camera.id) ?? null;
  };
  for (const camera of options.cameras ?? []) backgroundFor(camera);

  return (camera, cells) => {
    const background = backgroundFor(camera);
    const grid = cells ? toHeatmapGrid(cells) : emptyGrid(camera, background);
    const fits = background !== null && background.width === grid.imageWidth && background.height === grid.imageHeight;
    if (background && !fits && !warnedSizes.has(camera.id)) {
      warnedSizes.add(camera.id);
      const backgroundSize = `${background.width}x${background.height}`;
      const frameSize = `${grid.imageWidth}x${grid.imageHeight}`;
      logger.warn(
        { cameraId: camera.id, background: backgroundSize, frame: frameSize },
        'heatmap background is not the analysis frame size; drawing the neutral grid instead',
      );
      notify(
        HEATMAP_BACKGROUND_WRONG_SIZE,
        `Heatmap background ${camera.heatmap.backgroundPath} of camera "${camera.id}" is ${backgroundSize} pixels, but the camera is analysed at ${frameSize}. Save a ${frameSize} PNG there and restart; the neutral grid is drawn until then.`,
      );
    }
    return encodePng(renderHeatmap(grid, fits ? { background } : {}));
  };
}

function emptyGrid(camera: CameraConfig, background: RgbaImage | null): HeatmapGrid {
  const size = background ? { imageWidth: background.width, imageHeight: background.height } : FALLBACK_FRAME;
  return new HeatmapGrid({ ...size, cellSizePx: camera.heatmap.cellSizePx });
}

function readBackground(file: string, cameraId: string, logger: Logger, notify: (code: string, message: string) => void): RgbaImage | null {
  try {
    return decodePng(fs.readFileSync(file));
  } catch (error) {
    logger.warn({ err: error, cameraId, file }, 'heatmap background picture cannot be read; drawing the neutral grid instead');
    notify(
      HEATMAP_BACKGROUND_INVALID,
      `Heatmap background ${file} of camera "${cameraId}" cannot be read as a PNG (${(error as Error).message}). Replace it with a PNG of the empty store, or remove heatmap.backgroundPath, and restart; the neutral grid is drawn until then.`,
    );
    return null;
  }
}
