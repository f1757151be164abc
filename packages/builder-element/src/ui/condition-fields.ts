import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages';
import { findKnownField, localized, type KnownField } from '../model/known-fields';

/** What the condition pickers read and write: no more than this. */
export interface ConditionPickerContext {
  msg: Messages;
  lang: 'fr' | 'en';
  disabled: boolean;
  fields: readonly KnownField[];
  /** Source names for the option groups (`trigger` → « Déclencheur : Commande payée »). */
  sourceName: (source: string) => string;
  /** Whether the user asked to type this entry by hand (`Autre…`). */
  isCustom: (key: string) => boolean;
  setCustom: (key: string, custom: boolean) => void;
  set: (value: unknown) => void;
}

const CUSTOM = '__custom';

/**
 * A rule's field chosen from the variables the step can read, grouped by source, each with its label and an
 * example value (« Statut de la commande — payée »); « Autre… » falls back to a typed path (`fallback`).
 */
export function renderFieldPicker(
  ctx: ConditionPickerContext,
  key: string,
  id: string,
  label: string,
  value: unknown,
  fallback: () => TemplateResult,
): TemplateResult {
  const m = ctx.msg;
  const path = typeof value === 'string' ? value : '';
  const known = path ? findKnownField(ctx.fields, path) : undefined;
  const custom = ctx.isCustom(key) || (path !== '' && !known);
  const sources = [...new Set(ctx.fields.map((field) => field.source))];
  return html`<div class="field condition-field">
    <label for=${id}>${label} *</label>
    <select id=${id} data-testid="condition-field" ?disabled=${ctx.disabled}
      @change=${(e: Event) => {
        const chosen = (e.target as HTMLSelectElement).value;
        if (chosen === CUSTOM) return ctx.setCustom(key, true);
        ctx.setCustom(key, false);
        ctx.set(chosen || undefined);
      }}>
      <option value="" ?selected=${!path && !custom}>${m.chooseField}</option>
      ${sources.map(
        (source) => html`<optgroup label=${ctx.sourceName(source)}>
          ${ctx.fields
            .filter((field) => field.source === source)
            .map(
              (field) =>
                html`<option value=${field.path} title=${field.path} ?selected=${!custom && field.path === path}>${optionText(ctx, field)}</option>`,
            )}
        </optgroup>`,
      )}
      <option value=${CUSTOM} ?selected=${custom}>${m.otherField}</option>
    </select>
    ${custom ? fallback() : nothing}
  </div>`;
}

/**
 * A rule's value: a field with known values offers them by their labels (« payée » stores `paid`), with
 * « Autre valeur… » for anything else; other fields keep the free entry (`fallback`) with the example as a hint.
 */
export function renderValuePicker(
  ctx: ConditionPickerContext,
  key: string,
  id: string,
  label: string,
  fieldPath: unknown,
  value: unknown,
  fallback: () => TemplateResult,
): TemplateResult {
  const m = ctx.msg;
  const field = typeof fieldPath === 'string' ? findKnownField(ctx.fields, fieldPath) : undefined;
  if (!field?.values) {
    const example = field?.example;
    return html`${fallback()}${
      example !== undefined && typeof example !== 'object'
        ? html`<div class="hint" data-testid="condition-example">${m.exampleValue(String(example))}</div>`
        : nothing
    }`;
  }
  const index = field.values.findIndex((known) => known.value === value);
  const custom = ctx.isCustom(key) || (value !== undefined && value !== '' && index < 0);
  return html`<div class="field condition-value">
    <label for=${id}>${label}</label>
    <select id=${id} data-testid="condition-value" ?disabled=${ctx.disabled}
      @change=${(e: Event) => {
        const chosen = (e.target as HTMLSelectElement).value;
        if (chosen === CUSTOM) return ctx.setCustom(key, true);
        ctx.setCustom(key, false);
        ctx.set(chosen === '' ? undefined : field.values?.[Number(chosen)]?.value);
      }}>
      <option value="" ?selected=${index < 0 && !custom}>${m.chooseValue}</option>
      ${field.values.map(
        (known, i) =>
          html`<option value=${i} ?selected=${!custom && i === index}>${localized(known.label, ctx.lang)} (${String(known.value)})</option>`,
      )}
      <option value=${CUSTOM} ?selected=${custom}>${m.otherValue}</option>
    </select>
    ${custom ? fallback() : nothing}
  </div>`;
}

function optionText(ctx: ConditionPickerContext, field: KnownField): string {
  const name = localized(field.label, ctx.lang) ?? field.path;
  const known = field.values?.find((value) => value.value === field.example);
  const example = known ? localized(known.label, ctx.lang) : formatExample(field.example);
  return example ? `${name} — ${example}` : name;
}

function formatExample(value: unknown): string {
  if (value === undefined || value === null || typeof value === 'object') return '';
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
