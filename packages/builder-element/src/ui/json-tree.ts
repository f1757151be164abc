import { html, type TemplateResult } from 'lit';

/** Called with a field's variable path (`trigger.customer.email`) when the user picks it. */
export type PickField = (path: string) => void;

/**
 * A collapsible JSON tree with values: objects and arrays as `<details>` (open to `openDepth`), each field a
 * button that inserts its `{{path}}` when `pick` is given, and draggable as `text/plain` `{{path}}`.
 */
export function renderJsonTree(value: unknown, path: string, pick?: PickField, openDepth = 1): TemplateResult {
  return html`<ul class="json-tree">${renderEntries(value, path, pick, openDepth, 0)}</ul>`;
}

function renderEntries(
  value: unknown,
  path: string,
  pick: PickField | undefined,
  openDepth: number,
  depth: number,
): TemplateResult[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).map(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key;
    if (child !== null && typeof child === 'object') {
      const size = Array.isArray(child) ? `[${child.length}]` : `{${Object.keys(child).length}}`;
      // A summary is itself the toggle: a button inside it would nest controls, so objects are opened, not picked.
      return html`<li><details ?open=${depth < openDepth}><summary><span class="key">${key}</span> <span class="status">${size}</span></summary>
        <ul class="json-tree">${renderEntries(child, childPath, pick, openDepth, depth + 1)}</ul></details></li>`;
    }
    const label = pick
      ? html`<button class="field key" data-testid="json-field" data-path=${childPath} draggable="true"
          title="{{${childPath}}}"
          @dragstart=${(e: DragEvent) => e.dataTransfer?.setData('text/plain', `{{${childPath}}}`)}
          @click=${(e: Event) => {
            e.preventDefault();
            pick(childPath);
          }}>${key}</button>`
      : html`<span class="key">${key}</span>`;
    return html`<li>${label}: <span class="value">${formatLeaf(child)}</span></li>`;
  });
}

function formatLeaf(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
  return value === undefined ? '—' : String(value);
}
