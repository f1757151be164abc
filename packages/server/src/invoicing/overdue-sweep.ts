import {
  DEFAULT_TIME_ZONE,
  type Automation,
  type Clock,
  type Engine,
  type Logger,
  type Store,
} from '@swigs/automation-core';
import { zurichCalendarDate } from './calendar';
import { invoicePayload } from './invoice-payload';
import { daysOverdue, openBalance } from './invoice-state';
import { invoicesOf, withDefaults } from './invoices';
import type { InvoiceLinks } from './public-links';
import { periodicLoop } from './periodic-loop';

/** Options of `createOverdueSweep`. */
export interface OverdueSweepOptions {
  store: Store;
  engine: Pick<Engine, 'fire'>;
  clock: Clock;
  logger?: Logger;
  /** Signed links: each reminder then carries `paymentUrl`, opening the invoice's PDF without login. */
  links?: InvoiceLinks;
  /** How often to look; default every 15 minutes. */
  intervalMs?: number;
  /** Zurich hour from which a day's reminders go out (business hours); default 8. */
  fromHour?: number;
}

/** The overdue sweep: `runOnce()` for one pass, `start()`/`stop()` for the loop on the clock. */
export interface OverdueSweep {
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

// Built on the first pass that has reminders to send: a time-zone formatter maps several MB of ICU data.
let zurichHour: Intl.DateTimeFormat | undefined;

/**
 * Fires `invoice.overdue` for sent invoices with an open balance, `days` days after their due date, for every
 * (level, days) that an active `invoice.overdue` automation of the tenant uses. Durable without state of its own:
 * each event carries the dedupe key `invoice.overdue:<invoice>:<level>:<days>`, which the engine keeps per
 * automation, so every pass (after a restart, on another worker) fires a reminder once and catches up on missed days;
 * a paid or cancelled invoice is simply no longer sent. Reminders of a day go out from `fromHour` in Zurich.
 */
export function createOverdueSweep(options: OverdueSweepOptions): OverdueSweep {
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const fromHour = options.fromHour ?? 8;

  async function runOnce(): Promise<number> {
    const automations = await options.store.automations.findActiveByTrigger('invoice.overdue');
    if (automations.length === 0) return 0;
    const now = options.clock.now();
    zurichHour ??= new Intl.DateTimeFormat('en-GB', { timeZone: DEFAULT_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });
    if (Number(zurichHour.format(now)) < fromHour) return 0;
    const today = zurichCalendarDate(now);
    let fired = 0;
    for (const [userId, steps] of stepsByTenant(automations)) {
      const { items } = await invoicesOf(options).find(userId, { where: { status: 'sent' } });
      for (const stored of items) {
        const invoice = withDefaults(stored);
        if (openBalance(invoice) === 0) continue;
        const late = daysOverdue(invoice.dueDate, today);
        const paymentUrl = options.links?.pdfUrl(userId, invoice.id);
        for (const step of steps) {
          if (late < step.days) continue;
          await options.engine.fire(
            'invoice.overdue',
            {
              ...invoicePayload(invoice, today),
              ...(paymentUrl ? { paymentUrl } : {}),
              level: step.level,
              days: step.days,
            },
            { userId, dedupeKey: `invoice.overdue:${invoice.id}:${step.level}:${step.days}` },
          );
          fired++;
        }
      }
    }
    return fired;
  }

  const repeat = periodicLoop({
    clock: options.clock,
    intervalMs,
    logger: options.logger,
    failure: 'invoicing: the overdue sweep failed; it tries again next time',
    pass: () => runOnce(),
  });
  return { runOnce, start: repeat.start, stop: repeat.stop };
}

/** The distinct (level, days) steps each tenant's overdue automations use. */
function stepsByTenant(automations: readonly Automation[]): Map<string, { level: number; days: number }[]> {
  const byTenant = new Map<string, Map<string, { level: number; days: number }>>();
  for (const automation of automations) {
    const config = (automation.trigger?.config ?? {}) as { level?: unknown; days?: unknown };
    const step = {
      level: typeof config.level === 'number' ? config.level : 1,
      days: typeof config.days === 'number' ? config.days : 10,
    };
    const steps = byTenant.get(automation.userId) ?? new Map();
    steps.set(`${step.level}:${step.days}`, step);
    byTenant.set(automation.userId, steps);
  }
  return new Map([...byTenant].map(([userId, steps]) => [userId, [...steps.values()]]));
}
