import { describe, expect, it } from 'vitest';
import type { CameraStatus } from '../../../main/api/wire.js';
import { parseStoreConfig } from '../../../main/config/loadConfig.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { PipelineHost } from '../../../main/pipeline/pipelineHost.js';
import type { TrafficService } from '../../../main/pipeline/trafficService.js';

const config = parseStoreConfig({ cameras: [{ id: 'door', name: 'Door', url: 'door.mp4' }] }, 'test');

/** Hand-written fake of the TrafficService calls the host makes, recording them in order. */
class RecordingTraffic {
  events: string[] = [];
  setCameraStatus(status: CameraStatus): void {
    this.events.push(`status:${status.state}`);
  }
  failAllCameras(errorCode: string, _message: string, nextRetryAtMs: number | null): void {
    this.events.push(`fail:${errorCode}:${nextRetryAtMs === null ? 'final' : 'retry'}`);
  }
  saveLiveMinutes(): number {
    this.events.push('saveLive');
    return 0;
  }
  setLive(): void {}
  addFinishedMinute(): void {}
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('PipelineHost', () => {
  it('restarts a crashed worker', async () => {
    const traffic = new RecordingTraffic();
    const host = new PipelineHost({
      config,
      traffic: traffic as unknown as TrafficService,
      logger: createSilentLogger(),
      workerUrl: new URL('./fixtures/crashingWorker.ts', import.meta.url),
    });
    host.start();
    // First run, crash, then a second run after the first backoff delay (about 1 s).
    await until(() => traffic.events.filter((event) => event === 'status:running').length >= 2, 30_000);
    await host.stop(2_000);
    expect(traffic.events.slice(0, 4)).toEqual(['status:running', 'saveLive', 'fail:pipeline_crashed:retry', 'status:running']);
  });
});
