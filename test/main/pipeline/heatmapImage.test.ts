import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeatmapCells } from '../../../ml/analytics/types.js';
import { parseStoreConfig } from '../../../main/config/loadConfig.js';
import type { CameraConfig } from '../../../main/config/schema.js';
import { createRootLogger } from '../../../main/log/logger.js';
import { createHeatmapRenderer } from '../../../main/pipeline/heatmapImage.js';
import { decodePng, encodePng } from '../../../main/util/png.js';

let dir: string;

function solidPng(width: number, height: number, grey: number): Buffer {
  const data = new Uint8Array(width * height * 4).fill(grey);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return encodePng({ width, height, data });
}

function camera(backgroundPath?: string): CameraConfig {
  const heatmap = backgroundPath ? { backgroundPath, cellSizePx: 16 } : { cellSizePx: 16 };
  return parseStoreConfig({ cameras: [{ id: 'cam', name: 'Cam', url: 'cam.mp4', heatmap }] }, 'test').cameras[0]!;
}

/** 4×3 cells of 16 px over a 64×48 frame, with one busy cell. */
const cells: HeatmapCells = { cols: 4, rows: 3, cellSizePx: 16, imageWidth: 64, imageHeight: 48, counts: Uint32Array.from([0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0]) };

function warnings(): { count: () => number; stream: Writable } {
  let count = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      count += chunk.toString('utf8').split('\n').filter((line) => line.includes('"level":40')).length;
      done();
    },
  });
  return { count: () => count, stream };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-heatmap-'));
  fs.writeFileSync(path.join(dir, 'fits.png'), solidPng(64, 48, 40));
  fs.writeFileSync(path.join(dir, 'wrong-size.png'), solidPng(32, 32, 40));
  fs.writeFileSync(path.join(dir, 'not-png.png'), 'plain text');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('createHeatmapRenderer', () => {
  it('draws over a fitting background', () => {
    const render = createHeatmapRenderer(createRootLogger({ level: 'silent' }));
    const image = decodePng(render(camera(path.join(dir, 'fits.png')), cells));
    expect([image.width, image.height]).toEqual([64, 48]);
    // A corner far from the busy cell keeps the dark background; the neutral grid is much lighter.
    expect(image.data[0]).toBe(40);
  });

  it.each([
    ['wrong-size.png'], // not the frame size
    ['not-png.png'], // unreadable as PNG
    ['missing.png'], // no such file
  ])('falls back to the grid for %s', (file) => {
    const logs = warnings();
    const render = createHeatmapRenderer(createRootLogger({ destination: logs.stream }));
    const cameraConfig = camera(path.join(dir, file));
    const image = decodePng(render(cameraConfig, cells));
    render(cameraConfig, cells);
    expect([image.width, image.height]).toEqual([64, 48]);
    expect(image.data[0]).toBeGreaterThan(200);
    // Two requests, one warning.
    expect(logs.count()).toBe(1);
  });

  it.each([
    ['not-png.png', 'heatmap_background_invalid'], // text file with a .png name
    ['missing.png', 'heatmap_background_invalid'], // no such file
  ])('reports %s at creation', (file, code) => {
    const notices: { code: string; message: string }[] = [];
    const backgroundPath = path.join(dir, file);
    createHeatmapRenderer(createRootLogger({ level: 'silent' }), {
      cameras: [camera(backgroundPath)],
      onNotice: (noticeCode, message) => notices.push({ code: noticeCode, message }),
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.code).toBe(code);
    // The manager needs the file and the camera to fix it.
    expect(notices[0]!.message).toContain(backgroundPath);
    expect(notices[0]!.message).toContain('"cam"');
  });

  it('reports a wrong size once', () => {
    const notices: string[] = [];
    const wrongSize = camera(path.join(dir, 'wrong-size.png'));
    const render = createHeatmapRenderer(createRootLogger({ level: 'silent' }), {
      cameras: [wrongSize],
      onNotice: (code) => notices.push(code),
    });
    // A readable PNG is fine at creation; its size is known to be wrong only when the counts' frame size is.
    expect(notices).toEqual([]);
    render(wrongSize, cells);
    render(wrongSize, cells);
    expect(notices).toEqual(['heatmap_background_wrong_size']);
  });

  it('reports nothing for a fitting picture', () => {
    const notices: string[] = [];
    const fits = camera(path.join(dir, 'fits.png'));
    const render = createHeatmapRenderer(createRootLogger({ level: 'silent' }), { cameras: [fits], onNotice: (code) => notices.push(code) });
    render(fits, cells);
    expect(notices).toEqual([]);
  });

  it('draws an empty grid without counts', () => {
    const render = createHeatmapRenderer(createRootLogger({ level: 'silent' }));
    const image = decodePng(render(camera(), null));
    expect([image.width, image.height]).toEqual([640, 480]);
  });
});
