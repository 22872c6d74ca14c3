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

/**
 * Returns a function that draws a day's heatmap as PNG over the installer's
 * empty-store picture (`heatmap.backgroundPath`, PNG) or a neutral grid. A
 * picture that is missing, not a PNG or not the camera's analysis frame size
 * is logged once and replaced by the grid.
 */
export function createHeatmapRenderer(logger: Logger): HeatmapRenderer {
  const backgrounds = new Map<string, RgbaImage | null>();
  const warnedSizes = new Set<string>();

  const backgroundFor = (camera: CameraConfig): RgbaImage | null => {
    const file = camera.heatmap.backgroundPath;
    if (!file) return null;
    if (!backgrounds.has(camera.id)) backgrounds.set(camera.id, readBackground(file, camera.id, logger));
    return backgrounds.get(camera.id) ?? null;
  };

  return (camera, cells) => {
    const background = backgroundFor(camera);
    const grid = cells ? toHeatmapGrid(cells) : emptyGrid(camera, background);
    const fits = background !== null && background.width === grid.imageWidth && background.height === grid.imageHeight;
    if (background && !fits && !warnedSizes.has(camera.id)) {
      warnedSizes.add(camera.id);
      logger.warn(
        { cameraId: camera.id, background: `${background.width}x${background.height}`, frame: `${grid.imageWidth}x${grid.imageHeight}` },
        'heatmap background is not the analysis frame size; drawing the neutral grid instead',
      );
    }
    return encodePng(renderHeatmap(grid, fits ? { background } : {}));
  };
}

function emptyGrid(camera: CameraConfig, background: RgbaImage | null): HeatmapGrid {
  const size = background ? { imageWidth: background.width, imageHeight: background.height } : FALLBACK_FRAME;
  return new HeatmapGrid({ ...size, cellSizePx: camera.heatmap.cellSizePx });
}

function readBackground(file: string, cameraId: string, logger: Logger): RgbaImage | null {
  try {
    return decodePng(fs.readFileSync(file));
  } catch (error) {
    logger.warn({ err: error, cameraId, file }, 'heatmap background picture cannot be read; drawing the neutral grid instead');
    return null;
  }
}
