import type { Automation, AutomationRun } from '@swigs/automation-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BuilderClient, RunSummary } from '../client';
import { TRIGGER_ID } from '../model/geometry';
import { upstreamNodeIds } from '../model/variables';

/** What the run-data controller reads of its host: no more than this. */
export interface RunDataHost extends ReactiveControllerHost {
  readonly resolvedClient: BuilderClient | undefined;
  /** The automation on the canvas (its id names the runs to list). */
  currentAutomation(): Automation;
}

/** The state of "use a run's data", read by the views. */
export interface RunDataState {
  /** The latest runs, once asked for; null before. */
  runs: RunSummary[] | null;
  loading: boolean;
  error: string;
  /** The run whose data the editor shows; null for the automation's sample data. */
  run: AutomationRun | null;
}

/**
 * "Use a run's data" (n8n's "debug in editor"): lists the automation's latest runs and loads the chosen one, whose
 * trigger data and step outputs become every step's input and output in the editor.
 */
export class RunDataController implements ReactiveController {
  state: RunDataState = { runs: null, loading: false, error: '', run: null };
  private automationId: string | undefined;

  constructor(private readonly host: RunDataHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    // Another automation was loaded: its runs are not this one's.
    const id = this.host.currentAutomation().id;
    if (this.automationId !== undefined && id !== this.automationId) this.clear();
    this.automationId = id;
  }

  /** Whether the client can list and read runs, and the automation has been saved (runs exist for it). */
  get available(): boolean {
    const client = this.host.resolvedClient;
    return Boolean(client?.listRuns && client.getRun && this.host.currentAutomation().id !== 'new');
  }

  /** Asks the server for the latest runs. */
  async loadRuns(): Promise<void> {
    const client = this.host.resolvedClient;
    if (!client?.listRuns) return;
    this.patch({ loading: true, error: '' });
    try {
      this.patch({ runs: await client.listRuns(this.host.currentAutomation().id, 20), loading: false });
    } catch (error) {
      this.patch({ error: (error as Error).message, loading: false });
    }
  }

  /** Loads a run and shows its data in the editor. */
  async use(runId: string): Promise<void> {
    const client = this.host.resolvedClient;
    if (!client?.getRun) return;
    this.patch({ loading: true, error: '' });
    try {
      this.patch({ run: await client.getRun(runId), loading: false });
    } catch (error) {
      this.patch({ error: (error as Error).message, loading: false });
    }
  }

  /** Back to the automation's sample data. */
  clear(): void {
    this.patch({ run: null, runs: null, error: '' });
  }

  /** A step's input in the chosen run: the trigger data and the outputs of the steps before it. */
  inputOf(nodeId: string): { trigger: unknown; nodes: Record<string, unknown> } | undefined {
    const run = this.state.run;
    if (!run) return undefined;
    const nodes: Record<string, unknown> = {};
    for (const id of upstreamNodeIds(this.host.currentAutomation(), nodeId)) {
      if (id !== TRIGGER_ID && id !== nodeId && id in run.outputs) nodes[id] = run.outputs[id];
    }
    return { trigger: run.triggerData, nodes };
  }

  private patch(next: Partial<RunDataState>): void {
    this.state = { ...this.state, ...next };
    this.host.requestUpdate();
  }
}
