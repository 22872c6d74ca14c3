import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadStoreConfig, parseConfigJson, parseStoreConfig } from '../../../main/config/loadConfig.js';
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

  it.each([
    // The worker used to crash-loop on these two: both are lists from ml/detection.
    [{ detector: { backend: 'gpu-please' } }, 'detector.backend: must be one of "auto", "tfjs-node-gpu", "tfjs-node", "wasm", "cpu", got "gpu-please"'],
    [{ detector: { model: 'yolo' } }, 'detector.model: must be one of "centernet", "nanodet", got "yolo"'],
    // CenterNet's backbone downsamples by 32.
    [{ detector: { inputSize: 300 } }, 'detector.inputSize: must be a multiple of 32 for centernet, got 300'],
    // NanoDet was exported for one input size only.
    [{ detector: { model: 'nanodet', inputSize: 320 } }, 'detector.inputSize: must be 416 for nanodet (its only input size), got 320'],
    [{ detector: { scoreThreshold: 1.5 } }, 'detector.scoreThreshold: must be at most 1, got 1.5'],
    // A misspelt key would silently fall back to the default retention.
    [{ storage: { retentionDay: 30 } }, 'storage: unknown key "retentionDay" (did you mean "retentionDays"?); allowed keys: retentionDays'],
    // A top-level typo.
    [{ sever: { port: 80 } }, '(top level): unknown key "sever" (did you mean "server"?); allowed keys: storeName, cameras, detector, storage, server'],
    // A key with nothing close gets no suggestion.
    [{ theme: 'dark' }, '(top level): unknown key "theme"; allowed keys: storeName, cameras, detector, storage, server'],
    // Two unknown keys in one object are listed together.
    [{ server: { hots: 'x', prt: 1 } }, 'server: unknown keys "hots" (did you mean "host"?), "prt" (did you mean "port"?); allowed keys: host, port'],
    // Wrong case is a typo too.
    [{ cameras: [{ ...camera, FPS: 5 }] }, 'cameras[0]: unknown key "FPS" (did you mean "fps"?); allowed keys: id, name, url, fps, loop, realtime, lines, zones, heatmap'],
    [{ cameras: [{ ...camera, heatmap: { cellSize: 8 } }] }, 'cameras[0].heatmap: unknown key "cellSize" (did you mean "cellSizePx"?); allowed keys: backgroundPath, cellSizePx'],
    [{ cameras: [{ ...camera, lines: [{ id: 'l', name: 'L', points: [0, 0, 1, 1], entrnace: true }] }] }, 'cameras[0].lines[0]: unknown key "entrnace" (did you mean "entrance"?); allowed keys: id, name, points, entrance'],
    [{ cameras: [{ ...camera, zones: [{ id: 'z', name: 'Z', polygon: [[0, 0], [1, 0], [1, 1]], colour: 'red' }] }] }, 'cameras[0].zones[0]: unknown key "colour"; allowed keys: id, name, polygon'],
    // zod's own wording here was "Too big: expected number to be <=30".
    [{ cameras: [{ ...camera, fps: 60 }] }, 'cameras[0].fps: must be at most 30, got 60'],
    [{ cameras: [{ ...camera, fps: 0 }] }, 'cameras[0].fps: must be greater than 0, got 0'],
    [{ cameras: [{ ...camera, fps: '5' }] }, 'cameras[0].fps: must be a number, got "5"'],
    [{ cameras: [{ ...camera, loop: 'yes' }] }, 'cameras[0].loop: must be true or false, got "yes"'],
    [{ cameras: [{ ...camera, heatmap: { cellSizePx: 3.5 } }] }, 'cameras[0].heatmap.cellSizePx: must be a whole number, got 3.5'],
    [{ cameras: [{ ...camera, heatmap: { cellSizePx: 2 } }] }, 'cameras[0].heatmap.cellSizePx: must be at least 4, got 2'],
    [{ cameras: [{ ...camera, heatmap: { backgroundPath: '' } }] }, 'cameras[0].heatmap.backgroundPath: must be at least 1 characters long, got 0 characters'],
    [{ storage: { retentionDays: 0 } }, 'storage.retentionDays: must be at least 1, got 0'],
    [{ server: { port: 70000 } }, 'server.port: must be at most 65535, got 70000'],
    [{ cameras: 'door.mp4' }, 'cameras: must be a list [ … ], got "door.mp4"'],
    [{ detector: 'auto' }, 'detector: must be an object { … }, got "auto"'],
  ])('explains bad config %#', (overrides, line) => {
    const message = messageOf(() => parseStoreConfig({ cameras: [camera], ...overrides }, 'config.json'));
    expect(message.split('\n').map((text) => text.trim())).toContain(line);
  });

  it('explains a missing field', () => {
    expect(messageOf(() => parseStoreConfig({}, 'config.json'))).toContain('cameras: is missing; it must be a list [ … ]');
  });

  it('accepts every documented key', () => {
    const config = parseStoreConfig({
      storeName: 'Shop',
      cameras: [{
        ...camera, fps: 5, loop: true, realtime: false,
        lines: [{ id: 'l', name: 'L', points: [0, 0, 1, 1], entrance: true }],
        zones: [{ id: 'z', name: { 'zh-CN': '区', en: 'Z' }, polygon: [[0, 0], [1, 0], [1, 1]] }],
        heatmap: { backgroundPath: 'door.png', cellSizePx: 8 },
      }],
      detector: { model: 'nanodet', inputSize: 416, scoreThreshold: 0.4, backend: 'wasm' },
      storage: { retentionDays: 30 },
      server: { host: '127.0.0.1', port: 0 },
    }, 'test');
    expect(config.detector).toEqual({ model: 'nanodet', inputSize: 416, scoreThreshold: 0.4, backend: 'wasm' });
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
    expect(messageOf(() => loadStoreConfig({ dataDir: dir, configPath: file }))).toMatch(/not valid JSON: line 1, column 15: unexpected end of file/);
  });

  it('reads a file with a byte order mark', () => {
    // Windows Notepad may save UTF-8 with a BOM, which JSON.parse rejects.
    fs.writeFileSync(path.join(dir, 'config.json'), `\uFEFF${JSON.stringify({ cameras: [camera] })}`);
    expect(loadStoreConfig({ dataDir: dir }).config.cameras).toHaveLength(1);
  });
});

describe('parseConfigJson', () => {
  it.each([
    // A trailing comma, the most common hand-editing mistake.
    ['{\n  "cameras": [\n    { "id": "a", },\n  ]\n}', 3, 18, 'trailing comma before "}"'],
    // A missing comma between two properties on separate lines points at the second one.
    ['{\n  "storeName": "Shop"\n  "cameras": []\n}', 3, 3, 'expected "," or "}" after the property value'],
    // Single quotes are not JSON.
    ["{ 'cameras': [] }", 1, 3, 'expected a property name in double quotes'],
    ['{ "storeName": \'Shop\' }', 1, 16, 'unexpected character "\'"; expected a value'],
    // A Windows path with single backslashes.
    ['{ "url": "C:\\videos\\door.mp4" }', 1, 13, 'invalid escape in a string; a backslash in a Windows path is written as \\\\'],
    // An unquoted word.
    ['{ "loop": yes }', 1, 11, 'unexpected character \'y\'; expected a value'],
    // A misspelt literal.
    ['{ "loop": tru }', 1, 11, "unexpected character 't'; expected a value (strings need double quotes)"],
    // A string left open runs to the end of its line.
    ['{ "storeName": "Shop\n}', 1, 16, 'unterminated string'],
    // Chinese characters count as one column each.
    ['{ "storeName": "玩具店" x }', 1, 22, 'expected "," or "}" after the property value'],
    ['', 1, 1, 'unexpected end of file; a value is missing'],
    ['{ "cameras": [] } }', 1, 19, 'unexpected text after the end of the JSON value'],
    ['{ "fps": 05 }', 1, 11, 'expected "," or "}" after the property value'],
    ['[1, 2, ]', 1, 8, 'trailing comma before "]"'],
  ])('locates syntax error %#', (text, line, column, reason) => {
    expect(messageOf(() => parseConfigJson(text, 'config.json'))).toContain(`config.json is not valid JSON: line ${line}, column ${column}: ${reason}.`);
  });

  it('shows the line with a caret', () => {
    const message = messageOf(() => parseConfigJson('{\n  "fps": 5,\n}', 'config.json'));
    const lines = message.split('\n');
    // The caret sits under the character that broke the syntax.
    const shown = lines.findIndex((text) => text.trim() === '}');
    expect(shown).toBeGreaterThan(0);
    expect(lines[shown + 1]!.indexOf('^')).toBe(lines[shown]!.indexOf('}'));
  });
});
