/**
 * Cancellation of one run in this worker (engine stop, cancelRun, lost lease). The AbortSignal is created only
 * when something asks for it (a retry sleeping, a node reading `ctx.signal`): most runs never need one.
 */
export class RunAbort {
  aborted = false;
  /** Set when a checkpoint was refused (lease lost, run cancelled): the in-memory run is no longer the truth. */
  lost = false;
  reason: unknown = undefined;
  /** Forwards an abort to the attempt in progress. */
  onAbort: ((reason: unknown) => void) | undefined = undefined;
  #controller: AbortController | undefined;

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.#controller?.abort(reason);
    this.onAbort?.(reason);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }
}
