import { describe, expect, it } from 'vitest';
import type { PersonDetector, RgbFrame } from '../../../ml/detection/types.js';
import type { CameraStatus } from '../../../main/api/wire.js';
import { parseStoreConfig } from '../../../main/config/loadConfig.js';
import type { CameraConfig } from '../../../main/config/schema.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { AnalysisSession, type CameraRunner } from '../../../main/pipeline/analysisSession.js';
import type { WorkerMessage } from '../../../main/pipeline/messages.js';

const config = parseStoreConfig({
  cameras: [{
    id: 'door', name: 'Door', url: 'door.mp4',
    lines: [{ id: 'line', name: 'Line', points: [0, 50, 100, 50], entrance: true }],
    zones: [{ id: 'all', name: 'All', polygon: [[0, 0], [100, 0], [100, 100], [0, 100]] }],
  }],
}, 'test');

/** Fake camera: the test pushes frames through `emit`; status reports running once started. */
class FakeRunner implements CameraRunner {
  started = false;
  stopped = false;
  constructor(
    readonly camera: CameraConfig,
    readonly emit: (frame: RgbFrame, timestampMs: number) => Promise<void>,
  ) {}
  status(): CameraStatus {
    let state: CameraStatus['state'] = 'starting';
    if (this.started) state = 'running';
    if (this.stopped) state = 'stopped';
    return {
      cameraId: this.camera.id, name: this.camera.name, state,
      framesAnalysed: 0, fps: 0, errorCode: null, errorMessage: null, nextRetryAtMs: null, retries: 0, backend: null, model: null,
    };
  }
  start(): void {
    this.started = true;
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
}

/** Fake detector: one person walking down 10 px a frame from y = 10. */
function walkingPerson(): PersonDetector {
  let calls = 0;
  return {
    modelName: 'fake-walker',
    async detect() {
      const y2 = 10 + 10 * calls++;
      return [{ box: { x1: 40, y1: y2 - 30, x2: 60, y2 }, score: 0.9 }];
    },
    dispose: () => undefined,
  };
}

const frame: RgbFrame = { width: 100, height: 100, data: new Uint8Array(100 * 100 * 3) };

describe('AnalysisSession', () => {
  it('posts minutes, live data and statuses', async () => {
    const messages: WorkerMessage[] = [];
    let runner: FakeRunner | null = null;
    const session = new AnalysisSession(config, {
      detector: walkingPerson(),
      backend: 'cpu',
      logger: createSilentLogger(),
      post: (message) => messages.push(message),
      createRunner: (camera, onFrame) => (runner = new FakeRunner(camera, onFrame)),
      nowMs: () => 0,
    });
    session.start();
    const minuteMs = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    for (let i = 0; i < 10; i++) await runner!.emit(frame, minuteMs + i * 200);
    await session.stop();

    const minutes = messages.flatMap((message) => (message.type === 'minute' ? [message.minute] : []));
    expect(minutes).toHaveLength(1);
    expect(minutes[0]!.frames).toBe(10);
    // The walker crosses y = 50 downwards, from the left-hand to the right-hand side of a
    // left-to-right line, once confirmed by the tracker.
    expect(minutes[0]!.lines).toEqual([{ lineId: 'line', crossedIn: 1, crossedOut: 0 }]);
    // The open visit ends at shutdown and is counted.
    expect(minutes[0]!.zones[0]!.visits).toBe(1);
    expect(messages.some((message) => message.type === 'live')).toBe(true);
    const states = messages.flatMap((message) => (message.type === 'status' ? [message.status.state] : []));
    expect(states).toContain('running');
    expect(states.at(-1)).toBe('stopped');
  });
});
