import type { ValidationProblem } from '../errors/errors';
import type { Lang, LocalizedText } from '../node/types';
import { CORE_PROBLEM_TEXTS, fillText, SUBJECT_TEXTS } from './problem-catalogue';

/** What a problem is about: the automation itself, its trigger or one step, with the name people know it by. */
export interface ProblemSubject {
  kind: 'automation' | 'trigger' | 'step';
  name: string;
}

/** The body of a problem's message in `lang`: its own text, the node's text for its code, core's, or the fallback. */
export function problemBody(
  lang: Lang,
  code: string,
  params: Record<string, unknown> | undefined,
  options: { text?: LocalizedText | string; messages?: Readonly<Record<string, LocalizedText>>; fallback?: string },
): string {
  const { text } = options;
  if (typeof text === 'string') return text;
  const template = text ?? options.messages?.[code] ?? CORE_PROBLEM_TEXTS[code];
  if (template) {
    const filled = fillText(template[lang], params, lang);
    // A text whose params the reporter did not give would show `{name}`: its own message says more.
    if (!/\{\w+\}/.test(filled) || options.fallback === undefined) return filled;
  }
  return options.fallback ?? code;
}

/** « Étape « E-mail Avis » : le champ « Destinataire » est obligatoire. » / `Step "E-mail Avis": …`. */
export function problemMessage(lang: Lang, subject: ProblemSubject, body: string): string {
  const name = fillText(SUBJECT_TEXTS[subject.kind][lang], { name: subject.name });
  const sentence = /[.!?]$/.test(body) ? body : `${body}.`;
  return lang === 'fr' ? `${name} : ${sentence}` : `${name}: ${sentence}`;
}

/** A finished problem. */
export function makeProblem(
  lang: Lang,
  subject: ProblemSubject,
  input: { code: string; path: (string | number)[]; nodeId?: string; params?: Record<string, unknown>; body: string },
): ValidationProblem {
  return {
    code: input.code,
    path: input.path,
    message: problemMessage(lang, subject, input.body),
    ...(input.nodeId === undefined ? {} : { nodeId: input.nodeId }),
    ...(input.params === undefined ? {} : { params: input.params }),
  };
}
