import type { EmailTemplate, LocalizedText, NodeAsyncValidateContext, NodeConfigProblem } from '@swigs/automation-core';
import '../ports';
import { templateProblemText, validateTemplateSource } from '../templates/validate-template';

const TEMPLATE_FIELDS = {
  subject: { fr: 'objet', en: 'subject' },
  body: { fr: 'contenu', en: 'body' },
  preheader: { fr: 'texte d’aperçu', en: 'preheader' },
  text: { fr: 'version texte', en: 'text version' },
} as const satisfies Record<string, LocalizedText>;

/** Texts of the problems `checkSendEmail` reports (part of `send_email`'s `messages`). */
export const SEND_EMAIL_PROBLEM_TEXTS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  template_not_found: {
    fr: 'le modèle d’e-mail « {templateId} » n’existe pas pour ce compte ; choisissez un modèle existant',
    en: 'the email template "{templateId}" does not exist for this account; choose an existing template',
  },
  template_inactive: {
    fr: 'le modèle d’e-mail « {template} » est désactivé ; réactivez-le ou choisissez-en un autre',
    en: 'the email template "{template}" is inactive; activate it or choose another one',
  },
  template_unknown_variable: {
    fr: 'le modèle « {template} » utilise la variable « {variable} », qui n’existe pas ici ({field}, ligne {line}) ; l’e-mail partirait avec un blanc',
    en: 'the template "{template}" uses the variable "{variable}", which does not exist here ({field}, line {line}); the email would be sent with a blank',
  },
  template_invalid: {
    fr: 'le modèle « {template} » contient une erreur ({field}) : {detail}',
    en: 'the template "{template}" has an error ({field}): {detail}',
  },
  marketing_without_unsubscribe: {
    fr: 'un e-mail marketing exige un lien de désinscription en un clic, que ce serveur n’offre pas : configurez une adresse publique https (PUBLIC_URL) ou envoyez-le comme e-mail transactionnel',
    en: 'a marketing email needs a one-click unsubscribe link, which this server does not offer: set a public https address (PUBLIC_URL) or send it as a transactional email',
  },
});

/** The config fields `checkSendEmail` reads. */
interface CheckedConfig {
  templateId?: string | undefined;
  subject?: string | undefined;
  body?: string | undefined;
  preheader?: string | undefined;
  text?: string | undefined;
  category?: 'transactional' | 'marketing' | undefined;
}

/**
 * What a save must know before the email fails days later: the stored template exists for this tenant and is
 * active, its variables exist at this step (as inline fields are checked), and marketing mail has the server's
 * one-click unsubscribe settings.
 */
export async function checkSendEmail(ctx: NodeAsyncValidateContext<CheckedConfig>): Promise<NodeConfigProblem[]> {
  const { config } = ctx;
  const problems: NodeConfigProblem[] = [];
  let category = config.category;
  // Without a template store the check cannot know; the step then fails clearly when it runs.
  if (config.templateId !== undefined && ctx.ports.templates) {
    const stored = await ctx.ports.templates.get(ctx.userId, config.templateId);
    if (!stored) {
      problems.push({
        path: ['templateId'],
        code: 'template_not_found',
        message: `email template "${config.templateId}" not found`,
        params: { templateId: config.templateId },
      });
    } else {
      if (stored.isActive === false) {
        problems.push({
          path: ['templateId'],
          code: 'template_inactive',
          message: `email template "${stored.name}" is inactive`,
          params: { templateId: stored.id, template: stored.name },
        });
      }
      category ??= stored.category;
      problems.push(...storedTemplateProblems(stored, config, ctx.isKnown));
    }
  }
  const unsubscribe = ctx.ports.email?.unsubscribe;
  if (category === 'marketing' && !(unsubscribe && /^https:\/\//i.test(unsubscribe.baseUrl))) {
    problems.push({
      path: [config.category === 'marketing' || config.templateId === undefined ? 'category' : 'templateId'],
      code: 'marketing_without_unsubscribe',
      message: 'marketing mail needs ports.email.unsubscribe with an https baseUrl (RFC 8058)',
    });
  }
  return problems;
}

/** The stored template's fields this step sends (those not overridden inline), checked against its variables. */
function storedTemplateProblems(
  stored: EmailTemplate,
  config: CheckedConfig,
  isKnown: (path: string) => boolean,
): NodeConfigProblem[] {
  const problems: NodeConfigProblem[] = [];
  for (const field of Object.keys(TEMPLATE_FIELDS) as (keyof typeof TEMPLATE_FIELDS)[]) {
    const source = stored[field];
    if (config[field] !== undefined || !source) continue;
    for (const problem of validateTemplateSource(source, isKnown)) {
      const where = { template: stored.name, templateId: stored.id, field: TEMPLATE_FIELDS[field] };
      if (problem.code === 'unknown_variable') {
        problems.push({
          path: ['templateId'],
          code: 'template_unknown_variable',
          message: `template "${stored.name}" ${field}: ${problem.message}`,
          params: { ...where, ...problem.params },
        });
      } else {
        problems.push({
          path: ['templateId'],
          code: 'template_invalid',
          message: `template "${stored.name}" ${field}: ${problem.message}`,
          params: {
            ...where,
            ...problem.params,
            detail: { fr: templateProblemText(problem, 'fr'), en: templateProblemText(problem, 'en') },
          },
        });
      }
    }
  }
  return problems;
}
