import type { NodeTypeDescriptor } from '@swigs/automation-core';
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BuilderClient, BuilderClientError } from '../client';
import type { BuilderStore } from '../editor/builder-store';
import type { Messages } from '../i18n/messages';
import type { BuilderUiState } from '../ui/ui-state';
import type { RunDataController } from './run-data-controller';

/** What the server controller reads and writes of its host: no more than this (not the element class). */
export interface ServerHost extends ReactiveControllerHost {
  readonly resolvedClient: BuilderClient | undefined;
  readonly store: BuilderStore;
  readonly ui: BuilderUiState;
  readonly msg: Messages;
  readonly nodeTypes: NodeTypeDescriptor[] | undefined;
  readonly runData: RunDataController;
  /** Fits the view again once the catalogue has drawn the nodes. */
  requestFit(): void;
  setUi(patch: Partial<BuilderUiState>): void;
  showToast(text: string): void;
}

/** Everything the element asks the server: the catalogue, email templates and previews, test runs. */
export class ServerController implements ReactiveController {
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private validateTimer: ReturnType<typeof setTimeout> | undefined;
  /** The client whose server has no validation route (404/405/501): not asked again. */
  private validationUnsupportedBy: unknown = undefined;
  /** The server check in flight: the next one waits for its answer, which may say the route does not exist. */
  private validating: Promise<void> = Promise.resolve();

  /**
   * The server's catalogue (`GET /api/node-types`) through `@lit/task`: asked again only for another client, and
   * not at all while the host sets `nodeTypes` itself. A failure is shown as the load error.
   */
  readonly nodeTypes: Task<readonly [BuilderClient | undefined], readonly NodeTypeDescriptor[] | undefined>;

  constructor(private readonly host: ServerHost) {
    host.addController(this);
    this.nodeTypes = new Task(host, {
      args: () => [host.nodeTypes ? undefined : host.resolvedClient] as const,
      task: async ([client]) => {
        if (!client) return undefined;
        const types = await client.listNodeTypes();
        if (!host.nodeTypes) host.store.setDescriptors(types);
        host.requestFit();
        return types;
      },
      onError: (error) => host.setUi({ loadError: (error as Error).message }),
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.previewTimer);
    clearTimeout(this.validateTimer);
  }

  /** Asks the server for its full check (node hooks included) 300 ms after the last edit, when it offers one. */
  scheduleValidation(): void {
    const client = this.host.resolvedClient;
    if (!client?.validateAutomation || client === this.validationUnsupportedBy) return;
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => void this.validateOnServer(), 300);
  }

  private validateOnServer(): Promise<void> {
    // One question at a time: an edit made while the server is answering (slowly, on a loaded machine) asks after
    // that answer, so a server without the route is asked once, and answers never arrive out of order.
    const asked = this.validating.then(() => this.askServer());
    this.validating = asked.catch(() => undefined);
    return asked;
  }

  private async askServer(): Promise<void> {
    const { store, resolvedClient: client } = this.host;
    if (!client?.validateAutomation || client === this.validationUnsupportedBy) return;
    const automation = store.automation;
    try {
      const problems = await client.validateAutomation(automation);
      if (store.applyServerProblems(automation, problems)) this.host.requestUpdate();
    } catch (error) {
      // Offline or an older server: the browser's own check stands; a server without the route is not asked again.
      if ([404, 405, 501].includes((error as BuilderClientError).status ?? 0)) this.validationUnsupportedBy = client;
    }
  }

  async loadTemplates(): Promise<void> {
    const { ui, resolvedClient: client } = this.host;
    if (!client || ui.templates !== null) return;
    ui.templates = [];
    try {
      this.host.setUi({ templates: await client.listEmailTemplates(), templatesError: '' });
    } catch (error) {
      this.host.setUi({ templatesError: (error as Error).message });
    }
  }

  editTemplate(id: string): void {
    const template = this.host.ui.templates?.find((t) => t.id === id);
    if (!template) return;
    this.host.setUi({
      templateDraft: {
        id,
        subject: template.subject ?? '',
        body: template.body ?? '',
        preheader: template.preheader ?? '',
      },
    });
    void this.refreshPreview();
  }

  /** Applies an edit to the template draft; the preview follows 250 ms after the last keystroke. */
  updateTemplateDraft(patch: Partial<{ subject: string; body: string; preheader: string }>): void {
    const draft = this.host.ui.templateDraft;
    if (!draft) return;
    this.host.ui.templateDraft = { ...draft, ...patch };
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.refreshPreview(), 250);
  }

  async saveTemplateDraft(): Promise<void> {
    const host = this.host;
    const draft = host.ui.templateDraft;
    const client = host.resolvedClient;
    if (!draft || !client?.saveEmailTemplate) return;
    try {
      const stored = host.ui.templates?.find((t) => t.id === draft.id);
      await client.saveEmailTemplate(draft.id, {
        ...stored,
        subject: draft.subject,
        body: draft.body,
        preheader: draft.preheader,
      });
      host.setUi({ templates: (host.ui.templates ?? []).map((t) => (t.id === draft.id ? { ...t, ...draft } : t)) });
      host.showToast(host.msg.saved);
    } catch (error) {
      host.setUi({ previewError: (error as Error).message });
    }
  }

  /** The sample payload offered in the test panel: the trigger's sampleOutput. */
  defaultSampleText(): string {
    const { store } = this.host;
    return JSON.stringify(
      store.automation.sampleData ?? store.lookup.get(store.automation.trigger.type)?.sampleOutput ?? {},
      null,
      2,
    );
  }

  /** The trigger data a step's input starts from: the test panel's text, else the automation's sample data. */
  sampleTrigger(): unknown {
    try {
      return JSON.parse(this.host.ui.sampleText || this.defaultSampleText());
    } catch {
      return JSON.parse(this.defaultSampleText());
    }
  }

  async runTest(): Promise<void> {
    const host = this.host;
    const client = host.resolvedClient;
    if (!client) return host.setUi({ testError: host.msg.noClient });
    let sampleData: unknown;
    try {
      sampleData = JSON.parse(host.ui.sampleText || this.defaultSampleText());
    } catch {
      return host.setUi({ testError: host.msg.invalidJson });
    }
    host.setUi({ testing: true, testError: '' });
    try {
      const result = await client.testAutomation(host.store.automation.id, {
        automation: host.store.automation,
        sampleData,
      });
      host.setUi({ testResult: result, testing: false });
    } catch (error) {
      host.setUi({ testError: (error as Error).message, testing: false });
    }
  }

  /** "Test this step": runs one step on its input through the server (dry) and keeps its answer per step. */
  async testStep(nodeId: string): Promise<void> {
    const host = this.host;
    const client = host.resolvedClient;
    if (!client?.testStep) return host.setUi({ testError: host.msg.noClient });
    // With a run's data chosen, the server reads that run's trigger data and outputs itself.
    const runId = host.runData.state.run?.id;
    let trigger: unknown;
    try {
      trigger = JSON.parse(host.ui.sampleText || this.defaultSampleText());
    } catch {
      if (!runId) return host.setUi({ testError: host.msg.invalidJson });
    }
    host.setUi({ testing: true, testError: '' });
    try {
      const answer = await client.testStep(host.store.automation.id, {
        nodeId,
        automation: host.store.automation,
        ...(runId ? { runId } : { data: { trigger, nodes: {} } }),
      });
      const tests = new Map(host.ui.stepTests);
      tests.set(nodeId, answer);
      host.setUi({ stepTests: tests, testing: false });
    } catch (error) {
      host.setUi({ testError: (error as Error).message, testing: false });
    }
  }

  private async refreshPreview(): Promise<void> {
    const host = this.host;
    const draft = host.ui.templateDraft;
    const client = host.resolvedClient;
    if (!draft || !client) return;
    const triggerType = host.store.automation.trigger.type;
    // Templates read `trigger.*` and `nodes.<id>.*`, like the running engine provides them.
    const data = { trigger: host.store.lookup.get(triggerType)?.sampleOutput ?? {}, nodes: {} };
    try {
      const preview = await client.previewEmailTemplate(draft.id, {
        subject: draft.subject,
        body: draft.body,
        preheader: draft.preheader,
        data,
        ...(triggerType ? { triggerType } : {}),
      });
      if (host.ui.templateDraft?.id === draft.id) host.setUi({ preview, previewError: '' });
    } catch (error) {
      host.setUi({ previewError: (error as Error).message });
    }
  }
}
