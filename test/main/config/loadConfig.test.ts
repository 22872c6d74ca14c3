import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadStoreConfig, parseStoreConfig } from '../../../main/config/loadConfig.js';
import { DEFAULT_ANALYSIS_FPS, DEFAULT_RETENTION_DAYS } from '../../../main/config/schema.js';

const camera = { id: 'cam1', name: 'Door', url: 'door.mp4' };

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseStoreConfig', () => {
  it('fills defaults', () => {
    const config = parseStoreConfig({ cameras: [camera] }, 'test');
    expect(config.cameras[0]!.fps).toBe(DEFAULT_ANALYSIS_FPS);
    expect(config.storage.retentionDays).toBe(DEFAULT_RETENTION_DAYS);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.cameras[0]!.lines).toEqual([]);
  });

  it.each([
    // fps must be positive
    [{ cameras: [{ ...camera, fps: 0 }] }, 'cameras[0].fps'],
    // a line needs four numbers
    [{ cameras: [{ ...camera, lines: [{ id: 'l', name: 'L', points: [1, 2, 3] }] }] }, 'cameras[0].lines[0].points'],
    // a zone needs three points
    [{ cameras: [{ ...camera, zones: [{ id: 'z', name: 'Z', polygon: [[0, 0], [1, 1]] }] }] }, 'cameras[0].zones[0].polygon'],
    // ids go into URLs
    [{ cameras: [{ ...camera, id: 'has space' }] }, 'cameras[0].id'],
    // unknown URL scheme
    [{ cameras: [{ ...camera, url: 'ftp://host/video' }] }, 'cameras[0].url'],
    // duplicate camera ids
    [{ cameras: [camera, camera] }, 'cameras[1].id'],
    // cameras missing entirely
    [{}, 'cameras'],
    [{ cameras: [camera], server: { port: 70000 } }, 'server.port'],
    // a two-language name needs both languages
    [{ cameras: [{ ...camera, name: { en: 'Door' } }] }, 'cameras[0].name'],
    // an empty Chinese name
    [{ cameras: [{ ...camera, zones: [{ id: 'z', name: { 'zh-CN': ' ', en: 'Z' }, polygon: [[0, 0], [1, 0], [1, 1]] }] }] }, 'cameras[0].zones[0].name.zh-CN'],
    // an unknown language key, most likely a typo of zh-CN
    [{ cameras: [{ ...camera, lines: [{ id: 'l', name: { zh: '门', en: 'Door' }, points: [0, 0, 1, 1] }] }] }, 'cameras[0].lines[0].name'],
    // a name that is neither a string nor an object
    [{ cameras: [{ ...camera, name: 7 }] }, 'cameras[0].name'],
  ])('names the bad field %#', (json, field) => {
    expect(messageOf(() => parseStoreConfig(json, 'config.json'))).toContain(`${field}:`);
  });

  it('keeps a plain name without names', () => {
    const parsed = parseStoreConfig({ cameras: [{ ...camera, lines: [{ id: 'l', name: 'Door', points: [0, 0, 1, 1] }] }] }, 'test');
    expect(parsed.cameras[0]!.name).toBe('Door');
    expect(parsed.cameras[0]!.names).toBeUndefined();
    expect(parsed.cameras[0]!.lines[0]!.name).toBe('Door');
    expect(parsed.cameras[0]!.lines[0]!.names).toBeUndefined();
  });

  it('reads names in both languages', () => {
    const both = { 'zh-CN': '入口', en: 'Entrance' };
    const parsed = parseStoreConfig({
      cameras: [{
        ...camera,
        name: both,
        lines: [{ id: 'l', name: both, points: [0, 0, 1, 1] }],
        zones: [{ id: 'z', name: { 'zh-CN': '步行道', en: 'Walkway' }, polygon: [[0, 0], [1, 0], [1, 1]] }],
      }],
    }, 'test');
    const parsedCamera = parsed.cameras[0]!;
    // `name` stays a string, in English, for logs and readers that know only one name.
    expect(parsedCamera.name).toBe('Entrance');
    expect(parsedCamera.names).toEqual(both);
    expect(parsedCamera.lines[0]!.name).toBe('Entrance');
    expect(parsedCamera.lines[0]!.names).toEqual(both);
    expect(parsedCamera.zones[0]!.name).toBe('Walkway');
    expect(parsedCamera.zones[0]!.names).toEqual({ 'zh-CN': '步行道', en: 'Walkway' });
  });

  it.each([
    ['rtsp://10.0.0.5/stream1'],
    ['http://10.0.0.5/mjpeg'],
    ['webcam:0'],
    ['/dev/video2'],
    ['videos/door.mp4'],
  ])('accepts camera url %s', (url) => {
    expect(parseStoreConfig({ cameras: [{ ...camera, url }] }, 'test').cameras[0]!.url).toBe(url);
  });
});

describe('loadStoreConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the demo store without a file', () => {
    const loaded = loadStoreConfig({ dataDir: dir });
    expect(loaded.path).toBeNull();
    expect(loaded.config.cameras[0]!.url).toBe(path.join(dir, 'samples', 'vtest.avi'));
    expect(loaded.config.cameras[0]!.lines.some((line) => line.entrance)).toBe(true);
    expect(loaded.config.cameras[0]!.zones).toHaveLength(2);
    // The dashboard defaults to zh-CN, so every demo name has a Chinese form.
    expect(loaded.config.cameras[0]!.names).toEqual({ 'zh-CN': '入口', en: 'Entrance' });
    expect(loaded.config.cameras[0]!.lines.map((line) => line.names?.['zh-CN'])).toEqual(['入口']);
    expect(loaded.config.cameras[0]!.zones.map((zone) => zone.names?.['zh-CN'])).toEqual(['步行道', '路口']);
  });

  it('reads config.json from the data dir', () => {
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ storeName: 'Shop', cameras: [camera] }));
    const loaded = loadStoreConfig({ dataDir: dir });
    expect(loaded.config.storeName).toBe('Shop');
    // A relative video path resolves against the config file's folder.
    expect(loaded.config.cameras[0]!.url).toBe(path.join(dir, 'door.mp4'));
  });

  it('rejects a missing --config file', () => {
    expect(messageOf(() => loadStoreConfig({ dataDir: dir, configPath: path.join(dir, 'nope.json') }))).toMatch(/not found/);
  });

  it('rejects invalid JSON', () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{ "cameras": [');
    expect(messageOf(() => loadStoreConfig({ dataDir: dir, configPath: file }))).toMatch(/not valid JSON/);
  });
});
