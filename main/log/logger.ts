import pino from 'pino';

/** The logger type every service receives; pure ml/ code never logs. */
export type Logger = pino.Logger;

export interface LoggerOptions {
  level?: pino.Level | 'silent';
  /** Write to this stream instead of stdout (tests capture logs this way). */
  destination?: pino.DestinationStream;
}

/**
 * Create the root logger once at start-up and pass it down. Each service calls
 * `root.child({ module: 'cameras' })` so every line names its module.
 * Frames, images and personal data are never logged.
 */
export function createRootLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? (process.env.PLAYAISLE_LOG_LEVEL as pino.Level | undefined) ?? 'info';
  const base = { app: 'playaisle' };
  // Synchronous writes to stdout keep log lines in order with console output (the start-up banner).
  // pino's default stdout stream is asynchronous, and the log rate here is a few lines a second.
  const destination = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino({ level, base }, destination);
}

/** Logger that drops everything, for tests that do not inspect logs. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
