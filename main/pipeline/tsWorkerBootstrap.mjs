// Starts a TypeScript worker thread: registers tsx's loader in this thread,
// then imports the worker module named by the first argument (a file URL).
// `execArgv: ['--import', 'tsx']` does not reach a worker's entry module on
// Node 20.20, so the loader is registered here instead.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
