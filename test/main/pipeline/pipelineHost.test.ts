import { describe, expect, it } from 'vitest';
import type { CameraStatus } from '../../../main/api/wire.js';
import { parseStoreConfig } from '../../../main/config/loadConfig.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { PipelineHost } from '../../../main/pipeline/pipelineHost.js';
import type { TrafficService } from '../../../main/pipeline/trafficService.js';

const config = parseStoreConfig({ cameras: [{ id: 'door', name: 'Door', url: 'door.mp4' }] }, 'test');

/**
 * Hand-written fake of the TrafficService calls the host makes, recording them
 * in order. Like the real service, a failure with a retry time adds one retry.
 */
class RecordingTraffic {
  events: string[] = [];
  retries = 0;
  setCameraStatus(status: CameraStatus): void {
    this.events.push(`status:${status.state}:retries=${status.retries}`);
    this.retries = status.retries;
  }
  failAllCameras(errorCode: string, _message: string, nextRetryAtMs: number | null): void {
    this.events.push(`fail:${errorCode}:${nextRetryAtMs === null ? 'final' : 'retry'}`);
    if (nextRetryAtMs !== null) this.retries += 1;
  }
  cameraStatuses(): Pick<CameraStatus, 'cameraId' | 'retries'>[] {
    return [{ cameraId: 'door', retries: this.retries }];
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
    // Three runs with two crashes between them; the backoff delays are about 1 s and 2 s.
    await until(() => traffic.events.filter((event) => event.startsWith('status:running')).length >= 3, 30_000);
    await host.stop(2_000);
    // The fixture reports `retries: 0` every run, so the counts shown come from the host's restarts.
    expect(traffic.events.slice(0, 7)).toEqual([
      'status:running:retries=0',
      'saveLive',
      'fail:pipeline_crashed:retry',
      'status:running:retries=1',
      'saveLive',
      'fail:pipeline_crashed:retry',
      'status:running:retries=2',
    ]);
  });
});
