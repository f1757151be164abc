import { Cron } from 'croner';
import { DEFAULT_TIME_ZONE } from '../model/time-zone';
import type { Automation } from '../model/automation';
import type { Logger } from '../ports/logger';

/** The trigger type whose config `{ cron, timezone? }` the scheduler runs. */
export const SCHEDULE_TRIGGER = 'time.schedule';
/** Missed slots fired per automation per tick, so a long pause does not start a burst of runs. */
const MAX_CATCH_UP = 5;

interface CronEntry {
  automation: Automation;
  cron: Cron;
  signature: string;
  /** Slots after this instant are still to fire. */
  cursor: Date;
}

/** A slot that fell due. */
export interface CronSlot {
  automation: Automation;
  slot: Date;
  cron: string;
  timezone: string;
}

/** The active `time.schedule` automations and the next slot of each, computed with croner on the engine's clock. */
export class CronTable {
  readonly #entries = new Map<string, CronEntry>();
  readonly #rejected = new Set<string>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Replaces the table with `automations`; a new or changed schedule starts counting from `now` (no backfill). */
  refresh(automations: readonly Automation[], now: Date): void {
    const seen = new Set<string>();
    for (const automation of automations) {
      const key = `${automation.userId}\u0000${automation.id}`;
      const config = (automation.trigger?.config ?? {}) as { cron?: unknown; timezone?: unknown };
      const timezone =
        typeof config.timezone === 'string' && config.timezone !== '' ? config.timezone : DEFAULT_TIME_ZONE;
      const signature = `${String(config.cron)}|${timezone}`;
      seen.add(key);
      const existing = this.#entries.get(key);
      if (existing?.signature === signature) {
        existing.automation = automation;
        continue;
      }
      if (typeof config.cron !== 'string') {
        this.#entries.delete(key);
        continue;
      }
      try {
        const cron = new Cron(config.cron, { timezone, paused: true });
        this.#entries.set(key, { automation, cron, signature, cursor: now });
      } catch (error) {
        this.#entries.delete(key);
        if (!this.#rejected.has(`${key}|${signature}`)) {
          this.#rejected.add(`${key}|${signature}`);
          this.#logger.warn('invalid cron schedule', {
            automationId: automation.id,
            cron: config.cron,
            error: (error as Error).message,
          });
        }
      }
    }
    for (const key of this.#entries.keys()) if (!seen.has(key)) this.#entries.delete(key);
  }

  /** Slots at or before `now` not fired yet; moves the cursors past them. */
  takeDue(now: Date): CronSlot[] {
    const due: CronSlot[] = [];
    for (const entry of this.#entries.values()) {
      const [cron, timezone] = entry.signature.split('|') as [string, string];
      for (let count = 0; count < MAX_CATCH_UP; count++) {
        const slot = entry.cron.nextRun(entry.cursor);
        if (!slot || slot.getTime() > now.getTime()) break;
        entry.cursor = slot;
        due.push({ automation: entry.automation, slot, cron, timezone });
      }
      // Anything older than the catch-up window is skipped rather than replayed.
      if (entry.cursor.getTime() < now.getTime()) {
        const next = entry.cron.nextRun(entry.cursor);
        if (next && next.getTime() <= now.getTime()) entry.cursor = now;
      }
    }
    return due;
  }

  /** The earliest upcoming slot, for the scheduler's sleep. */
  nextSlot(): Date | null {
    let earliest: Date | null = null;
    for (const entry of this.#entries.values()) {
      const slot = entry.cron.nextRun(entry.cursor);
      if (slot && (!earliest || slot < earliest)) earliest = slot;
    }
    return earliest;
  }

  get size(): number {
    return this.#entries.size;
  }
}
