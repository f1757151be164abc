import type { MessageKey } from '../i18n';
import type { Message } from './message';

const RUN_STATUS: Record<string, string> = {
  pending: 'pending',
  running: 'running',
  waiting: 'waiting',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};
const quoted = (names: unknown): string =>
  (Array.isArray(names) ? names : [names]).map((name) => `"${String(name)}"`).join(', ');
const INVOICE_STATUS: Record<string, string> = { draft: 'a draft', sent: 'sent', paid: 'paid', cancelled: 'cancelled' };
const TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  null: 'empty (null)',
};
const FORMAT: Record<string, string> = {
  email: 'must be a valid email address',
  url: 'must be a valid web address (URL)',
  datetime: 'must be an ISO 8601 date and time, e.g. 2026-03-02T08:00:00Z',
  date: 'must be a date in the format YYYY-MM-DD',
  time: 'must be a time in the format HH:MM',
  regex: 'does not have the expected format',
};

const plural = (count: unknown, one: string, many: string): string =>
  `${num(count)} ${Number(count) === 1 ? one : many}`;
const num = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'bigint' ? new Intl.NumberFormat('en').format(value) : String(value);
const list = (values: unknown): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : '';

/** `2024-01-01` → `01.01.2024`. */
const swissDate = (value: unknown): string => String(value).split('-').reverse().join('.');

/** The server's messages in English: the same keys as `fr.ts` (the type requires every one). */
export const en: Record<MessageKey, Message> = {
  bad_request: 'Invalid request',
  invalid_json: 'The request body is not valid JSON',
  forbidden_key: 'Forbidden key in the request body',
  forbidden_key_named: 'forbidden key "{key}"',
  too_deep: 'The request body is nested too deeply',
  too_deep_at: 'more than {max} levels of nesting',
  validation_failed: 'The data sent is invalid',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  route_not_found: 'Unknown route',
  not_found: 'Resource not found',
  conflict: 'Conflict with the current state of the resource',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
  unauthorized: 'Authentication required',
  invalid_token: 'Invalid or expired token',
  bad_credentials: 'Wrong password',
  missing_user: 'A service token must name the user in the X-Swigs-User header',
  local_login_disabled: 'Local login is disabled: this server uses SSO',
  too_many_failures: 'Too many failed authentication attempts; try again later',
  forbidden: 'Access denied',
  bad_signature: 'Invalid signature',
  method_not_allowed: (p) => `This webhook does not accept the method ${p.method}; accepted methods: ${p.allowed}`,
  automation_invalid: 'The automation is not valid; save it inactive or fix it',
  config_invalid: 'The configuration is not valid',
  graph_invalid: 'The automation’s graph is not valid',
  limit_exceeded: 'A limit is exceeded',
  evaluation_error: 'A condition could not be evaluated',
  run_status: (p) => `the run is ${RUN_STATUS[String(p.status)] ?? p.status}`,
  run_not_retryable: (p) => `Only a failed run can be retried; this one is ${RUN_STATUS[String(p.status)] ?? p.status}`,
  run_not_cancellable: (p) =>
    `This run is already ${RUN_STATUS[String(p.status)] ?? p.status} and can no longer be cancelled`,
  run_busy: (p) => `This run is ${RUN_STATUS[String(p.status)] ?? p.status}: cancel it before deleting it`,
  cms_not_configured: 'The CMS bridge is not configured',
  template_invalid: 'The email template has an error',
  template_too_complex: 'the template takes too long to compile; split it or remove repeated blocks',
  template_render_failed: 'the template could not be rendered with this data ({reason})',
  mail_rejected: 'The mail server refused the message: {reason}',
  mail_deferred: 'The mail server cannot take the message right now ({reason}); try again shortly',
  template_in_use: (p) =>
    `This template is used by the active automation${Number(p.count) > 1 ? 's' : ''} ${quoted(p.names)}: switch ${Number(p.count) > 1 ? 'them' : 'it'} off or choose another template first`,
  template_used_by: 'used by the active automation "{name}" (step "{step}")',
  template_breaks_automations: (p) =>
    `This template is sent by the active automation${Number(p.count) > 1 ? 's' : ''} ${quoted(p.names)}, which ${Number(p.count) > 1 ? 'do' : 'does'} not have all its variables: the email would go out with blanks`,
  template_breaks_step:
    '"{variable}" (line {line}) does not exist at the step "{step}" of the active automation "{name}"',
  run_has_no_trigger_data: 'This run has no trigger data to take',
  run_other_automation: 'This run belongs to another automation',
  listen_not_supported: (p) => `The trigger "${p.trigger}" receives no event to listen for; paste sample data instead`,
  mail_not_configured: 'No mail delivery is configured',
  stats_unavailable: 'This store keeps no step statistics',
  step_not_found: 'This automation has no such step',
  nothing_to_bill: 'Select at least one event or quote to invoice',
  no_lines: 'Add at least one line to the invoice',
  negative_total: 'The invoice total cannot be negative',
  total_too_large: 'The invoice total exceeds CHF 999,999,999.99',
  due_before_issue: 'The due date cannot be before the issue date',
  year_locked: 'The issue date must stay in {year} (invoice {number})',
  not_custom: 'Only custom invoices have editable lines',
  quote_not_signed: 'Quote "{title}" is not signed and cannot be invoiced',
  invoice_locked: (p) =>
    `Invoice ${p.number} is ${INVOICE_STATUS[String(p.status)] ?? p.status} and can no longer be changed`,
  invoice_transition: (p) =>
    `Invoice ${p.number} is ${INVOICE_STATUS[String(p.status)] ?? p.status}: action not possible`,
  event_wrong_project: 'Event {id} does not belong to this project',
  quote_wrong_project: 'Quote {id} does not belong to this project',
  event_billed: 'Event {id} is already invoiced',
  quote_billed: 'Quote {id} is already invoiced',
  event_locked: 'This event is already invoiced and can no longer be changed',
  hourly_rate_missing: 'Give an hourly rate (the project has none)',
  quote_signed: 'This quote is signed and can no longer be changed',
  quote_already_signed: 'This quote is already signed',
  quote_billed_delete: 'This quote is invoiced and cannot be deleted',
  project_has_invoices: 'The project has invoices and cannot be deleted',
  settings_incomplete: 'Complete the invoicing settings (company name, address, IBAN) before generating the PDF',
  qr_bill_refused: 'QR-bill not possible: {reason}',
  chf_decimals: 'must be an amount in CHF with at most 2 decimals',
  quantity_decimals: 'must be a quantity with at most {decimals} decimals',
  vat_rate_decimals: 'must be a VAT rate with at most 2 decimals',
  calendar_date: 'must be a date in the format YYYY-MM-DD',
  country_code: 'must be a 2-letter ISO country code (CH, FR...)',
  vat_number: 'must be a VAT number like CHE-123.456.789 MWST',
  iban_invalid: 'must be a valid Swiss IBAN or QR-IBAN (CH/LI)',
  vat_number_check: 'must be a valid UID: its check digit (modulo 11) does not match',
  vat_number_required: 'is required for a VAT-registered company',
  vat_number_unregistered: 'must stay empty: the company is not VAT-registered',
  qr_characters: (p) => `contains characters a QR-bill cannot carry: ${p.chars}`,
  qr_field_characters: (p) => `QR-bill not possible: the field ${p.field} contains characters not allowed (${p.chars})`,
  service_start_missing: 'is required when a period end is given',
  service_end_before_start: 'cannot be before the start of the supply',
  vat_period_straddles: (p) =>
    `The period straddles the VAT rate change of ${swissDate(p.change)}: split the line in two`,
  vat_rate_unknown: 'No VAT rate is known for a supply before 01.01.2011',
  send_settings_incomplete: 'Complete the invoicing settings (company name, address, IBAN) before sending an invoice',
  payment_exceeds_balance: (p) => `exceeds the open balance of CHF ${p.balance}`,
  payment_not_open: (p) =>
    `Invoice ${p.number} is ${INVOICE_STATUS[String(p.status)] ?? p.status}: it cannot take a payment`,
  credit_note_invoice_status: (p) =>
    `Invoice ${p.number} is ${INVOICE_STATUS[String(p.status)] ?? p.status}: only a sent or paid invoice takes a credit note`,
  credit_line_unknown: (p) => `is not a line of the invoice (it has ${p.count})`,
  credit_quantity_exceeds: (p) => `exceeds the quantity left to credit on this line (${p.remaining})`,
  credit_note_empty: 'Nothing is left to credit on this invoice',
  cancel_needs_credit_note: 'A sent invoice is cancelled only by a credit note: give the reason of the cancellation',
  cancel_has_payments: (p) =>
    `Invoice ${p.number} has already received CHF ${p.paid}: issue a credit note for the balance instead of cancelling it`,
  dunning_settings_incomplete: 'Complete the invoicing settings (company name, e-mail) before installing the reminders',
  field_required: 'is required',
  field_type: (p) => (TYPE[String(p.expected)] ? `must be ${TYPE[String(p.expected)]}` : 'has the wrong type'),
  field_too_small: (p) => {
    if (p.origin === 'string') return `must contain at least ${plural(p.minimum, 'character', 'characters')}`;
    if (p.origin === 'array' || p.origin === 'set')
      return `must contain at least ${plural(p.minimum, 'item', 'items')}`;
    if (p.origin === 'date') return `must be on or after ${String(p.minimum)}`;
    return p.inclusive === false ? `must be greater than ${num(p.minimum)}` : `must be at least ${num(p.minimum)}`;
  },
  field_too_big: (p) => {
    if (p.origin === 'string') return `must contain at most ${plural(p.maximum, 'character', 'characters')}`;
    if (p.origin === 'array' || p.origin === 'set') return `must contain at most ${plural(p.maximum, 'item', 'items')}`;
    if (p.origin === 'date') return `must be on or before ${String(p.maximum)}`;
    return p.inclusive === false ? `must be less than ${num(p.maximum)}` : `must be at most ${num(p.maximum)}`;
  },
  field_format: (p) => {
    if (p.format === 'starts_with') return `must start with "${p.prefix}"`;
    if (p.format === 'ends_with') return `must end with "${p.suffix}"`;
    if (p.format === 'includes') return `must contain "${p.includes}"`;
    return FORMAT[String(p.format)] ?? `must be in the ${p.format} format`;
  },
  field_value: (p) =>
    Array.isArray(p.values) && p.values.length === 1
      ? `must be ${list(p.values)}`
      : `must be one of: ${list(p.values)}`,
  field_multiple_of: (p) => `must be a multiple of ${num(p.divisor)}`,
  field_unknown_keys: (p) =>
    `has ${Array.isArray(p.keys) && p.keys.length > 1 ? 'unknown fields' : 'an unknown field'}: ${list(p.keys)}`,
  field_union: 'matches none of the accepted forms',
  field_discriminator: 'is not a supported value',
  field_key: 'has an invalid key',
  field_element: 'has an invalid value',
  field_invalid: 'is invalid',
};
