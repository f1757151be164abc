import type { Message } from './message';

const RUN_STATUS: Record<string, string> = {
  pending: 'en attente',
  running: 'en cours',
  waiting: 'en attente d’une échéance',
  completed: 'terminée',
  failed: 'en échec',
  cancelled: 'annulée',
};
const INVOICE_STATUS: Record<string, string> = {
  draft: 'un brouillon',
  sent: 'envoyée',
  paid: 'payée',
  cancelled: 'annulée',
};
const TYPE: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  bigint: 'un nombre entier',
  boolean: 'vrai ou faux',
  object: 'un objet',
  array: 'une liste',
  date: 'une date',
  null: 'vide (null)',
};
const FORMAT: Record<string, string> = {
  email: 'doit être une adresse e-mail valide',
  url: 'doit être une adresse web (URL) valide',
  datetime: 'doit être une date et heure ISO 8601, par exemple 2026-03-02T08:00:00Z',
  date: 'doit être une date au format AAAA-MM-JJ',
  time: 'doit être une heure au format HH:MM',
  regex: 'n’a pas le format attendu',
};

const quoted = (names: unknown): string =>
  (Array.isArray(names) ? names : [names]).map((name) => `« ${String(name)} »`).join(', ');
const plural = (count: unknown, one: string, many: string): string => `${num(count)} ${Number(count) > 1 ? many : one}`;
// Built on first use (ICU data stays unmapped until a message shows a number).
let frNumber: Intl.NumberFormat | undefined;
const frNumbers = (): Intl.NumberFormat => {
  frNumber ??= new Intl.NumberFormat('fr-CH');
  return frNumber;
};
// U+202F between thousands whatever the runtime's ICU (78.3, in Node 24, groups fr-CH with an apostrophe).
const num = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'bigint'
    ? frNumbers()
        .formatToParts(value)
        .map((part) => (part.type === 'group' ? '\u202f' : part.value))
        .join('')
    : String(value);
const list = (values: unknown): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : '';

/** `2024-01-01` → `01.01.2024`. */
const swissDate = (value: unknown): string => String(value).split('-').reverse().join('.');

/** The server's messages in French (the reference: every key is here first, `en.ts` must have the same keys). */
export const fr = {
  // Requests
  bad_request: 'Requête invalide',
  invalid_json: 'Le corps de la requête n’est pas du JSON valide',
  forbidden_key: 'Clé interdite dans le corps de la requête',
  forbidden_key_named: 'clé interdite « {key} »',
  too_deep: 'Le corps de la requête est trop imbriqué',
  too_deep_at: 'plus de {max} niveaux d’imbrication',
  validation_failed: 'Les données envoyées sont invalides',
  payload_too_large: 'Le corps de la requête est trop volumineux',
  unsupported_media_type: 'Type de contenu non pris en charge',
  route_not_found: 'Route inconnue',
  not_found: 'Ressource introuvable',
  conflict: 'Conflit avec l’état actuel de la ressource',
  unavailable: 'Service indisponible',
  internal: 'Erreur interne du serveur',
  // Authentication
  unauthorized: 'Authentification requise',
  invalid_token: 'Jeton invalide ou expiré',
  bad_credentials: 'Mot de passe incorrect',
  missing_user: 'Un jeton de service doit nommer l’utilisateur dans l’en-tête X-Swigs-User',
  local_login_disabled: 'La connexion locale est désactivée : ce serveur utilise le SSO',
  too_many_failures: 'Trop de tentatives d’authentification échouées ; réessayez plus tard',
  forbidden: 'Accès refusé',
  bad_signature: 'Signature invalide',
  method_not_allowed: (p) => `Ce webhook n’accepte pas la méthode ${p.method} ; méthodes acceptées : ${p.allowed}`,
  // Automations, runs, templates, mail
  automation_invalid: 'L’automatisation n’est pas valide ; enregistrez-la inactive ou corrigez-la',
  config_invalid: 'La configuration n’est pas valide',
  graph_invalid: 'Le graphe de l’automatisation n’est pas valide',
  limit_exceeded: 'Une limite est dépassée',
  evaluation_error: 'Une condition n’a pas pu être évaluée',
  run_status: (p) => `l’exécution est ${RUN_STATUS[String(p.status)] ?? p.status}`,
  run_not_retryable: (p) =>
    `Seule une exécution en échec peut être relancée ; celle-ci est ${RUN_STATUS[String(p.status)] ?? p.status}`,
  run_not_cancellable: (p) =>
    `Cette exécution est déjà ${RUN_STATUS[String(p.status)] ?? p.status} et ne peut plus être annulée`,
  run_busy: (p) => `Cette exécution est ${RUN_STATUS[String(p.status)] ?? p.status} : annulez-la avant de la supprimer`,
  cms_not_configured: 'Le pont CMS n’est pas configuré',
  template_invalid: 'Le modèle d’e-mail contient une erreur',
  template_too_complex: 'le modèle prend trop de temps à compiler ; divisez-le ou retirez des blocs répétés',
  template_render_failed: 'le modèle n’a pas pu être rendu avec ces données ({reason})',
  mail_rejected: 'Le serveur d’e-mail a refusé le message : {reason}',
  mail_deferred:
    'Le serveur d’e-mail ne peut pas prendre le message pour l’instant ({reason}) ; réessayez dans un moment',
  template_in_use: (p) =>
    `Ce modèle est utilisé par ${Number(p.count) > 1 ? 'les automatisations actives' : 'l’automatisation active'} ${quoted(p.names)} : désactivez-${Number(p.count) > 1 ? 'les' : 'la'} ou choisissez un autre modèle d’abord`,
  template_used_by: 'utilisé par l’automatisation active « {name} » (étape « {step} »)',
  template_breaks_automations: (p) =>
    `Ce modèle est envoyé par ${Number(p.count) > 1 ? 'les automatisations actives' : 'l’automatisation active'} ${quoted(p.names)}, qui ne connai${Number(p.count) > 1 ? 'ssent' : 't'} pas toutes ses variables : l’e-mail partirait avec des blancs`,
  template_breaks_step:
    '« {variable} » (ligne {line}) n’existe pas à l’étape « {step} » de l’automatisation active « {name} »',
  run_has_no_trigger_data: 'Cette exécution n’a pas de données de déclencheur à reprendre',
  run_other_automation: 'Cette exécution appartient à une autre automatisation',
  listen_not_supported: (p) =>
    `Le déclencheur « ${p.trigger} » ne reçoit pas d’événement à écouter ; collez un exemple de données à la place`,
  mail_not_configured: 'Aucun envoi d’e-mail n’est configuré',
  stats_unavailable: 'Ce stockage ne tient pas de statistiques par étape',
  step_not_found: 'Cette automatisation n’a pas cette étape',
  // Invoicing
  nothing_to_bill: 'Sélectionnez au moins un événement ou un devis à facturer',
  no_lines: 'Ajoutez au moins une ligne à la facture',
  negative_total: 'Le total de la facture ne peut pas être négatif',
  total_too_large: 'Le total de la facture dépasse 999 999 999.99 CHF',
  due_before_issue: 'L’échéance ne peut pas précéder la date de facture',
  year_locked: 'La date de facture doit rester en {year} (facture {number})',
  not_custom: 'Seules les factures libres ont des lignes modifiables',
  quote_not_signed: 'Le devis « {title} » n’est pas signé et ne peut pas être facturé',
  invoice_locked: (p) =>
    `La facture ${p.number} est ${INVOICE_STATUS[String(p.status)] ?? p.status} et ne peut plus être modifiée`,
  invoice_transition: (p) =>
    `La facture ${p.number} est ${INVOICE_STATUS[String(p.status)] ?? p.status} : action impossible`,
  event_wrong_project: 'L’événement {id} n’appartient pas à ce projet',
  quote_wrong_project: 'Le devis {id} n’appartient pas à ce projet',
  event_billed: 'L’événement {id} est déjà facturé',
  quote_billed: 'Le devis {id} est déjà facturé',
  event_locked: 'Cet événement est déjà facturé et ne peut plus être modifié',
  hourly_rate_missing: 'Indiquez un tarif horaire (le projet n’en a pas)',
  quote_signed: 'Ce devis est signé et ne peut plus être modifié',
  quote_already_signed: 'Ce devis est déjà signé',
  quote_billed_delete: 'Ce devis est facturé et ne peut pas être supprimé',
  project_has_invoices: 'Le projet a des factures et ne peut pas être supprimé',
  settings_incomplete: 'Complétez les réglages de facturation (raison sociale, adresse, IBAN) avant de générer le PDF',
  qr_bill_refused: 'QR-facture impossible : {reason}',
  chf_decimals: 'doit être un montant en CHF avec au plus 2 décimales',
  quantity_decimals: 'doit être une quantité avec au plus {decimals} décimales',
  vat_rate_decimals: 'doit être un taux de TVA avec au plus 2 décimales',
  calendar_date: 'doit être une date au format AAAA-MM-JJ',
  country_code: 'doit être un code pays ISO de 2 lettres (CH, FR...)',
  vat_number: 'doit être un numéro TVA comme CHE-123.456.789 TVA',
  iban_invalid: 'doit être un IBAN ou QR-IBAN suisse (CH/LI) valide',
  vat_number_check: 'doit être un numéro IDE valide : son chiffre de contrôle (modulo 11) ne correspond pas',
  vat_number_required: 'est obligatoire pour une entreprise assujettie à la TVA',
  vat_number_unregistered: 'doit rester vide : l’entreprise n’est pas assujettie à la TVA',
  qr_characters: (p) => `contient des caractères qu’une QR-facture ne peut pas transmettre : ${p.chars}`,
  qr_field_characters: (p) =>
    `QR-facture impossible : le champ ${p.field} contient des caractères non admis (${p.chars})`,
  service_start_missing: 'est obligatoire quand une fin de période est donnée',
  service_end_before_start: 'ne peut pas précéder le début de la prestation',
  vat_period_straddles: (p) =>
    `La période chevauche le changement de taux de TVA du ${swissDate(p.change)} : scindez la ligne en deux`,
  vat_rate_unknown: 'Aucun taux de TVA n’est connu pour une prestation antérieure au 01.01.2011',
  send_settings_incomplete:
    'Complétez les réglages de facturation (raison sociale, adresse, IBAN) avant d’envoyer une facture',
  payment_exceeds_balance: (p) => `dépasse le solde ouvert de ${p.balance} CHF`,
  payment_not_open: (p) =>
    `La facture ${p.number} est ${INVOICE_STATUS[String(p.status)] ?? p.status} : elle ne peut pas recevoir de paiement`,
  credit_note_invoice_status: (p) =>
    `La facture ${p.number} est ${INVOICE_STATUS[String(p.status)] ?? p.status} : seule une facture envoyée ou payée reçoit une note de crédit`,
  credit_line_unknown: (p) => `n’est pas une ligne de la facture (elle en a ${p.count})`,
  credit_quantity_exceeds: (p) => `dépasse la quantité restant à créditer sur cette ligne (${p.remaining})`,
  credit_note_empty: 'Il ne reste rien à créditer sur cette facture',
  cancel_needs_credit_note:
    'Une facture envoyée ne s’annule que par une note de crédit : indiquez le motif (reason) de l’annulation',
  cancel_has_payments: (p) =>
    `La facture ${p.number} a déjà reçu ${p.paid} CHF : créez une note de crédit pour le solde au lieu de l’annuler`,
  dunning_settings_incomplete:
    'Complétez les réglages de facturation (raison sociale, e-mail) avant d’installer les relances',
  // Field problems of invalid input (zod issues), said of the field at `path`
  field_required: 'est obligatoire',
  field_type: (p) => (TYPE[String(p.expected)] ? `doit être ${TYPE[String(p.expected)]}` : 'n’a pas le bon type'),
  field_too_small: (p) => {
    if (p.origin === 'string') return `doit contenir au moins ${plural(p.minimum, 'caractère', 'caractères')}`;
    if (p.origin === 'array' || p.origin === 'set')
      return `doit contenir au moins ${plural(p.minimum, 'élément', 'éléments')}`;
    if (p.origin === 'date') return `doit être le ${String(p.minimum)} ou après`;
    return p.inclusive === false ? `doit être supérieur à ${num(p.minimum)}` : `doit être au moins ${num(p.minimum)}`;
  },
  field_too_big: (p) => {
    if (p.origin === 'string') return `doit contenir au plus ${plural(p.maximum, 'caractère', 'caractères')}`;
    if (p.origin === 'array' || p.origin === 'set')
      return `doit contenir au plus ${plural(p.maximum, 'élément', 'éléments')}`;
    if (p.origin === 'date') return `doit être le ${String(p.maximum)} ou avant`;
    return p.inclusive === false ? `doit être inférieur à ${num(p.maximum)}` : `doit être au plus ${num(p.maximum)}`;
  },
  field_format: (p) => {
    if (p.format === 'starts_with') return `doit commencer par « ${p.prefix} »`;
    if (p.format === 'ends_with') return `doit finir par « ${p.suffix} »`;
    if (p.format === 'includes') return `doit contenir « ${p.includes} »`;
    return FORMAT[String(p.format)] ?? `doit être au format ${p.format}`;
  },
  field_value: (p) =>
    Array.isArray(p.values) && p.values.length === 1
      ? `doit valoir ${list(p.values)}`
      : `doit être l’une des valeurs : ${list(p.values)}`,
  field_multiple_of: (p) => `doit être un multiple de ${num(p.divisor)}`,
  field_unknown_keys: (p) =>
    `contient ${Array.isArray(p.keys) && p.keys.length > 1 ? 'des champs inconnus' : 'un champ inconnu'} : ${list(p.keys)}`,
  field_union: 'ne correspond à aucune des formes acceptées',
  field_discriminator: 'n’est pas une valeur prise en charge',
  field_key: 'contient une clé invalide',
  field_element: 'contient une valeur invalide',
  field_invalid: 'est invalide',
} as const satisfies Record<string, Message>;
