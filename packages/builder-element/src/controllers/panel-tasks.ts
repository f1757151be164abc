import { initialState, Task, TaskStatus, type StatusRenderer } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { BuilderClient, EmailPreview, EmailTemplateSummary, StepTestAnswer } from '../client';
import type { Messages } from '../i18n/messages';
import { configOf } from '../model/graph-ops';
import type { BuilderView } from '../ui/builder-view';
import type { TemplateDraft } from '../ui/ui-state';

/** What the side panel's tasks read of the builder. */
export type PanelTasksView = Pick<
  BuilderView,
  'store' | 'ui' | 'msg' | 'resolvedClient' | 'server' | 'runData' | 'showToast'
>;

/** A template's preview, with the template it shows (a switched template never shows the previous one's). */
export type TemplatePreview = EmailPreview & { id: string };

/** "Test this step" for one step, as the panel shows it now. */
export interface StepTest {
  /** Renders the test's state; an answer for another configuration or another input renders as `initial`. */
  render(renderer: StatusRenderer<StepTestAnswer>): unknown;
  /** The answer, when it is about the step and its input as they are now. */
  readonly answer: StepTestAnswer | undefined;
  readonly pending: boolean;
  /** Tests the step again (a test still in flight is aborted: its answer is never shown). */
  run(): Promise<void>;
}

/** How long typing pauses before the preview is asked for. */
const PREVIEW_PAUSE_MS = 250;

/**
 * The side panel's questions to the server, each a `@lit/task` hosted by the panel element (so their state renders
 * the panel alone): a template's live preview, its save, and each step's "test this step". A newer question aborts
 * the one in flight (its `AbortSignal` also cancels the request), so a late answer never replaces a later one.
 */
export class PanelTasks {
  /** The preview of the template being edited: asked at once when it opens, 250 ms after the last keystroke. */
  readonly preview: Task<readonly [BuilderClient | undefined, TemplateDraft | null, unknown, string], TemplatePreview>;
  /** Saves the template being edited (`PUT`), then lists the templates again. */
  readonly templateSave: Task<readonly [TemplateSaveInput], string>;
  /** The draft last saved: a save's failure is shown while the draft is that one (not once it is edited or closed). */
  savedDraft: TemplateDraft | undefined;
  private readonly tests = new Map<string, { task: Task<readonly [StepTestInput], StepTestAnswer>; basis: Basis }>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: () => PanelTasksView | undefined,
  ) {
    this.preview = new Task(host, {
      args: () => {
        const v = view();
        const triggerType = v?.store.automation.trigger.type ?? '';
        const sample = v?.store.lookup.get(triggerType)?.sampleOutput;
        return [v?.resolvedClient, v?.ui.templateDraft ?? null, sample, triggerType] as const;
      },
      task: async ([client, draft, sample, triggerType], { signal }) => {
        if (!client || !draft) return initialState;
        // A draft that differs from the stored template is being typed: the next keystroke aborts this wait.
        const stored = view()?.server.templateList?.find((t) => t.id === draft.id);
        if (!stored || !sameText(stored, draft)) await pause(PREVIEW_PAUSE_MS, signal);
        const preview = await client.previewEmailTemplate(
          draft.id,
          {
            subject: draft.subject,
            body: draft.body,
            preheader: draft.preheader,
            // Templates read `trigger.*` and `nodes.<id>.*`, like the running engine provides them.
            data: { trigger: sample ?? {}, nodes: {} },
            ...(triggerType ? { triggerType } : {}),
          },
          { signal },
        );
        return { ...preview, id: draft.id };
      },
    });
    this.templateSave = new Task(host, {
      autoRun: false,
      task: async ([input]) => {
        const { client, draft, stored } = input;
        await client.saveEmailTemplate?.(draft.id, {
          ...stored,
          subject: draft.subject,
          body: draft.body,
          preheader: draft.preheader,
        });
        return draft.id;
      },
      onComplete: () => {
        const v = view();
        void v?.server.refreshTemplates();
        v?.showToast(v.msg.saved);
      },
    });
  }

  /** Saves the draft being edited (`PUT /api/email-templates/:id`). */
  saveTemplate(): Promise<void> {
    const v = this.view();
    const draft = v?.ui.templateDraft;
    const client = v?.resolvedClient;
    if (!v || !draft || !client?.saveEmailTemplate) return Promise.resolve();
    const stored = v.server.templateList?.find((t) => t.id === draft.id);
    this.savedDraft = draft;
    return this.templateSave.run([{ client, draft, stored }]);
  }

  /** "Test this step" of `nodeId`; its answer is kept per step while its configuration and input stay the same. */
  stepTest(nodeId: string): StepTest {
    const basis = this.basisOf(nodeId);
    const entry = this.tests.get(nodeId);
    const current = entry && sameBasis(entry.basis, basis) ? entry.task : undefined;
    return {
      render: (renderer) => (current ? current.render(renderer) : renderer.initial?.()),
      answer: current?.status === TaskStatus.COMPLETE ? current.value : undefined,
      pending: current?.status === TaskStatus.PENDING,
      run: () => this.runStepTest(nodeId),
    };
  }

  private runStepTest(nodeId: string): Promise<void> {
    const v = this.view();
    if (!v) return Promise.resolve();
    let entry = this.tests.get(nodeId);
    if (!entry) {
      const task = new Task(this.host, {
        autoRun: false,
        task: ([input]: readonly [StepTestInput], { signal }) => testStep(input, signal),
      });
      entry = { task, basis: this.basisOf(nodeId) };
      this.tests.set(nodeId, entry);
    }
    entry.basis = this.basisOf(nodeId);
    const runId = v.runData.state.run?.id;
    return entry.task.run([
      {
        client: v.resolvedClient,
        msg: v.msg,
        nodeId,
        automation: v.store.automation,
        ...(runId ? { runId } : { sampleText: v.ui.sampleText || v.server.defaultSampleText() }),
      },
    ]);
  }

  /** What an answer is about: the step's configuration (replaced on every edit) and the input it ran on. */
  private basisOf(nodeId: string): Basis {
    const v = this.view();
    if (!v) return [undefined, ''];
    const runId = v.runData.state.run?.id;
    const input = runId ? `run:${runId}` : `sample:${v.ui.sampleText || v.server.defaultSampleText()}`;
    return [configOf(v.store.automation, nodeId), input];
  }
}

type Basis = readonly [unknown, string];

interface TemplateSaveInput {
  client: BuilderClient;
  draft: TemplateDraft;
  stored: EmailTemplateSummary | undefined;
}

interface StepTestInput {
  client: BuilderClient | undefined;
  msg: Messages;
  nodeId: string;
  automation: BuilderView['store']['automation'];
  /** With a run's data chosen, the server reads that run's trigger data and outputs itself. */
  runId?: string;
  sampleText?: string;
}

async function testStep(input: StepTestInput, signal: AbortSignal): Promise<StepTestAnswer> {
  const { client, msg, nodeId, automation, runId } = input;
  if (!client?.testStep) throw new Error(msg.noClient);
  if (runId) return client.testStep(automation.id, { nodeId, automation, runId }, { signal });
  let trigger: unknown;
  try {
    trigger = JSON.parse(input.sampleText ?? '');
  } catch {
    throw new Error(msg.invalidJson);
  }
  return client.testStep(automation.id, { nodeId, automation, data: { trigger, nodes: {} } }, { signal });
}

function sameBasis(a: Basis, b: Basis): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function sameText(stored: { subject?: string; body?: string; preheader?: string }, draft: TemplateDraft): boolean {
  return (
    (stored.subject ?? '') === draft.subject &&
    (stored.body ?? '') === draft.body &&
    (stored.preheader ?? '') === draft.preheader
  );
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts (a newer keystroke asked again). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
