import { html, nothing, type TemplateResult } from 'lit';
import type { StepTestAnswer } from '../client';
import type { StepTest } from '../controllers/panel-tasks';
import { messageOf } from './error-message';
import type { RunDataController } from '../controllers/run-data-controller';
import type { Messages } from '../i18n/messages';
import { renderJsonTree, type PickField } from './json-tree';
import { formatZurich, logEntryOf } from './run-data';
import { renderListen, type ListenControls } from './listen-pane';

/** What the data pane of a step shows and does: no more than this. */
export interface StepDataProps {
  nodeId: string;
  msg: Messages;
  lang: 'fr' | 'en';
  runData: RunDataController;
  /** The step's input from the automation's sample data (when no run is chosen and no test ran). */
  sampleInput: unknown;
  /** "Test this step" (a `@lit/task` of the panel), present when the client can test a step. */
  test?: StepTest;
  /** Present when a field of the input can be inserted into the focused template field. */
  pick?: PickField;
  /** Present when the server can keep the next event as the sample data. */
  listen?: ListenControls;
}

/**
 * The step's data (n8n's node details view, beside the form): where the data comes from (sample data or a past
 * run), its input as a JSON tree whose fields insert `{{path}}`, "test this step", and its output.
 */
export function renderStepData(props: StepDataProps): TemplateResult {
  const { msg: m, runData, test } = props;
  const run = runData.state.run;
  const answer = test?.answer;
  const input = answer?.input ?? runData.inputOf(props.nodeId) ?? props.sampleInput;
  const output = () => (run ? renderRunOutput(props) : nothing);
  return html`<section class="step-io" data-testid="step-data" aria-label=${m.stepData} aria-busy=${test?.pending ? 'true' : 'false'}>
    ${renderSource(props)}
    ${test ? html`<button data-testid="test-step" ?disabled=${test.pending} @click=${() => void test.run()}>${test.pending ? m.testingStep : m.testStep}</button>` : nothing}
    ${test?.render({ error: (error) => html`<p class="error-text" role="alert" data-testid="test-step-error">${messageOf(error)}</p>` })}
    <h3>${m.stepInput}</h3>
    <div data-testid="step-input">${renderJsonTree(input, '', props.pick)}</div>
    ${test ? test.render({ initial: output, pending: output, error: output, complete: (value) => renderAnswer(props, value) }) : output()}
  </section>`;
}

function renderSource(props: StepDataProps): TemplateResult | typeof nothing {
  const { msg: m, runData } = props;
  const listen = props.listen ? renderListen(props.listen, m, props.lang) : nothing;
  if (!runData.available) return html`<p class="status">${m.sampleSource}</p>${listen}`;
  const { run, runs, loading, error } = runData.state;
  if (run) {
    return html`<p class="status" data-testid="data-source">${m.runSource(formatZurich(run.createdAt, props.lang))}
      <button data-testid="use-sample-data" @click=${() => runData.clear()}>${m.useSampleData}</button></p>`;
  }
  return html`<div data-testid="data-source">
    <p class="status">${m.sampleSource}
      ${runs ? nothing : html`<button data-testid="use-run-data" ?disabled=${loading} @click=${() => void runData.loadRuns()}>${m.useRunData}</button>`}</p>
    ${listen}
    ${error ? html`<p class="error-text" role="alert">${error}</p>` : nothing}
    ${
      runs
        ? runs.length
          ? html`<ul class="run-list" aria-label=${m.useRunData}>${runs.map(
              (
                r,
              ) => html`<li><button data-testid="run-option" data-run-id=${r.id} ?disabled=${loading} @click=${() => void runData.use(r.id)}>
                ${formatZurich(r.createdAt, props.lang)} · ${m.status[r.status] ?? r.status}${r.title ? html` · ${r.title}` : nothing}</button></li>`,
            )}</ul>`
          : html`<p class="status" data-testid="no-runs">${m.noRuns}</p>`
        : nothing
    }
  </div>`;
}

function renderAnswer(props: StepDataProps, answer: StepTestAnswer): TemplateResult {
  const m = props.msg;
  return html`<h3>${m.stepOutput}</h3>
    ${
      answer.status === 'failed'
        ? html`<p class="error-text" data-testid="step-test-error">${answer.error}</p>`
        : html`<div data-testid="step-output">${answer.branch ? html`<p class="status">→ ${m.outputs[answer.branch] ?? answer.branch}</p>` : nothing}${renderJsonTree(answer.output, `nodes.${props.nodeId}`)}</div>`
    }`;
}

function renderRunOutput(props: StepDataProps): TemplateResult {
  const m = props.msg;
  const run = props.runData.state.run;
  const entry = run ? logEntryOf(run, props.nodeId) : undefined;
  if (!run || !entry)
    return html`<h3>${m.stepOutput}</h3><p class="status" data-testid="run-output">${m.notReached}</p>`;
  return html`<h3>${m.stepOutput}</h3>
    <div data-testid="run-output">
      <p class="status">${m.status[entry.status] ?? entry.status}${entry.branch ? html` → ${m.outputs[entry.branch] ?? entry.branch}` : nothing}</p>
      ${entry.error ? html`<p class="error-text">${entry.error}</p>` : nothing}
      ${props.nodeId in run.outputs ? renderJsonTree(run.outputs[props.nodeId], `nodes.${props.nodeId}`) : nothing}
    </div>`;
}
