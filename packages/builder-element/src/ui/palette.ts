import { html, type TemplateResult } from 'lit';
import { icon } from './icons';
import type { NodeTypeDescriptor } from '@swigs/automation-core';
import type { BuilderView } from './builder-view';
import { matches } from './quick-add';

/** What the palette reads and calls. */
export type PaletteHost = Pick<BuilderView, 'msg' | 'langCode' | 'setUi' | 'addNode'>;

/** What the palette shows: `<swigs-builder-palette>`'s reactive properties. */
export interface PaletteShown {
  /** The node catalogue. */
  readonly descriptors: readonly NodeTypeDescriptor[];
  /** The search field's text. */
  readonly query: string;
}

/** The searchable palette: click (or Enter) to add, drag onto the canvas to place. */
export function renderPalette(host: PaletteHost, shown: PaletteShown): TemplateResult {
  const m = host.msg;
  const query = shown.query.trim().toLowerCase();
  const found = shown.descriptors.filter((d) => matches(d, query, host.langCode));
  const triggers = found.filter((d) => d.kind === 'trigger');
  const steps = found.filter((d) => d.kind !== 'trigger');
  return html`
    <nav class="palette" part="palette" aria-label=${m.palette} data-testid="palette">
      <button class="drawer-close" data-testid="close-palette" aria-label=${m.closeDrawer} @click=${() => host.setUi({ drawer: null })}>${icon('cross')} ${m.closeDrawer}</button>
      <label class="sr-only" for="palette-search">${m.paletteSearch}</label>
      <input
        id="palette-search"
        type="search"
        data-testid="palette-search"
        placeholder=${m.paletteSearch}
        .value=${shown.query}
        @input=${(e: Event) => host.setUi({ paletteQuery: (e.target as HTMLInputElement).value })}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && found[0]) {
            e.preventDefault();
            add(host, found[0]);
          }
        }}
      />
      ${group(host, m.triggers, triggers)} ${group(host, m.actions, steps)}
      ${found.length ? null : html`<p class="status">${m.noMatch}</p>`}
    </nav>
  `;
}

function group(host: PaletteHost, title: string, items: NodeTypeDescriptor[]): TemplateResult | null {
  if (!items.length) return null;
  return html`
    <h2 class="group">${title}</h2>
    <ul>
      ${items.map(
        (d) => html`<li>
          <button
            class="palette-item"
            draggable="true"
            data-testid="palette-item"
            data-type=${d.type}
            title=${d.description?.[host.langCode] ?? d.type}
            @click=${() => add(host, d)}
            @dragstart=${(e: DragEvent) => {
              e.dataTransfer?.setData('application/x-swigs-node', d.type);
              e.dataTransfer?.setData('text/plain', d.type);
              if (e.dataTransfer) e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            ${d.title[host.langCode]}<small>${d.description?.[host.langCode] ?? d.type}</small>
          </button>
        </li>`,
      )}
    </ul>
  `;
}

function add(host: PaletteHost, descriptor: NodeTypeDescriptor): void {
  host.addNode(descriptor.type);
}
