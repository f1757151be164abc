import type { EmailTemplate } from '@swigs/automation-core';
import { loadOnFirstUse } from '../shared/load-on-first-use';
import { defaultLayout } from './layout';
import { createTemplateRenderer, type TemplateRenderer } from './renderer';

/** The parts of an `EmailTemplate` that rendering reads. */
export type EmailTemplateSource = Pick<EmailTemplate, 'subject' | 'body'> &
  Partial<Pick<EmailTemplate, 'preheader' | 'text'>>;

export interface RenderEmailOptions {
  /** Layout wrapping the body; default `defaultLayout`. Pass `null` to send the body alone. */
  layout?: string | null;
  /** Shown in the footer and the text part (marketing mail). */
  unsubscribeUrl?: string;
  /** A footer line, e.g. the sender's address. */
  footer?: string;
  renderer?: TemplateRenderer;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  preheader: string;
}

const PREHEADER_LENGTH = 120;

const htmlToTextLibrary = loadOnFirstUse<typeof import('html-to-text')>('html-to-text');
let compiledHtmlToText: ((html: string) => string) | undefined;

/** The plain-text conversion, compiled with its options by the first e-mail without a text part. */
function htmlToText(html: string): string {
  compiledHtmlToText ??= htmlToTextLibrary().compile({
    wordwrap: 78,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'table', format: 'dataTable' },
    ],
  });
  return compiledHtmlToText(html);
}

let sharedRenderer: TemplateRenderer | undefined;

function defaultRenderer(): TemplateRenderer {
  sharedRenderer ??= createTemplateRenderer();
  return sharedRenderer;
}

/**
 * Renders a template's subject, preheader and body with `data` (`{ trigger, nodes }`), wraps the body in the
 * layout and derives the plain-text part (and, when the template has none, the preheader) from the HTML.
 */
export function renderEmail(
  template: EmailTemplateSource,
  data: unknown,
  options: RenderEmailOptions = {},
): RenderedEmail {
  const renderer = options.renderer ?? defaultRenderer();
  const subject = oneLine(renderer.render(template.subject, data, 'text'));
  const body = renderer.render(template.body, data, 'html');
  const bodyText = template.text ? renderer.render(template.text, data, 'text').trim() : htmlToText(body).trim();
  const preheader = template.preheader
    ? oneLine(renderer.render(template.preheader, data, 'text'))
    : truncate(oneLine(bodyText.replace(/\[[^\]]*\]/g, '')), PREHEADER_LENGTH);
  const layout = options.layout === undefined ? defaultLayout : options.layout;
  const html =
    layout === null
      ? body
      : renderer.render(
          layout,
          {
            subject,
            preheader,
            content: new renderer.handlebars.SafeString(body),
            unsubscribeUrl: options.unsubscribeUrl,
            footer: options.footer,
          },
          'html',
        );
  const footerLines = [
    options.footer,
    options.unsubscribeUrl ? `Se désabonner : ${options.unsubscribeUrl}` : undefined,
  ].filter(Boolean);
  const text = footerLines.length > 0 ? `${bodyText}\n\n--\n${footerLines.join('\n')}` : bodyText;
  return { subject, html, text, preheader };
}

// ASCII whitespace only: no-break spaces a template author typed (before « : », in « 5 jours ») must survive.
function oneLine(value: string): string {
  return value.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/^ | $/g, '');
}

function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
