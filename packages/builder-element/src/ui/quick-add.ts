import { html, type TemplateResult } from 'lit';
import type { NodeTypeDescriptor } from '@swigs/automation-core';
import { TRIGGER_ID } from '../model/geometry';
import { focusNode, focusSelection, type FocusHost } from './focus';
import type { BuilderView } from './builder-view';
import type { QuickAddState } from './ui-state';

/** What the add/connect popup reads and calls. */
export type QuickAddHost = Pick<
  BuilderView,
  'msg' | 'ui' | 'store' | 'langCode' | 'setUi' | 'titleOf' | 'announce' | 'containerElement' | 'requestUpdate'
> &
  FocusHost;

interface Option {
  key: string;
  label: string;
  hint: string;
  pick: () => void;
}

/** The popup to add a step (after dropping a connection, on an edge, or by keyboard) or to connect to a step. */
export function renderQuickAdd(host: QuickAddHost, state: QuickAddState): TemplateResult {
  const m = host.msg;
  const options = optionsFor(host, state);
  const active = Math.min(state.active, Math.max(options.length - 1, 0));
  const title =
    state.mode === 'connect' ? m.connectTo : state.edgeId ? m.insertOnEdge : state.wireFrom ? m.addNodeHere : m.addNode;
  return html`
    <div class="quick-add nodrag nopan nowheel" part="quick-add" role="dialog" aria-label=${title} data-testid="quick-add" style="left:${state.left}px;top:${state.top}px">
      <label class="sr-only" for="quick-add-input">${title}</label>
      <input
        id="quick-add-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-add-list"
        aria-activedescendant=${options[active] ? `qa-${active}` : ''}
        placeholder=${title}
        autocomplete="off"
        .value=${state.query}
        @input=${(e: Event) => host.setUi({ quickAdd: { ...state, query: (e.target as HTMLInputElement).value, active: 0 } })}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const delta = e.key === 'ArrowDown' ? 1 : -1;
            host.setUi({
              quickAdd: { ...state, active: (active + delta + options.length) % Math.max(options.length, 1) },
            });
          } else if (e.key === 'Enter') {
            e.preventDefault();
            options[active]?.pick();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            closeQuickAdd(host);
            focusSelection(host);
          }
        }}
      />
      <ul id="quick-add-list" role="listbox" aria-label=${title}>
        ${
          options.length
            ? options.map(
                (option, index) => html`<li
                id="qa-${index}"
                role="option"
                aria-selected=${index === active ? 'true' : 'false'}
                data-testid="quick-add-option"
                data-value=${option.key}
                @click=${() => option.pick()}
              >
                <button tabindex="-1" aria-hidden="true">${option.label}<small>${option.hint}</small></button>
              </li>`,
              )
            : html`<li role="option" aria-selected="false" aria-disabled="true">${m.noMatch}</li>`
        }
      </ul>
    </div>
  `;
}

function optionsFor(host: QuickAddHost, state: QuickAddState): Option[] {
  const query = state.query.trim().toLowerCase();
  if (state.mode === 'connect') {
    const from = state.wireFrom;
    if (!from) return [];
    return host.store.flow.nodes
      .filter((node) => node.id !== TRIGGER_ID && node.id !== from.id)
      .filter((node) =>
        host.store.canConnect({ source: from.id, sourceHandle: from.output as 'default', target: node.id }),
      )
      .map((node) => ({ node, title: node.data.label ?? host.titleOf(node.data.type) }))
      .filter(({ node, title }) => !query || `${title} ${node.id}`.toLowerCase().includes(query))
      .map(({ node, title }) => ({
        key: node.id,
        label: title,
        hint: node.id,
        pick: () => {
          closeQuickAdd(host);
          if (host.store.connect({ source: from.id, sourceHandle: from.output as 'default', target: node.id })) {
            host.announce(host.msg.connected(from.id, node.id));
          }
          focusNode(host, from.id);
        },
      }));
  }
  const wiring = state.wireFrom !== undefined || state.edgeId !== undefined;
  return host.store.descriptors
    .filter((d) => !(wiring && d.kind === 'trigger'))
    .filter((d) => matches(d, query, host.langCode))
    .map((d) => ({
      key: d.type,
      label: d.title[host.langCode],
      hint: d.description?.[host.langCode] ?? d.type,
      pick: () => {
        closeQuickAdd(host);
        let id: string | undefined;
        if (state.edgeId) id = host.store.insertOnEdge(state.edgeId, d.type);
        else
          id = host.store.addNodeOfType(d.type, {
            ...(state.position ? { position: state.position } : {}),
            ...(state.wireFrom ? { wireFrom: state.wireFrom } : {}),
          });
        if (id) {
          host.announce(host.msg.added(d.title[host.langCode]));
          focusNode(host, id);
        }
      },
    }));
}

/** Whether a descriptor matches a search (title, type, description, category). */
export function matches(descriptor: NodeTypeDescriptor, query: string, lang: 'fr' | 'en'): boolean {
  if (!query) return true;
  const haystack = [
    descriptor.type,
    descriptor.title[lang],
    descriptor.title.fr,
    descriptor.title.en,
    descriptor.description?.[lang] ?? '',
    descriptor.category ?? '',
  ]
    .join(' ')
    .toLowerCase();
  return query.split(/\s+/).every((word) => haystack.includes(word));
}

/** Opens the add/connect popup next to a node (or the pane's top-left corner). */
export function openQuickAddNear(
  host: QuickAddHost,
  nodeId: string | undefined,
  wireFrom: { id: string; output: string } | undefined,
  mode: 'add' | 'connect',
): void {
  const container = host.containerElement();
  const bounds = container?.getBoundingClientRect();
  const el = nodeId
    ? (host.renderRoot.querySelector(`.swigs-flow__node[data-id="${CSS.escape(nodeId)}"]`) as HTMLElement | null)
    : null;
  const rect = el?.getBoundingClientRect();
  const left = rect && bounds ? Math.min(rect.right - bounds.left + 12, bounds.width - 270) : 16;
  const top = rect && bounds ? Math.max(rect.top - bounds.top, 8) : 16;
  openQuickAdd(host, { mode, left: Math.max(left, 8), top, ...(wireFrom ? { wireFrom } : {}) });
}

/** Opens the add/connect popup and focuses its search field. */
export function openQuickAdd(host: QuickAddHost, state: Omit<QuickAddState, 'query' | 'active'>): void {
  // Inside the canvas (260 × ≤ 320 px plus padding): on a phone a "+" or a drop near the right edge would clip it.
  const bounds = host.containerElement()?.getBoundingClientRect();
  const left = bounds ? Math.max(8, Math.min(state.left, bounds.width - 270)) : state.left;
  const top = bounds ? Math.max(8, Math.min(state.top, bounds.height - 340)) : state.top;
  host.ui.quickAdd = { ...state, left, top, query: '', active: 0 };
  host.requestUpdate();
  void host.updateComplete.then(() =>
    (host.renderRoot.querySelector('.quick-add input') as HTMLInputElement | null)?.focus(),
  );
}

/**
 * Opens the popup at the end of a link dropped on empty canvas. Releasing the mouse there also clicks the pane,
 * which would close the popup at once: that one click is ignored (the next pointerdown ends the exemption, so a
 * gesture without a click, such as touch, swallows nothing).
 */
export function openQuickAddAfterDrop(host: QuickAddHost, state: Omit<QuickAddState, 'query' | 'active'>): void {
  host.ui.ignorePaneClick = true;
  openQuickAdd(host, state);
}

/** Closes the add/connect popup. */
export function closeQuickAdd(host: QuickAddHost): void {
  host.ui.quickAdd = null;
  host.requestUpdate();
}
