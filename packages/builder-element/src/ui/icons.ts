import { html, svg, type TemplateResult } from 'lit';

/**
 * Inline SVG icons (24×24 grid, stroked with `currentColor`). Glyphs and emoji depend on the fonts of the
 * machine (Chromium on a bare Linux draws boxes for them); paths draw the same everywhere.
 */
const PATHS = {
  clock: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  branch: svg`<circle cx="6" cy="5" r="2"/><circle cx="6" cy="19" r="2"/><circle cx="18" cy="8" r="2"/><path d="M6 7v10M18 10c0 4-6 3-11 7"/>`,
  mail: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>`,
  message: svg`<path d="M4 5h16v11H9l-5 4z"/>`,
  link: svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>`,
  reply: svg`<path d="M9 8 4 13l5 5"/><path d="M4 13h10a6 6 0 0 1 6 6"/>`,
  task: svg`<rect x="4" y="4" width="16" height="16" rx="2"/><path d="m8 12 3 3 5-6"/>`,
  pencil: svg`<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="m13 7 4 4"/>`,
  search: svg`<circle cx="11" cy="11" r="6"/><path d="m20 20-4.5-4.5"/>`,
  transform: svg`<path d="M4 7h13l-3-3M20 17H7l3 3"/>`,
  calendar: svg`<rect x="4" y="5" width="16" height="15" rx="2"/><path d="M4 10h16M9 3v4M15 3v4"/>`,
  hourglass: svg`<path d="M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9s8 4 8 9"/>`,
  play: svg`<path d="M8 5v14l11-7z"/>`,
  inbox: svg`<path d="M4 13h5l1 3h4l1-3h5"/><path d="M4 13 7 5h10l3 8v6H4z"/>`,
  cart: svg`<path d="M3 4h2l2.5 11h10L20 8H6.5"/><circle cx="9" cy="19" r="1.5"/><circle cx="17" cy="19" r="1.5"/>`,
  receipt: svg`<path d="M6 3h12v18l-3-2-3 2-3-2-3 2z"/><path d="M9 8h6M9 12h6"/>`,
  user: svg`<circle cx="12" cy="8" r="4"/><path d="M4 21c1-4 4-6 8-6s7 2 8 6"/>`,
  folder: svg`<path d="M3 6h6l2 2h10v11H3z"/>`,
  zap: svg`<path d="M13 3 5 14h6l-1 7 8-11h-6z"/>`,
  undo: svg`<path d="M9 14 4 9l5-5"/><path d="M4 9h11a5 5 0 0 1 0 10h-3"/>`,
  redo: svg`<path d="m15 14 5-5-5-5"/><path d="M20 9H9a5 5 0 0 0 0 10h3"/>`,
  layout: svg`<rect x="3" y="4" width="6" height="5" rx="1"/><rect x="15" y="4" width="6" height="5" rx="1"/><rect x="9" y="15" width="6" height="5" rx="1"/><path d="M6 9v3h12V9M12 12v3"/>`,
  trash: svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`,
  fit: svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`,
  plus: svg`<path d="M12 5v14M5 12h14"/>`,
  minus: svg`<path d="M5 12h14"/>`,
  steps: svg`<rect x="3" y="3" width="7" height="7" rx="1"/><rect x="14" y="3" width="7" height="7" rx="1"/><rect x="3" y="14" width="7" height="7" rx="1"/><path d="M17.5 14v7M14 17.5h7"/>`,
  panel: svg`<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M15 4v16"/>`,
  dot: svg`<circle cx="12" cy="12" r="5"/>`,
  reached: svg`<path d="M4 12h14M13 7l5 5-5 5"/>`,
  pause: svg`<path d="M9 6v12M15 6v12"/>`,
  check: svg`<path d="m5 12 5 5 9-10"/>`,
  cross: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
} as const;

/** Names of the icons this module draws. */
export type IconName = keyof typeof PATHS;

/** An icon as an inline `<svg>` sized by the font (1em), hidden from assistive technology. */
export function icon(name: IconName, className = 'svg-icon'): TemplateResult {
  return html`<svg class=${className} data-icon=${name} viewBox="0 0 24 24" width="1em" height="1em" fill="none"
    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
    focusable="false">${PATHS[name]}</svg>`;
}

const BY_TYPE: Record<string, IconName> = {
  wait: 'clock',
  condition: 'branch',
  send_email: 'mail',
  send_sms: 'message',
  webhook: 'link',
  respond_webhook: 'reply',
  create_task: 'task',
  update_record: 'pencil',
  get_record: 'search',
  transform: 'transform',
  'time.schedule': 'calendar',
  'time.delay': 'hourglass',
  manual: 'play',
  'webhook.received': 'inbox',
};

const BY_PREFIX: [string, IconName][] = [
  ['order.', 'cart'],
  ['invoice.', 'receipt'],
  ['customer.', 'user'],
  ['project.', 'folder'],
];

const BY_KIND: Record<string, IconName> = { trigger: 'zap', condition: 'branch', wait: 'clock' };

/** The icon of a node type: by type, else by its family (`order.*`...), else by kind. */
export function stepIconName(type: string, kind: string): IconName {
  return BY_TYPE[type] ?? BY_PREFIX.find(([prefix]) => type.startsWith(prefix))?.[1] ?? BY_KIND[kind] ?? 'dot';
}
