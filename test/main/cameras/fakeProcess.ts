/**
 * Hand-written fake of the ffmpeg child process, for tests that drive exits,
 * stderr output and stalls without a real process.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ChildProcessLike, SpawnFunction } from '../../../main/cameras/ffmpegProcess.js';

export class FakeChildProcess extends EventEmitter implements ChildProcessLike {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly killSignals: string[] = [];
  private closed = false;

  constructor(readonly args: readonly string[]) {
    super();
  }

  /** Writes raw stdout bytes, as ffmpeg would write frames. */
  writeFrames(bytes: Uint8Array): void {
    this.stdout.write(bytes);
  }

  /** Ends the streams and emits `close` with this exit status. */
  exit(code: number | null, signal: NodeJS.Signals | null = null, stderrText = ''): void {
    if (this.closed) return;
    this.closed = true;
    if (stderrText) this.stderr.write(stderrText);
    this.stdout.end();
    this.stderr.end();
    setImmediate(() => this.emit('close', code, signal));
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.killSignals.push(signal);
    this.exit(null, signal);
    return true;
  }
}

/** A spawn function that records every fake process it creates and hands each to `onSpawn`. */
export function createFakeSpawn(onSpawn: (child: FakeChildProcess) => void = () => undefined): { spawn: SpawnFunction; children: FakeChildProcess[] } {
  const children: FakeChildProcess[] = [];
  const spawn: SpawnFunction = (_command, args) => {
    const child = new FakeChildProcess(args);
    children.push(child);
    onSpawn(child);
    return child;
  };
  return { spawn, children };
}
