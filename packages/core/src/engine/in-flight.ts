import type { AutomationRun } from '../model/run';
import type { RunAbort } from './run-abort';
import type { RunWrites } from './run-writer';

/** A run executing in this worker. */
export interface InFlightRun {
  run: AutomationRun;
  abort: RunAbort;
  done: Promise<AutomationRun>;
  writes: RunWrites;
}

/** What the scheduler sees of the runs in flight: how many, whose lease to renew, how to stop them. */
export interface InFlightView {
  readonly size: number;
  /** Runs already in the store: a run not written yet has no stored lease, renewing it would read as lost. */
  renewable(): string[];
  abort(id: string, reason: unknown): void;
  abortAll(reason: unknown): void;
  /** Settles once every run now in flight has stopped. */
  settled(): Promise<unknown>;
  /** Calls `listener` each time a run starts (the lease loop sleeps while none runs). */
  onStart(listener: () => void): void;
}

/** The runs executing in this worker, by id. */
export class InFlightRuns implements InFlightView {
  readonly #runs = new Map<string, InFlightRun>();
  #started: (() => void) | undefined;

  get size(): number {
    return this.#runs.size;
  }

  get(id: string): InFlightRun | undefined {
    return this.#runs.get(id);
  }

  /** Tracks `flight` until its run stops; resolves with the run. */
  async track(flight: InFlightRun): Promise<AutomationRun> {
    this.#runs.set(flight.run.id, flight);
    this.#started?.();
    try {
      return await flight.done;
    } finally {
      this.#runs.delete(flight.run.id);
    }
  }

  renewable(): string[] {
    const ids: string[] = [];
    for (const [id, flight] of this.#runs) if (flight.writes.written) ids.push(id);
    return ids;
  }

  abort(id: string, reason: unknown): void {
    this.#runs.get(id)?.abort.abort(reason);
  }

  abortAll(reason: unknown): void {
    for (const flight of this.#runs.values()) flight.abort.abort(reason);
  }

  settled(): Promise<unknown> {
    return Promise.allSettled([...this.#runs.values()].map((flight) => flight.done));
  }

  onStart(listener: () => void): void {
    this.#started = listener;
  }
}
