import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { icon } from './icons';
import type { NodeTypeDescriptor } from '@swigs/automation-core';
import { TRIGGER_ID } from '../model/geometry';
import { configOf, typeOf } from '../model/graph-ops';
import { insertVariable, variablesFor } from '../model/variables';
import { getAt, setAt } from '../model/schema-form';
import { focusNode } from './focus';
import { openQuickAddNear, type QuickAddHost } from './quick-add';
import type { BuilderView } from './builder-view';
import { renderConfigForm, type ConfigFormHost } from './config-form';
import { renderTemplateEditor } from './email-template';
import { messageOf } from './error-message';
import type { PanelTasks } from '../controllers/panel-tasks';
import type { TestResult } from '../client';
import { renderStepData } from './step-data';
import { renderListen } from './listen-pane';
import { renderJsonTree } from './json-tree';
import { stepName } from './step-name';
import { emailOf, formatZurich, logEntryOf } from './run-data';

/** What the side panel reads and calls. */
export type SidePanelHost = Pick<
  BuilderView,
  | 'msg'
  | 'ui'
  | 'store'
  | 'run'
  | 'langCode'
  | 'isReadonly'
  | 'resolvedClient'
  | 'server'
  | 'runData'
  | 'listener'
  | 'setUi'
  | 'showToast'
  | 'titleOf'
  | 'deleteSelection'
  | 'runTest'
> &
  ConfigFormHost &
  QuickAddHost;

/** The side panel: configuration (form, variables, email template), test, run details, and the problems list. */
export function renderSidePanel(host: SidePanelHost, tasks: PanelTasks): TemplateResult {
  const m = host.msg;
  const tab = host.ui.tab;
  const tabs: { key: 'config' | 'test' | 'run'; label: string }[] = [{ key: 'config', label: m.config }];
  if (!host.run) tabs.push({ key: 'test', label: m.testPanel });
  if (host.run) tabs.push({ key: 'run', label: m.runView });
  return html`
    <aside class="panel" part="panel" aria-label=${m.config} data-testid="panel" tabindex="-1">
      <button class="drawer-close" data-testid="close-panel" aria-label=${m.closeDrawer} @click=${() => host.setUi({ drawer: null })}>${icon('cross')} ${m.closeDrawer}</button>
      <div class="tabs" role="group" aria-label=${m.config}>
        ${tabs.map(
          (
            t,
          ) => html`<button data-testid="tab-${t.key}" aria-pressed=${tab === t.key ? 'true' : 'false'} class=${tab === t.key ? 'primary' : ''}
            @click=${() => host.setUi({ tab: t.key })}>${t.label}</button>`,
        )}
      </div>
      ${tab === 'test' ? renderTest(host) : tab === 'run' ? renderRun(host) : renderConfig(host, tasks)} ${renderProblems(host)}
    </aside>
  `;
}

function renderConfig(host: SidePanelHost, tasks: PanelTasks): TemplateResult {
  const m = host.msg;
  const store = host.store;
  const id = store.selectedNode;
  if (store.selectedEdge) {
    const edge = store.flow.edges.find((e) => e.id === store.selectedEdge);
    return html`<section data-testid="edge-details">
      <h2>${edge ? m.edgeAria(stepName(host, edge.source), stepName(host, edge.target), m.outputs[edge.sourceHandle] ?? edge.sourceHandle) : ''}</h2>
      ${host.isReadonly ? nothing : html`<button data-testid="delete-edge" @click=${() => host.deleteSelection()}>${m.deleteSelection}</button>`}
    </section>`;
  }
  if (!id) return html`<p class="status" data-testid="no-selection">${m.noSelection}</p>`;
  const type = typeOf(store.automation, id) ?? '';
  const descriptor = store.lookup.get(type);
  const config = configOf(store.automation, id) ?? {};
  const node = store.automation.nodes.find((n) => n.id === id);
  const problems = store.report.byNode.get(id) ?? [];
  return html`<section data-testid="node-config" data-node-id=${id}>
    <h2 id="config-title">${descriptor ? descriptor.title[host.langCode] : type || m.chooseTrigger}</h2>
    <p class="status">${m.nodeId} : <code>${id}</code>${descriptor?.description ? html` — ${descriptor.description[host.langCode]}` : nothing}</p>
    ${id === TRIGGER_ID ? renderTriggerPicker(host, type) : nothing}
    ${
      node
        ? html`<div class="field"><label for="node-label">${m.label}</label>
          <input id="node-label" name="label" ?disabled=${host.isReadonly} .value=${node.label ?? ''}
            @change=${(e: Event) => store.setLabel(id, (e.target as HTMLInputElement).value)} /></div>`
        : nothing
    }
    ${descriptor ? renderConfigForm(host, id, descriptor, config) : nothing}
    ${host.ui.templateDraft ? renderTemplateEditor(host, tasks) : nothing}
    ${
      problems.length
        ? html`<ul class="problems" data-testid="node-problems">${problems.map((p) => html`<li>${p.message}</li>`)}</ul>`
        : nothing
    }
    ${
      host.isReadonly
        ? nothing
        : html`<div class="inline">
          ${
            store.freeOutput(id)
              ? html`<button data-testid="connect-menu" @click=${() => openQuickAddNear(host, id, { id, output: store.freeOutput(id) as string }, 'connect')}>${m.connectTo}</button>`
              : nothing
          }
          ${id === TRIGGER_ID ? nothing : html`<button data-testid="delete-node" @click=${() => host.deleteSelection()}>${m.deleteSelection}</button>`}
        </div>`
    }
    ${id !== TRIGGER_ID && descriptor ? renderStepTest(host, tasks, id, descriptor) : nothing}
    ${id === TRIGGER_ID && descriptor ? renderTriggerData(host) : nothing}
    ${renderVariables(host, id, descriptor)}
  </section>`;
}

/** The step's data pane: input (sample data, a chosen run or a test) and output, with "test this step". */
function renderStepTest(
  host: SidePanelHost,
  tasks: PanelTasks,
  id: string,
  descriptor: NodeTypeDescriptor,
): TemplateResult | typeof nothing {
  if (host.run) return nothing;
  const client = host.resolvedClient;
  const canTest = Boolean(client?.testStep) && host.store.automation.id !== 'new';
  return renderStepData({
    nodeId: id,
    msg: host.msg,
    lang: host.langCode,
    runData: host.runData,
    sampleInput: { trigger: host.server.sampleTrigger(), nodes: {} },
    ...(canTest ? { test: tasks.stepTest(id) } : {}),
    ...(host.listener.available && !host.isReadonly ? { listen: host.listener } : {}),
    ...(descriptor.templateFields?.length && !host.isReadonly
      ? { pick: (path: string) => insertVariableAtCaret(host, id, descriptor, path) }
      : {}),
  });
}

/** The trigger's data: the sample its steps start from, and « Écouter le prochain événement » to catch a real one. */
function renderTriggerData(host: SidePanelHost): TemplateResult | typeof nothing {
  if (host.run || host.isReadonly || !host.listener.available) return nothing;
  const m = host.msg;
  return html`<section class="step-io" data-testid="trigger-data" aria-label=${m.stepData}>
    <p class="status">${m.sampleSource}</p>
    ${renderListen(host.listener, m, host.langCode)}
    <h3>${m.stepOutput}</h3>
    <div data-testid="trigger-sample">${renderJsonTree(host.server.sampleTrigger(), 'trigger')}</div>
  </section>`;
}

function renderTriggerPicker(host: SidePanelHost, type: string): TemplateResult {
  const m = host.msg;
  const triggers = host.store.descriptors.filter((d) => d.kind === 'trigger');
  return html`<div class="field"><label for="trigger-type">${m.triggerType}</label>
    <select id="trigger-type" name="trigger-type" ?disabled=${host.isReadonly}
      @change=${(e: Event) => host.store.addNodeOfType((e.target as HTMLSelectElement).value)}>
      ${type ? nothing : html`<option value="" selected>${m.chooseTrigger}</option>`}
      ${triggers.map((d) => html`<option value=${d.type} ?selected=${d.type === type}>${d.title[host.langCode]}</option>`)}
    </select></div>`;
}

function renderVariables(
  host: SidePanelHost,
  id: string,
  descriptor: NodeTypeDescriptor | undefined,
): TemplateResult | typeof nothing {
  if (!descriptor?.templateFields?.length || host.isReadonly) return nothing;
  const m = host.msg;
  const groups = variablesFor(host.store.automation, id, host.store.lookup);
  return html`<section class="variables" aria-labelledby="variables-title" data-testid="variables">
    <h3 id="variables-title">${m.variables}</h3>
    ${
      groups.length
        ? groups.map(
            (
              group,
            ) => html`<h4>${group.source === TRIGGER_ID ? host.titleOf(group.type) : `${host.titleOf(group.type)} (${group.source})`}</h4>
            <ul>
              ${group.variables.map(
                (v) => html`<li>
                  <code>{{${v.path}}}</code>
                  <button data-testid="insert-variable" data-path=${v.path} aria-label="${m.insertVariable} {{${v.path}}}"
                    @click=${() => insertVariableAtCaret(host, id, descriptor, v.path)}>${m.insertVariable}</button>
                </li>`,
              )}
            </ul>`,
          )
        : html`<p class="status">${m.noVariables}</p>`
    }
  </section>`;
}

function renderProblems(host: SidePanelHost): TemplateResult {
  const m = host.msg;
  const problems = host.store.report.problems;
  return html`<section class="problems" part="problems" aria-labelledby="problems-title" data-testid="problems">
    <h3 id="problems-title">${m.problems} (${problems.length})</h3>
    ${
      problems.length
        ? html`<ul>
          ${problems.map(
            (p) => html`<li data-code=${p.code} data-node-id=${p.nodeId ?? ''}>
              ${
                p.nodeId
                  ? html`<button class="link" @click=${() => {
                      host.store.select([p.nodeId as string]);
                      focusNode(host, p.nodeId as string);
                    }}>${p.message}</button>`
                  : p.message
              }
            </li>`,
          )}
        </ul>`
        : html`<p class="ok">${m.noProblems}</p>`
    }
  </section>`;
}

function renderTest(host: SidePanelHost): TemplateResult {
  const m = host.msg;
  const dryRun = host.server.dryRun;
  const running = dryRun.status === TaskStatus.PENDING;
  return html`<section data-testid="test-panel" aria-busy=${running ? 'true' : 'false'}>
    <div class="field"><label for="sample-data">${m.sampleData}</label>
      <textarea id="sample-data" data-testid="sample-data" spellcheck="false" .value=${host.ui.sampleText || host.server.defaultSampleText()}
        @input=${(e: Event) => (host.ui.sampleText = (e.target as HTMLTextAreaElement).value)}></textarea></div>
    <button class="primary" data-testid="run-test" ?disabled=${running} @click=${() => void host.runTest()}>${running ? m.testRunning : m.runTest}</button>
    ${dryRun.render({
      error: (error) =>
        html`<p class="error-text" role="alert" data-testid="test-error">${m.testError} : ${messageOf(error)}</p>`,
      complete: (result) => renderTimeline(host, result),
    })}
  </section>`;
}

/** The dry run's answer: its status and the timeline of the steps it went through, emails rendered. */
function renderTimeline(host: SidePanelHost, result: TestResult): TemplateResult {
  const m = host.msg;
  return html`<h3>${m.timeline} — ${m.status[result.status] ?? result.status}</h3>
    ${result.error ? html`<p class="error-text">${result.error}</p>` : nothing}
    <ol class="timeline" data-testid="timeline">
      ${result.timeline.map((entry) => {
        const email = emailOf(entry.output);
        return html`<li data-testid="timeline-entry" data-node-id=${entry.nodeId} data-status=${entry.status}>
          <time datetime=${new Date(entry.at).toISOString()}>${formatZurich(entry.at, host.langCode)}</time> —
          ${host.titleOf(entry.nodeType)} (${entry.nodeId}) : ${m.status[entry.status] ?? entry.status}
          ${entry.branch ? html` → ${m.outputs[entry.branch] ?? entry.branch}` : nothing}
          ${entry.waitUntil ? html` → ${formatZurich(entry.waitUntil, host.langCode)}` : nothing}
          ${entry.error ? html`<div class="error-text">${entry.error}</div>` : nothing}
          ${
            email
              ? html`<div data-testid="timeline-email"><strong>${email.subject}</strong>${email.to ? html` → ${email.to}` : nothing}
                <iframe class="email" title="${m.preview} : ${email.subject}" sandbox="" .srcdoc=${email.html}></iframe></div>`
              : nothing
          }
        </li>`;
      })}
    </ol>`;
}

function renderRun(host: SidePanelHost): TemplateResult {
  const m = host.msg;
  const run = host.run;
  if (!run) return html``;
  const id = host.store.selectedNode;
  const entry = id ? logEntryOf(run, id) : undefined;
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return html`<section data-testid="run-panel">
    <p><strong>${m.status[run.status] ?? run.status}</strong>${run.error ? html` — <span class="error-text">${run.error}</span>` : nothing}</p>
    ${
      id
        ? entry
          ? html`<div data-testid="run-node" data-node-id=${id} data-status=${entry.status}>
            <h3>${host.titleOf(entry.nodeType)} (${id}) — ${m.status[entry.status] ?? entry.status}</h3>
            <p class="status">${formatZurich(entry.startedAt, host.langCode)}${entry.branch ? html` → ${m.outputs[entry.branch] ?? entry.branch}` : nothing}</p>
            ${entry.error ? html`<h4>${m.error}</h4><pre class="error-text" data-testid="run-error">${entry.error}</pre>` : nothing}
            <h4>${m.input}</h4><pre data-testid="run-input">${json(entry.input ?? null)}</pre>
            <h4>${m.outputData}</h4><pre data-testid="run-output">${json(entry.output ?? null)}</pre>
          </div>`
          : html`<p class="status" data-testid="run-node" data-node-id=${id} data-status="none">${id === TRIGGER_ID ? json(run.triggerData) : m.notExecuted}</p>`
        : html`<p class="status">${m.noSelection}</p>`
    }
  </section>`;
}

/** Inserts `{{path}}` at the caret of the last focused template field (else the first one). */
export function insertVariableAtCaret(
  host: SidePanelHost,
  nodeId: string,
  descriptor: NodeTypeDescriptor,
  path: string,
): void {
  const target =
    host.ui.templateField ??
    (descriptor.templateFields?.[0] ? { path: descriptor.templateFields[0].split('.'), start: -1, end: -1 } : null);
  if (!target) return;
  const config = configOf(host.store.automation, nodeId) ?? {};
  const current = getAt(config, target.path);
  const text = typeof current === 'string' ? current : '';
  const start = target.start < 0 ? text.length : target.start;
  const end = target.end < 0 ? text.length : target.end;
  const next = insertVariable(text, path, start, end);
  host.store.setConfig(nodeId, setAt(config, target.path, next.text) as Record<string, unknown>);
  host.ui.templateField = { path: target.path, start: next.caret, end: next.caret };
  void host.updateComplete.then(() => {
    const field = host.renderRoot.querySelector(
      `[name="${CSS.escape(target.path.join('.'))}"]`,
    ) as HTMLInputElement | null;
    field?.focus();
    field?.setSelectionRange(next.caret, next.caret);
  });
}
