import type { Automation } from '@swigs/automation-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BuilderClient } from '../client';

/** What "listen for the next event" reads and writes of its host: no more than this. */
export interface ListenHost extends ReactiveControllerHost {
  readonly resolvedClient: BuilderClient | undefined;
  /** The automation on the canvas (its id names the listener, its trigger says whether an event can come). */
  currentAutomation(): Automation;
  /** The listened event arrived: its payload, stored by the server as the automation's sample data. */
  takeSample(sample: unknown): void;
}

/** Where "listen for the next event" stands, read by the data pane. */
export interface ListenState {
  status: 'idle' | 'starting' | 'listening' | 'captured' | 'expired';
  /** When the server stops listening (ISO 8601), while listening. */
  until?: string;
  error: string;
}

/** How often the element asks whether the event arrived: quick enough to feel live, one small GET each time. */
const POLL_MS = 1000;

/**
 * "Listen for the next event" (n8n's "listen for test event"): the server keeps the next webhook call or CMS event
 * of this automation as its sample data instead of running it; the element asks until the listener is gone, then
 * reads the kept payload and makes it every step's input.
 */
export class ListenController implements ReactiveController {
  state: ListenState = { status: 'idle', error: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every start and cancel: an answer for an older listen is dropped. */
  private generation = 0;
  private before = '';

  constructor(private readonly host: ListenHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.state.status === 'listening') this.schedule(this.generation);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /**
   * Whether the client can listen, the automation is saved, and its trigger receives events (a webhook, a CMS
   * event, or a delay after one). The server has the last word: it answers 409 for a trigger it cannot listen to.
   */
  get available(): boolean {
    const client = this.host.resolvedClient;
    const automation = this.host.currentAutomation();
    const type = automation.trigger.type;
    return Boolean(
      client?.listenForSample &&
        client.getListenState &&
        client.stopListening &&
        client.getSampleData &&
        automation.id !== 'new' &&
        /^(webhook\.received|order\.|customer\.|time\.delay$)/.test(type),
    );
  }

  async start(): Promise<void> {
    const client = this.host.resolvedClient;
    if (!client?.listenForSample || !client.getSampleData) return;
    const id = this.host.currentAutomation().id;
    const generation = ++this.generation;
    this.patch({ status: 'starting', error: '' });
    try {
      this.before = JSON.stringify((await client.getSampleData(id)) ?? null);
      const answer = await client.listenForSample(id);
      if (generation !== this.generation) return;
      this.patch({ status: 'listening', ...(answer.until ? { until: answer.until } : {}) });
      this.schedule(generation);
    } catch (error) {
      if (generation === this.generation) this.patch({ status: 'idle', error: (error as Error).message });
    }
  }

  async cancel(): Promise<void> {
    const client = this.host.resolvedClient;
    this.generation++;
    clearTimeout(this.timer);
    this.patch({ status: 'idle', error: '', until: undefined });
    try {
      await client?.stopListening?.(this.host.currentAutomation().id);
    } catch (error) {
      this.patch({ error: (error as Error).message });
    }
  }

  private schedule(generation: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(generation), POLL_MS);
  }

  private async check(generation: number): Promise<void> {
    const client = this.host.resolvedClient;
    if (!client?.getListenState || !client.getSampleData || generation !== this.generation) return;
    const id = this.host.currentAutomation().id;
    try {
      const { listening } = await client.getListenState(id);
      if (generation !== this.generation) return;
      if (listening) return this.schedule(generation);
      // The listener is gone: the event was kept (the sample changed), or it expired.
      const sample = await client.getSampleData(id);
      if (generation !== this.generation) return;
      if (JSON.stringify(sample ?? null) === this.before) return this.patch({ status: 'expired', until: undefined });
      this.patch({ status: 'captured', until: undefined });
      this.host.takeSample(sample);
    } catch (error) {
      // A lost answer (offline a moment) is asked again; the server keeps listening meanwhile.
      if (generation !== this.generation) return;
      this.patch({ error: (error as Error).message });
      this.schedule(generation);
    }
  }

  private patch(next: Partial<ListenState>): void {
    this.state = { ...this.state, ...next };
    this.host.requestUpdate();
  }
}
