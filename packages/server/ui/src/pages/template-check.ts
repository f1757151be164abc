/** The template fields, in the order the editor shows them. */
export const FIELDS = ['subject', 'preheader', 'body', 'text'] as const;
export type TemplateField = (typeof FIELDS)[number];

/** One problem of `POST /api/email-templates/check`, already worded in the page's language. */
export interface CheckProblem {
  field: TemplateField;
  code: string;
  message: string;
  line?: number;
  column?: number;
  variable?: string;
}

/** The check's answer: problems, and the rendered e-mail when the fields compile. */
export interface CheckAnswer {
  problems: CheckProblem[];
  rendered?: { subject: string; html: string; text: string; preheader?: string };
}

/** The e-mail step a template is written for (the page opened with `?automation=…&step=…`). */
export interface StepContext {
  automationId: string;
  automationName: string;
  nodeId: string;
  stepName: string;
  triggerType: string;
  sampleData?: unknown;
  /** The saved template has been chosen for the step. */
  linked?: boolean;
}

/** The check's request: the fields as typed, checked against the step's variables or the trigger's. */
export function checkBody(
  fields: Record<TemplateField, string>,
  data: Record<string, unknown>,
  step: StepContext | null,
  triggerType: string,
): Record<string, unknown> {
  return {
    ...fields,
    data,
    ...(step ? { automationId: step.automationId, nodeId: step.nodeId } : { triggerType }),
  };
}
