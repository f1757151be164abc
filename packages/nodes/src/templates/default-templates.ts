import type { EmailTemplate } from '@swigs/automation-core';

/** A shipped template: an `EmailTemplate` without the tenant fields. */
export type DefaultEmailTemplate = Omit<EmailTemplate, 'id' | 'userId' | 'createdAt' | 'updatedAt'>;

const itemsTable = `<table role="presentation" width="100%" cellpadding="6" cellspacing="0" style="border-collapse:collapse;margin:16px 0">
{{#each trigger.items}}<tr><td style="border-bottom:1px solid #e4e4e7">{{quantity}} × {{name}}</td><td align="right" style="border-bottom:1px solid #e4e4e7">{{currency price}}</td></tr>
{{/each}}<tr><td><strong>Total</strong></td><td align="right"><strong>{{currency trigger.total}}</strong></td></tr>
</table>`;

const orderVariables = [
  'trigger.orderNumber',
  'trigger.customer.firstName',
  'trigger.customer.lastName',
  'trigger.total',
  'trigger.items[].name',
  'trigger.items[].quantity',
  'trigger.items[].price',
  'trigger.updatedAt',
];

const invoiceVariables = [
  'trigger.number',
  'trigger.customer.name',
  'trigger.total',
  'trigger.issueDate',
  'trigger.dueDate',
  'trigger.paymentUrl',
];

/** What the reminder templates read: the `invoice.overdue` payload. */
const overdueVariables = [...invoiceVariables, 'trigger.balance', 'trigger.daysOverdue', 'trigger.level'];

/**
 * The French templates SWIGS ships, keyed by slug (use the slug as the template id when seeding).
 * Order templates read the `order.*` payload, invoice templates the `invoice.*` payload.
 */
export const defaultTemplates = {
  'commande-merci': {
    name: 'Merci pour votre commande',
    subject: 'Merci pour votre commande n° {{trigger.orderNumber}}',
    preheader: 'Nous préparons votre commande avec soin.',
    body: `<p>Bonjour {{default trigger.customer.firstName "et merci"}},</p>
<p>Merci pour votre commande n° <strong>{{trigger.orderNumber}}</strong> du {{date trigger.updatedAt "long"}}. Nous la préparons avec soin.</p>
${itemsTable}
<p>Nous vous écrirons dès son expédition.</p>
<p>Belle journée,<br>L’équipe</p>`,
    text: '',
    availableVariables: orderVariables,
    category: 'transactional',
    isActive: true,
  },
  'demande-avis': {
    name: 'Demande d’avis',
    subject: '{{default trigger.customer.firstName "Bonjour"}}, votre avis compte pour nous',
    preheader: 'Deux minutes pour nous dire ce que vous en pensez ?',
    body: `<p>Bonjour {{default trigger.customer.firstName ""}},</p>
<p>Vous avez reçu votre commande n° {{trigger.orderNumber}} il y a quelques jours. Êtes-vous satisfait·e {{#if (eq trigger.items.length 1)}}de votre article{{else}}de vos {{trigger.items.length}} articles{{/if}} ?</p>
<p>Votre avis aide d’autres clients à choisir et nous aide à nous améliorer.</p>
<p>Merci d’avance,<br>L’équipe</p>`,
    text: '',
    availableVariables: [...orderVariables, 'trigger.items.length'],
    category: 'marketing',
    isActive: true,
  },
  'commande-expediee': {
    name: 'Commande expédiée',
    subject: 'Votre commande n° {{trigger.orderNumber}} est en route',
    preheader: 'Bonne nouvelle : votre colis a quitté notre atelier.',
    body: `<p>Bonjour {{default trigger.customer.firstName ""}},</p>
<p>Votre commande n° <strong>{{trigger.orderNumber}}</strong> a été expédiée{{#if trigger.shipping.carrier}} par {{trigger.shipping.carrier}}{{/if}}.</p>
{{#if trigger.shipping.trackingUrl}}<p>Suivre le colis : {{link trigger.shipping.trackingUrl trigger.shipping.trackingNumber}}</p>{{/if}}
${itemsTable}
<p>Belle journée,<br>L’équipe</p>`,
    text: '',
    availableVariables: [
      ...orderVariables,
      'trigger.shipping.carrier',
      'trigger.shipping.trackingNumber',
      'trigger.shipping.trackingUrl',
    ],
    category: 'transactional',
    isActive: true,
  },
  'facture-envoyee': {
    name: 'Facture envoyée',
    subject: 'Facture {{trigger.number}} – {{currency trigger.total}}',
    preheader: 'Votre facture {{trigger.number}}, payable jusqu’au {{date trigger.dueDate "long"}}.',
    body: `<p>Bonjour {{default trigger.customer.name ""}},</p>
<p>Veuillez trouver votre facture n° <strong>{{trigger.number}}</strong> du {{date trigger.issueDate "long"}}, d’un montant de <strong>{{currency trigger.total}}</strong>.</p>
<p>Elle est payable jusqu’au <strong>{{date trigger.dueDate "long"}}</strong>{{#if trigger.paymentUrl}} : {{link trigger.paymentUrl "consulter et payer la facture"}}{{/if}}.</p>
<p>Avec nos remerciements,<br>L’équipe</p>`,
    text: '',
    availableVariables: invoiceVariables,
    category: 'transactional',
    isActive: true,
  },
  'rappel-facture': {
    name: 'Rappel de facture',
    subject: 'Rappel : facture {{trigger.number}} échue le {{date trigger.dueDate "short"}}',
    preheader: 'Un petit rappel concernant la facture {{trigger.number}}.',
    body: `<p>Bonjour {{default trigger.customer.name ""}},</p>
<p>Sauf erreur de notre part, la facture n° <strong>{{trigger.number}}</strong> de <strong>{{currency trigger.total}}</strong>, échue le {{date trigger.dueDate "long"}}, n’est pas encore réglée.</p>
<p>{{#if trigger.paymentUrl}}Vous pouvez la régler ici : {{link trigger.paymentUrl "payer la facture"}}. {{/if}}Si le paiement est déjà en route, merci de ne pas tenir compte de ce message.</p>
<p>Avec nos meilleures salutations,<br>L’équipe</p>`,
    text: '',
    availableVariables: invoiceVariables,
    category: 'transactional',
    isActive: true,
  },
  'rappel-facture-1': {
    name: '1er rappel',
    subject: 'Rappel : facture n° {{trigger.number}}',
    preheader: 'Votre facture n° {{trigger.number}} est échue depuis le {{date trigger.dueDate "long"}}.',
    body: `<p>Bonjour,</p>
<p>Sauf erreur de notre part, la facture n° <strong>{{trigger.number}}</strong> du {{date trigger.issueDate "long"}}, échue le {{date trigger.dueDate "long"}}, présente encore un solde ouvert de <strong>{{currency trigger.balance}}</strong>.</p>
<p>Vous la trouverez en pièce jointe, avec son bulletin de versement QR pour le montant dû.{{#if trigger.paymentUrl}} Vous pouvez aussi la consulter ici : {{link trigger.paymentUrl "voir la facture"}}.{{/if}}</p>
<p>Si le paiement est déjà en route, merci de ne pas tenir compte de ce message.</p>
<p>Avec nos meilleures salutations,<br>L’équipe</p>`,
    text: '',
    availableVariables: overdueVariables,
    category: 'transactional',
    isActive: true,
  },
  'rappel-facture-2': {
    name: '2e rappel',
    subject: '2e rappel : facture n° {{trigger.number}} impayée',
    preheader: 'Solde ouvert de {{currency trigger.balance}} sur la facture n° {{trigger.number}}.',
    body: `<p>Bonjour,</p>
<p>Malgré notre premier rappel, la facture n° <strong>{{trigger.number}}</strong>, échue le {{date trigger.dueDate "long"}}, n’est toujours pas réglée. Le solde ouvert s’élève à <strong>{{currency trigger.balance}}</strong>.</p>
<p>Nous vous prions de bien vouloir le verser dans les 10 jours au moyen du bulletin QR joint.{{#if trigger.paymentUrl}} Facture : {{link trigger.paymentUrl "voir la facture"}}.{{/if}}</p>
<p>Pour toute question, répondez simplement à cet e-mail.</p>
<p>Avec nos meilleures salutations,<br>L’équipe</p>`,
    text: '',
    availableVariables: overdueVariables,
    category: 'transactional',
    isActive: true,
  },
  'mise-en-demeure': {
    name: 'Mise en demeure',
    subject: 'Mise en demeure : facture n° {{trigger.number}}',
    preheader: 'Dernier délai pour régler {{currency trigger.balance}}.',
    body: `<p>Madame, Monsieur,</p>
<p>Malgré nos rappels, la facture n° <strong>{{trigger.number}}</strong> du {{date trigger.issueDate "long"}}, échue le {{date trigger.dueDate "long"}}, reste impayée. Par la présente, nous vous mettons en demeure de verser le solde de <strong>{{currency trigger.balance}}</strong> dans un délai de 10 jours.</p>
<p>Passé ce délai, nous nous réservons le droit d’engager une procédure de poursuite et de réclamer l’intérêt moratoire de 5 % l’an (art. 104 CO), sans autre avis.</p>
<p>La facture et son bulletin QR sont joints.{{#if trigger.paymentUrl}} Facture : {{link trigger.paymentUrl "voir la facture"}}.{{/if}}</p>
<p>Veuillez agréer nos salutations distinguées.<br>L’équipe</p>`,
    text: '',
    availableVariables: overdueVariables,
    category: 'transactional',
    isActive: true,
  },
  bienvenue: {
    name: 'Bienvenue',
    subject: 'Bienvenue {{default trigger.customer.firstName ""}} !',
    preheader: 'Ravis de vous compter parmi nos clients.',
    body: `<p>Bonjour {{default trigger.customer.firstName ""}},</p>
<p>Bienvenue ! Votre compte client est créé avec l’adresse {{trigger.customer.email}}.</p>
<p>Vous y retrouverez vos commandes et vos factures. Une question ? Répondez simplement à cet e-mail.</p>
<p>À bientôt,<br>L’équipe</p>`,
    text: '',
    availableVariables: ['trigger.customer.firstName', 'trigger.customer.lastName', 'trigger.customer.email'],
    category: 'marketing',
    isActive: true,
  },
} as const satisfies Record<string, DefaultEmailTemplate>;

export type DefaultTemplateKey = keyof typeof defaultTemplates;
