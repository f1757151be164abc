// The CMS stand-in in its own process (for benchmarks: its CPU is not charged to the bridge).
// Started with `fork(this file, { execArgv: ['--import', 'tsx'] })` and driven over IPC:
// send { seed: { orders, spacingMs, options } } -> replies { url }; send { stats: true } -> replies the stats.
import { CmsStandIn, type CmsStandInOptions } from './cms-stand-in';

interface SeedMessage {
  seed: { orders: number; spacingMs: number; options: Omit<CmsStandInOptions, 'now' | 'onPage'> };
}

let standIn: CmsStandIn | null = null;

process.on('message', (message: SeedMessage | { stats: true } | { close: true }) => {
  void (async () => {
    if ('seed' in message) {
      const { orders, spacingMs, options } = message.seed;
      let cmsTime = Date.now() - orders * spacingMs - 60_000;
      standIn = new CmsStandIn({ ...options, now: () => (cmsTime += spacingMs) });
      const url = await standIn.start();
      for (let i = 0; i < orders; i += 1) standIn.createOrder({ status: i % 4 === 0 ? 'paid' : 'pending' });
      process.send?.({ url });
    } else if ('stats' in message && standIn) {
      const { requests, byStatus, maxInWindow } = standIn.stats;
      process.send?.({ requests, byStatus, maxInWindow, served: standIn.stats.served.length });
    } else if ('close' in message) {
      await standIn?.close();
      process.disconnect?.();
    }
  })();
});
