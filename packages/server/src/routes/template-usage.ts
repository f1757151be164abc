import {
  analyzeVariables,
  createVariableScope,
  type Automation,
  type EmailTemplate,
  type Registry,
  type RunStore,
} from '@swigs/automation-core';
import { validateTemplateSource } from '@swigs/automation-nodes';
import { HttpError, type Issue } from '../http/http-error';

/** The active automations a page of `list` reads at a time when looking for a template's users. */
const PAGE = 200;

/** A step of an active automation that sends a stored template. */
export interface TemplateUse {
  automation: Automation;
  nodeId: string;
  step: string;
}

/** The steps of the tenant's active automations whose `send_email` names the template `templateId`. */
export async function activeUsesOfTemplate(
  store: Pick<RunStore, 'automations'>,
  userId: string,
  templateId: string,
): Promise<TemplateUse[]> {
  const uses: TemplateUse[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = await store.automations.list(userId, { isActive: true, limit: PAGE, offset });
    for (const automation of items) {
      for (const node of automation.nodes) {
        if ((node.config as { templateId?: unknown } | undefined)?.templateId !== templateId) continue;
        uses.push({
          automation,
          nodeId: node.id,
          step: node.label ?? node.id,
        });
      }
    }
    if (offset + PAGE >= total || items.length === 0) return uses;
  }
}

/**
 * Refuses (409) to delete or switch off a template an active automation sends: its email would fail at run time,
 * days later. The answer names each automation and step.
 */
export async function refuseIfTemplateInUse(
  store: Pick<RunStore, 'automations'>,
  userId: string,
  templateId: string,
): Promise<void> {
  const uses = await activeUsesOfTemplate(store, userId, templateId);
  if (uses.length === 0) return;
  const names = [...new Set(uses.map((use) => use.automation.name))];
  const issues: Issue[] = uses.map((use) => ({
    path: ['automations', use.automation.id, 'nodes', use.nodeId],
    code: 'template_in_use',
    nodeId: use.nodeId,
    key: 'template_used_by',
    params: { name: use.automation.name, step: use.step, automationId: use.automation.id },
  }));
  throw new HttpError(409, 'template_in_use', { params: { names, count: names.length }, issues });
}

/** The fields of a stored template a `send_email` step sends unless it overrides them inline. */
const CONTENT_FIELDS = ['subject', 'body', 'preheader', 'text'] as const;

/**
 * Refuses (409) an edit of a template that an active automation sends when the edited text uses a variable that
 * step cannot read: the email would go out with a blank, days later. Each issue names the automation, the step,
 * the variable and its line.
 */
export async function refuseIfEditBreaksUses(
  store: Pick<RunStore, 'automations'>,
  registry: Registry,
  userId: string,
  template: Pick<EmailTemplate, 'id' | (typeof CONTENT_FIELDS)[number]>,
): Promise<void> {
  const issues: Issue[] = [];
  const names = new Set<string>();
  for (const use of await activeUsesOfTemplate(store, userId, template.id)) {
    const scope = createVariableScope(analyzeVariables(use.automation, registry)[use.nodeId] ?? []);
    const config = (use.automation.nodes.find((node) => node.id === use.nodeId)?.config ?? {}) as Record<
      string,
      unknown
    >;
    for (const field of CONTENT_FIELDS) {
      const source = template[field];
      if (config[field] !== undefined || !source) continue;
      for (const problem of validateTemplateSource(source, scope.has)) {
        if (problem.code !== 'unknown_variable') continue;
        names.add(use.automation.name);
        issues.push({
          path: [field],
          code: 'template_unknown_variable',
          nodeId: use.nodeId,
          key: 'template_breaks_step',
          params: {
            name: use.automation.name,
            step: use.step,
            automationId: use.automation.id,
            variable: String(problem.params?.variable ?? ''),
            line: Number(problem.params?.line ?? 1),
          },
        });
      }
    }
  }
  if (issues.length === 0) return;
  throw new HttpError(409, 'template_breaks_automations', { params: { names: [...names], count: names.size }, issues });
}
