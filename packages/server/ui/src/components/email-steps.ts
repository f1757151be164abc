import { html, nothing, type TemplateResult } from 'lit';
import type { AutomationNode } from '../api/types.js';
import type { Lang, Translate } from '../i18n/i18n.js';
import type { NodeTitles } from '../node-titles.js';
import { href } from '../router.js';

/** What {@link renderEmailSteps} shows: the stored automation's e-mail steps and the tenant's template names. */
export interface EmailStepsOptions {
  automationId: string;
  nodes: readonly AutomationNode[];
  templateNames: ReadonlyMap<string, string>;
  titles: NodeTitles;
  t: Translate;
  lang: Lang;
}

/**
 * Below the builder: each saved e-mail step with its template, and a link to write one for it in the template
 * editor (checked against that step's variables, chosen for the step once saved).
 */
export function renderEmailSteps(options: EmailStepsOptions): TemplateResult | typeof nothing {
  const { t } = options;
  const steps = options.nodes.filter((node) => node.type === 'send_email');
  if (steps.length === 0) return nothing;
  const query = (node: AutomationNode): string =>
    `?automation=${encodeURIComponent(options.automationId)}&step=${encodeURIComponent(node.id)}`;
  return html`<section class="card email-steps" aria-labelledby="email-steps-title" data-testid="email-steps">
    <h2 id="email-steps-title">${t('builder.emailSteps')}</h2>
    <ul class="email-steps-list">
      ${steps.map((node) => {
        const name = node.label || options.titles.title(node.type, options.lang);
        const templateId = typeof node.config?.templateId === 'string' ? node.config.templateId : undefined;
        const templateName = templateId ? options.templateNames.get(templateId) : undefined;
        return html`<li>
          <span>${name}</span>
          ${
            templateId && templateName
              ? html`<a href=${href(`/templates/${encodeURIComponent(templateId)}${query(node)}`)}>${t('builder.editStepTemplate', { template: templateName })}</a>`
              : html`<a href=${href(`/templates/new${query(node)}`)}>${t('builder.createStepTemplate')}</a>`
          }
        </li>`;
      })}
    </ul>
  </section>`;
}
