import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NodeTypeDescriptor } from '@swigs/automation-core';
import { describeCron } from '../model/cron-preview';
import { buildFormModel, defaultValue, getAt, setAt, type FieldModel, type JsonSchema } from '../model/schema-form';
import type { BuilderView } from './builder-view';
import { renderTemplatePicker, type TemplateHost } from './email-template';
import { knownFields } from '../model/known-fields';
import { TRIGGER_ID } from '../model/geometry';
import { renderFieldPicker, renderValuePicker, type ConditionPickerContext } from './condition-fields';

/** What the configuration form reads and calls. */
export type ConfigFormHost = Pick<
  BuilderView,
  'msg' | 'ui' | 'store' | 'langCode' | 'isReadonly' | 'setUi' | 'titleOf'
> &
  TemplateHost;

type Path = (string | number)[];

interface FormContext {
  host: ConfigFormHost;
  nodeId: string;
  config: Record<string, unknown>;
  disabled: boolean;
  set: (path: Path, value: unknown) => void;
  /** For a condition: the fields its rules can read (the pickers of `field` and `value`). */
  conditions?: Omit<ConditionPickerContext, 'set'>;
}

/** The form drawn from a node's JSON Schema. */
export function renderConfigForm(
  host: ConfigFormHost,
  nodeId: string,
  descriptor: NodeTypeDescriptor,
  config: Record<string, unknown>,
): TemplateResult {
  const model = buildFormModel(descriptor.configJsonSchema as JsonSchema, {
    templateFields: descriptor.templateFields ?? [],
  });
  const ctx: FormContext = {
    host,
    nodeId,
    config,
    disabled: host.isReadonly,
    set: (path, value) =>
      host.store.setConfig(nodeId, setAt(currentConfig(host, nodeId), path, value) as Record<string, unknown>),
    ...(descriptor.kind === 'condition' ? { conditions: pickerContext(host, nodeId) } : {}),
  };
  return html`<form class="config-form" data-testid="config-form" @submit=${(e: Event) => e.preventDefault()}>
    ${model.kind === 'object' ? (model.children ?? []).map((field) => renderField(ctx, field, childPath([], field))) : renderField(ctx, model, [])}
  </form>`;
}

/** The schema's title, else a translated label for well-known keys, else the humanized key. */
function labelOf(ctx: FormContext, field: FieldModel): string {
  if (field.schema.title) return field.schema.title;
  return ctx.host.msg.fieldLabels[field.key] ?? field.label;
}

function childPath(parent: Path, child: FieldModel): Path {
  return child.inline ? parent : [...parent, child.key];
}

function currentConfig(host: ConfigFormHost, nodeId: string): Record<string, unknown> {
  if (nodeId === 'trigger') return host.store.automation.trigger.config;
  return host.store.automation.nodes.find((n) => n.id === nodeId)?.config ?? {};
}

/** The shared parts of the condition pickers: known fields, source names and the « Autre… » choices. */
function pickerContext(host: ConfigFormHost, nodeId: string): Omit<ConditionPickerContext, 'set'> {
  const store = host.store;
  return {
    msg: host.msg,
    lang: host.langCode,
    disabled: host.isReadonly,
    fields: knownFields(store.automation, nodeId, store.lookup),
    sourceName: (source) => {
      if (source === TRIGGER_ID) return `${host.msg.triggerSource} : ${host.titleOf(store.automation.trigger.type)}`;
      const node = store.automation.nodes.find((n) => n.id === source);
      return node ? `${node.label ?? host.titleOf(node.type)} (${source})` : source;
    },
    isCustom: (key) => host.ui.customPicks.has(`${nodeId}:${key}`),
    setCustom: (key, custom) => {
      const picks = new Set(host.ui.customPicks);
      if (custom) picks.add(`${nodeId}:${key}`);
      else picks.delete(`${nodeId}:${key}`);
      host.setUi({ customPicks: picks });
    },
  };
}

/** A rule's `field` and `value` (a path ending in `conditions.<i>.field`) get the pickers, else undefined. */
function renderConditionPart(ctx: FormContext, field: FieldModel, path: Path, id: string): TemplateResult | undefined {
  const conditions = ctx.conditions;
  if (!conditions || path.at(-3) !== 'conditions' || (field.key !== 'field' && field.key !== 'value')) return;
  const key = path.join('.');
  const picker = { ...conditions, set: (value: unknown) => ctx.set(path, value) };
  const fallback = () => renderField(ctx, field, path, true);
  const label = labelOf(ctx, field);
  const value = getAt(ctx.config, path);
  if (field.key === 'field') return renderFieldPicker(picker, key, id, label, value, fallback);
  const fieldPath = getAt(ctx.config, [...path.slice(0, -1), 'field']);
  return renderValuePicker(picker, key, `${id}-pick`, label, fieldPath, value, fallback);
}

function renderField(ctx: FormContext, field: FieldModel, path: Path, plain = false): TemplateResult {
  const m = ctx.host.msg;
  const id = `cfg-${path.join('-')}`;
  const name = path.join('.');
  const value = getAt(ctx.config, path);
  const picked = plain ? undefined : renderConditionPart(ctx, field, path, id);
  if (picked) return picked;
  const hint = field.description ? html`<div class="hint" id="${id}-hint">${field.description}</div>` : nothing;
  const described = field.description ? `${id}-hint` : nothing;
  field = { ...field, label: labelOf(ctx, field) };
  const label = html`<label for=${id}>${field.label}${field.required ? ' *' : ''}</label>`;
  // Fields saved on `change` bind `.value` without live(): a re-render while someone types (the server's check
  // answering) must not put the saved value back over the text not yet saved.
  switch (field.kind) {
    case 'boolean':
      return html`<div class="field checkbox">
        <label><input id=${id} name=${name} type="checkbox" ?disabled=${ctx.disabled} .checked=${live(Boolean(value))} aria-describedby=${described}
          @change=${(e: Event) => ctx.set(path, (e.target as HTMLInputElement).checked)} />${field.label}</label>${hint}
      </div>`;
    case 'number':
    case 'integer':
      return html`<div class="field">${label}
        <input id=${id} name=${name} type="number" step=${field.kind === 'integer' ? '1' : 'any'} ?disabled=${ctx.disabled} ?required=${field.required}
          min=${field.schema.minimum ?? nothing} max=${field.schema.maximum ?? nothing} aria-describedby=${described}
          .value=${value === undefined || value === null ? '' : String(value)}
          @change=${(e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            ctx.set(path, raw === '' ? undefined : Number(raw));
          }} />${hint}
      </div>`;
    case 'enum':
      return html`<div class="field">${label}
        <select id=${id} name=${name} ?disabled=${ctx.disabled} aria-describedby=${described}
          @change=${(e: Event) => {
            const index = Number((e.target as HTMLSelectElement).value);
            ctx.set(path, index < 0 ? undefined : field.enumValues?.[index]);
          }}>
          ${field.required ? nothing : html`<option value="-1" ?selected=${value === undefined}>${m.none}</option>`}
          ${(field.enumValues ?? []).map((option, index) => html`<option value=${index} ?selected=${option === value}>${m.enumLabels[String(option)] ?? String(option)}</option>`)}
        </select>${hint}
      </div>`;
    case 'duration':
      return renderDuration(ctx, field, path, id, value);
    case 'cron': {
      const text = typeof value === 'string' ? value : '';
      const preview = describeCron(text, ctx.host.langCode);
      return html`<div class="field">${label}
        <input id=${id} name=${name} ?disabled=${ctx.disabled} .value=${live(text)} aria-describedby="${id}-cron" spellcheck="false"
          @input=${(e: Event) => ctx.set(path, (e.target as HTMLInputElement).value)} />
        <div class="hint ${preview || !text ? '' : 'error-text'}" id="${id}-cron" data-testid="cron-preview" aria-live="polite">
          ${text ? (preview ? `${m.cronPreview} : ${preview}` : m.cronInvalid) : ''}
        </div>${hint}
      </div>`;
    }
    case 'object':
      return html`<fieldset>
        <legend>${field.label}</legend>${hint} ${(field.children ?? []).map((child) => renderField(ctx, child, childPath(path, child)))}
      </fieldset>`;
    case 'array':
      return renderArray(ctx, field, path, value);
    case 'any':
      return html`<div class="field">${label}
        <input id=${id} name=${name} ?disabled=${ctx.disabled} aria-describedby=${described}
          .value=${value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)}
          @change=${(e: Event) => ctx.set(path, parseLoose((e.target as HTMLInputElement).value))} />${hint}
      </div>`;
    case 'json':
      return html`<div class="field">${label}
        <textarea id=${id} name=${name} ?disabled=${ctx.disabled} aria-describedby=${described} spellcheck="false"
          .value=${value === undefined ? '' : JSON.stringify(value, null, 2)}
          @change=${(e: Event) => {
            const el = e.target as HTMLTextAreaElement;
            try {
              ctx.set(path, el.value.trim() ? JSON.parse(el.value) : undefined);
              el.setCustomValidity('');
            } catch {
              el.setCustomValidity(m.invalidJson);
              el.reportValidity();
            }
          }}></textarea>${hint}
      </div>`;
    default:
      return renderText(ctx, field, path, id, value);
  }
}

function renderText(ctx: FormContext, field: FieldModel, path: Path, id: string, value: unknown): TemplateResult {
  const name = path.join('.');
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const isTemplate = field.kind === 'template';
  const remember = (e: Event) => {
    if (!isTemplate) return;
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    ctx.host.ui.templateField = {
      path,
      start: el.selectionStart ?? el.value.length,
      end: el.selectionEnd ?? el.value.length,
    };
  };
  const onInput = (e: Event) => {
    remember(e);
    ctx.set(path, (e.target as HTMLInputElement).value);
  };
  const templateSelect =
    field.key === 'templateId' ? renderTemplatePicker(ctx.host, ctx.nodeId, path, id, text) : undefined;
  if (templateSelect) return templateSelect;
  const describedBy = field.description ? `${id}-hint` : nothing;
  return html`<div class="field">
    <label for=${id}>${field.label}${field.required ? ' *' : ''}</label>
    ${
      field.multiline
        ? html`<textarea id=${id} name=${name} data-template=${isTemplate ? 'true' : 'false'} ?disabled=${ctx.disabled} ?required=${field.required}
          aria-describedby=${describedBy} .value=${live(text)} @input=${onInput} @focus=${remember} @click=${remember} @keyup=${remember} @select=${remember}></textarea>`
        : html`<input id=${id} name=${name} data-template=${isTemplate ? 'true' : 'false'} ?disabled=${ctx.disabled} ?required=${field.required}
          type=${field.schema.format === 'email' ? 'email' : 'text'} aria-describedby=${describedBy}
          .value=${live(text)} @input=${onInput} @focus=${remember} @click=${remember} @keyup=${remember} @select=${remember} />`
    }
    ${field.description ? html`<div class="hint" id="${id}-hint">${field.description}</div>` : nothing}
  </div>`;
}

/** The amount is saved on `change`, so bound without live() like the number field (see renderField). */
function renderDuration(ctx: FormContext, field: FieldModel, path: Path, _id: string, value: unknown): TemplateResult {
  const shape = field.duration;
  if (!shape) return html``;
  const id = `cfg-${[...path, shape.amountKey].join('-')}`;
  const m = ctx.host.msg;
  const amount = getAt(value, [shape.amountKey]);
  const unit = getAt(value, [shape.unitKey]);
  return html`<fieldset class="field" data-testid="duration-field">
    <legend>${field.label}${field.required ? ' *' : ''}</legend>
    <div class="inline">
      <label class="sr-only" for="${id}-amount">${field.label}</label>
      <input id="${id}-amount" name="${path.join('.')}.${shape.amountKey}" type="number" min="0" step="1" ?disabled=${ctx.disabled}
        .value=${amount === undefined ? '' : String(amount)}
        @change=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          ctx.set([...path, shape.amountKey], raw === '' ? undefined : Number(raw));
        }} />
      <label class="sr-only" for="${id}-unit">${field.label} (unité)</label>
      <select id="${id}-unit" name="${path.join('.')}.${shape.unitKey}" ?disabled=${ctx.disabled}
        @change=${(e: Event) => ctx.set([...path, shape.unitKey], (e.target as HTMLSelectElement).value)}>
        ${shape.units.map((u) => html`<option value=${u} ?selected=${u === unit}>${m.durationUnits[u] ?? u}</option>`)}
      </select>
    </div>
    ${field.description ? html`<div class="hint">${field.description}</div>` : nothing}
  </fieldset>`;
}

function renderArray(ctx: FormContext, field: FieldModel, path: Path, value: unknown): TemplateResult {
  const m = ctx.host.msg;
  const items = Array.isArray(value) ? value : [];
  const item = field.item;
  return html`<fieldset data-testid="array-field" data-name=${path.join('.')}>
    <legend>${field.label}</legend>
    ${
      item
        ? items.map(
            (_, index) => html`<div class="array-item">
            <div>${renderField(ctx, { ...item, label: `${field.label} ${index + 1}` }, [...path, index])}</div>
            <button type="button" ?disabled=${ctx.disabled} aria-label="${m.removeItem} ${field.label} ${index + 1}"
              @click=${() =>
                ctx.set(
                  path,
                  items.filter((__, i) => i !== index),
                )}>×</button>
          </div>`,
          )
        : nothing
    }
    <button type="button" ?disabled=${ctx.disabled || !item} data-testid="array-add"
      @click=${() => ctx.set(path, [...items, item ? (defaultValue(item.schema) ?? '') : ''])}>${m.addItem}</button>
  </fieldset>`;
}

/** Numbers, booleans and null typed in a free field keep their type; anything else stays text. */
function parseLoose(text: string): unknown {
  if (text === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (text === 'true' || text === 'false' || text === 'null') return JSON.parse(text);
  return text;
}
