import './tcp-nodelay';
import { runWorker } from './automation-worker';

runWorker().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
