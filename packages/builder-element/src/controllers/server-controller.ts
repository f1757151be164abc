import type { Automation, NodeTypeDescriptor } from '@swigs/automation-core';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BuilderClient, BuilderClientError, EmailTemplateSummary, TestResult } from '../client';
import type { BuilderStore } from '../editor/builder-store';
import type { Messages } from '../i18n/messages';
import type { BuilderUiState } from '../ui/ui-state';

/** What the server controller reads and writes of its host: no more than this (not the element class). */
export interface ServerHost extends ReactiveControllerHost {
  readonly resolvedClient: BuilderClient | undefined;
  readonly store: BuilderStore;
  readonly ui: BuilderUiState;
  readonly msg: Messages;
  readonly nodeTypes: NodeTypeDescriptor[] | undefined;
  /** Fits the view again once the catalogue has drawn the nodes. */
  requestFit(): void;
  setUi(patch: Partial<BuilderUiState>): void;
}

/**
 * What the element asks the server for the editor as a whole, each through `@lit/task`: the catalogue, the email
 * templates, the dry run; and the server's check of every edit. The side panel's own questions (a template's
 * preview, a step's test) are `PanelTasks`.
 */
export class ServerController implements ReactiveController {
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
  /** `GET /api/email-templates`, once a view asked for them (`wantTemplates`), again for another client. */
  readonly templates: Task<readonly [BuilderClient | undefined], readonly EmailTemplateSummary[]>;
  /** The dry run of the test panel (`runTest`); its timeline also marks the cards. */
  readonly dryRun: Task<readonly [DryRunInput | null], TestResult>;
  /**
   * Moves whenever `templates` or `dryRun` changes state: the side panel, a child element that renders when its
   * properties change, gets it as one, so it renders the spinner, the answer or the error.
   */
  revision = 0;
  private templatesWanted = false;

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
    const shown: ReactiveControllerHost = {
      addController: (controller) => host.addController(controller),
      removeController: (controller) => host.removeController(controller),
      requestUpdate: () => {
        this.revision += 1;
        host.requestUpdate();
      },
      get updateComplete() {
        return host.updateComplete;
      },
    };
    this.templates = new Task(shown, {
      args: () => [this.templatesWanted ? host.resolvedClient : undefined] as const,
      task: ([client], { signal }) => (client ? client.listEmailTemplates({ signal }) : initialState),
    });
    this.dryRun = new Task(shown, { autoRun: false, task: ([input], { signal }) => dryRun(input, signal) });
  }

  hostDisconnected(): void {
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

  /** Asks for the email templates once a view shows them (the picker of an email step); again for another client. */
  wantTemplates(): void {
    if (this.templatesWanted) return;
    this.templatesWanted = true;
    this.host.requestUpdate();
  }

  /** The server's templates once loaded (the picker's options, the names in the cards' summaries). */
  get templateList(): readonly EmailTemplateSummary[] | undefined {
    return this.templates.status === TaskStatus.COMPLETE ? this.templates.value : undefined;
  }

  /** Lists the templates again (after one was saved). */
  refreshTemplates(): Promise<void> {
    return this.templates.run();
  }

  /** Runs `POST /api/automations/:id/test` on the test panel's sample data; its answer is `dryRun`'s. */
  runTest(): Promise<void> {
    const { resolvedClient: client, store, ui, msg } = this.host;
    return this.dryRun.run([
      { client, automation: store.automation, sampleText: ui.sampleText || this.defaultSampleText(), msg },
    ]);
  }

  /** The dry run's timeline, while it stands (not after another automation or another sample data was loaded). */
  get dryRunResult(): TestResult | null {
    return this.dryRun.status === TaskStatus.COMPLETE ? (this.dryRun.value ?? null) : null;
  }

  /** Forgets the dry run (and drops one in flight): it was about another automation or other sample data. */
  resetDryRun(): void {
    if (this.dryRun.status !== TaskStatus.INITIAL) void this.dryRun.run([null]);
  }
}

/** What a dry run was asked on. */
interface DryRunInput {
  client: BuilderClient | undefined;
  automation: Automation;
  sampleText: string;
  msg: Messages;
}

async function dryRun(input: DryRunInput | null, signal: AbortSignal): Promise<TestResult | typeof initialState> {
  if (!input) return initialState;
  const { client, automation, msg } = input;
  if (!client) throw new Error(msg.noClient);
  let sampleData: unknown;
  try {
    sampleData = JSON.parse(input.sampleText);
  } catch {
    throw new Error(msg.invalidJson);
  }
  return client.testAutomation(automation.id, { automation, sampleData }, { signal });
}
