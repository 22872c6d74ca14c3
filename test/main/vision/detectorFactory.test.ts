import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createRootLogger } from '../../../main/log/logger.js';
import { createDetectorForConfig, createModelFileReader, DetectorConfigError } from '../../../main/vision/detectorFactory.js';

/** Pino destination that keeps every log line as parsed JSON. */
function captureLogs(): { logger: ReturnType<typeof createRootLogger>; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createRootLogger({ level: 'info', destination }), lines };
}

const dir = mkdtempSync(join(tmpdir(), 'playaisle-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createModelFileReader', () => {
  it('reads a plain file name', async () => {
    writeFileSync(join(dir, 'model.json'), '{}');
    expect(new TextDecoder().decode(await createModelFileReader(dir)('model.json'))).toBe('{}');
  });

  const unsafe: Array<{ name: string; note: string }> = [
    { name: '../secret.bin', note: 'parent directory' },
    { name: 'sub/model.bin', note: 'subdirectory' },
    { name: '/etc/passwd', note: 'absolute path' },
    { name: '..', note: 'bare parent reference' },
  ];
  for (const { name, note } of unsafe) {
    it(`rejects a ${note}`, async () => {
      await expect(createModelFileReader(dir)(name)).rejects.toThrow(DetectorConfigError);
    });
  }
});

describe('createDetectorForConfig', () => {
  it('rejects an unknown model', async () => {
    const { logger } = captureLogs();
    await expect(createDetectorForConfig({ model: 'yolo' }, logger)).rejects.toThrow(/Unknown detector model "yolo": use one of centernet, nanodet/);
  });

  it('rejects an unknown backend', async () => {
    const { logger } = captureLogs();
    await expect(createDetectorForConfig({ backend: 'webgl' }, logger)).rejects.toThrow(/Unknown TensorFlow.js backend "webgl"/);
  });

  it('loads the model and logs the backend choice', async () => {
    const { logger, lines } = captureLogs();
    const { detector, backend } = await createDetectorForConfig({ model: 'centernet', inputSize: 320, backend: 'auto' }, logger);
    // tfjs-node(-gpu) are optional and absent on the development machine, so auto ends at wasm there.
    expect(['tfjs-node-gpu', 'tfjs-node', 'wasm']).toContain(backend);
    expect(detector.modelName).toBe('centernet-320');
    const selected = lines.find((line) => line.msg === 'tensorflow backend selected');
    expect(selected?.backend).toBe(backend);
    expect(selected?.module).toBe('vision');
    expect(String(selected?.reason)).toContain(`using ${backend}`);
    expect(lines.some((line) => line.msg === 'person detector loaded')).toBe(true);
    detector.dispose();
  });
});
