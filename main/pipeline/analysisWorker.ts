/**
 * Entry point of the analysis worker thread (worker_threads). Cameras,
 * detection and analysis run here so that a busy detector never stalls the
 * HTTP server on the main thread. Started by PipelineHost; see messages.ts
 * for what it sends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PersonDetector } from '../../ml/detection/types.js';
import { createRootLogger } from '../log/logger.js';
import { createDetectorForConfig } from '../vision/detectorFactory.js';
import { AnalysisSession } from './analysisSession.js';
import type { AnalysisWorkerData, HostMessage, WorkerMessage } from './messages.js';

if (!parentPort) throw new Error('analysisWorker.ts must run in a worker thread; start it through PipelineHost.');
const port = parentPort;

const data = workerData as AnalysisWorkerData;
// The thread is a base binding under its own key. The services below add `module` to it, and pino
// writes a key bound twice as two keys, so only the worker's own lines get `module: analysis-worker`.
const threadLogger = createRootLogger(data.logLevel ? { level: data.logLevel as 'info' } : {}).child({ thread: 'analysis-worker' });
const logger = threadLogger.child({ module: 'analysis-worker' });
const post = (message: WorkerMessage): void => port.postMessage(message);

/** Detector for tests of the plumbing only: it returns no detections. Selected by `detector: 'none'`. */
const emptyDetector: PersonDetector = { modelName: 'none', detect: async () => [], dispose: () => undefined };

async function main(): Promise<void> {
  let detector = emptyDetector;
  let backend: string | null = null;
  if (data.detector !== 'none') {
    try {
      ({ detector, backend } = await createDetectorForConfig(data.config.detector, threadLogger));
    } catch (error) {
      logger.error({ err: error }, 'loading the person detector failed');
      post({ type: 'fatal', errorCode: 'detector_load_failed', message: `Loading the person detector failed: ${(error as Error).message}` });
      return;
    }
  }

  const session = new AnalysisSession(data.config, { detector, backend, logger: threadLogger, post });
  port.on('message', (message: HostMessage) => {
    if (message.type !== 'stop') return;
    void session
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, 'stopping the analysis failed'))
      .finally(() => {
        detector.dispose();
        post({ type: 'stopped' });
        port.close();
      });
  });
  post({ type: 'ready', backend, model: detector.modelName });
  session.start();
  logger.info({ cameras: data.config.cameras.length, backend, model: detector.modelName }, 'analysis started');
}

void main();
