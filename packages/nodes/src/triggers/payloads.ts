import { z } from 'zod';
import { fieldMeta, openRecord, openValue, type LocalizedText } from '@swigs/automation-core';

const isoDate = z.union([z.iso.datetime({ offset: true }), z.date()]);
/** Invoices carry calendar dates (`2026-03-05`, Europe/Zurich) as well as instants. */
const calendarOrIsoDate = z.union([z.iso.date(), isoDate]);

const label = (fr: string, en: string): Record<string, unknown> => fieldMeta({ fr, en });
const known = (label: LocalizedText, values: Record<string, LocalizedText>): Record<string, unknown> =>
  fieldMeta(
    label,
    Object.entries(values).map(([value, text]) => ({ value, label: text })),
  );

/** Order statuses the CMS bridge maps to events, with their French and English names. */
const ORDER_STATUS_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  pending: { fr: 'en attente', en: 'pending' },
  paid: { fr: 'payée', en: 'paid' },
  shipped: { fr: 'expédiée', en: 'shipped' },
  delivered: { fr: 'livrée', en: 'delivered' },
});

/** A CMS customer as carried by order and customer events. */
export const CustomerRefSchema = z.object({
  id: z.string().meta(label('Identifiant du client', 'Customer id')),
  email: z.string().meta(label('E-mail du client', 'Customer email')),
  firstName: z.string().optional().meta(label('Prénom', 'First name')),
  lastName: z.string().optional().meta(label('Nom', 'Last name')),
});

/**
 * Payload of `order.*` triggers, as the CMS sends it. Amounts (`total`, `items[].price`) are numbers of
 * **francs** (CHF, e.g. `1234.5`), not centimes: pass them to `{{currency}}` as they are.
 */
export const OrderPayloadSchema = z.object({
  orderId: z.string().meta(label('Identifiant de la commande', 'Order id')),
  orderNumber: z.string().meta(label('Numéro de commande', 'Order number')),
  status: z.string().meta(known({ fr: 'Statut de la commande', en: 'Order status' }, ORDER_STATUS_LABELS)),
  customer: CustomerRefSchema.meta(label('Client', 'Customer')),
  total: z.number().meta(label('Total (CHF)', 'Total (CHF)')),
  currency: z.string().length(3).meta(label('Monnaie', 'Currency')),
  items: z
    .array(
      z.object({
        sku: z.string().meta(label('Référence', 'SKU')),
        name: z.string().meta(label('Article', 'Item')),
        quantity: z.number().meta(label('Quantité', 'Quantity')),
        price: z.number().meta(label('Prix (CHF)', 'Price (CHF)')),
      }),
    )
    .meta(label('Articles', 'Items')),
  siteId: z.string().meta(label('Site', 'Site')),
  updatedAt: isoDate.meta(label('Modifiée le', 'Updated at')),
  /** `order.shipped` only, when the CMS knows it. */
  shipping: z
    .object({
      carrier: z.string().optional().meta(label('Transporteur', 'Carrier')),
      trackingNumber: z.string().optional().meta(label('Numéro de suivi', 'Tracking number')),
      trackingUrl: z.string().optional().meta(label('Lien de suivi', 'Tracking link')),
    })
    .optional()
    .meta(label('Expédition', 'Shipping')),
});
export type OrderPayload = z.infer<typeof OrderPayloadSchema>;

/** Payload of `customer.created`. */
export const CustomerPayloadSchema = z.object({
  customer: CustomerRefSchema.meta(label('Client', 'Customer')),
  status: z.string().meta(label('Statut du compte', 'Account status')),
  siteId: z.string().meta(label('Site', 'Site')),
  createdAt: isoDate.meta(label('Créé le', 'Created at')),
});
export type CustomerPayload = z.infer<typeof CustomerPayloadSchema>;

/** Project statuses of swigs-workflow, with their French and English names. */
const PROJECT_STATUS_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  draft: { fr: 'brouillon', en: 'draft' },
  active: { fr: 'en cours', en: 'active' },
  on_hold: { fr: 'en pause', en: 'on hold' },
  completed: { fr: 'terminé', en: 'completed' },
  archived: { fr: 'archivé', en: 'archived' },
});

/** Payload of `project.status_changed`. */
export const ProjectStatusPayloadSchema = z.object({
  projectId: z.string().meta(label('Identifiant du projet', 'Project id')),
  name: z.string().meta(label('Nom du projet', 'Project name')),
  from: z.string().meta(known({ fr: 'Ancien statut', en: 'Previous status' }, PROJECT_STATUS_LABELS)),
  to: z.string().meta(known({ fr: 'Nouveau statut', en: 'New status' }, PROJECT_STATUS_LABELS)),
  client: z
    .object({
      id: z.string().optional().meta(label('Identifiant du client', 'Client id')),
      name: z.string().meta(label('Client', 'Client')),
      email: z.string().optional().meta(label('E-mail du client', 'Client email')),
    })
    .optional()
    .meta(label('Client', 'Client')),
  changedAt: isoDate.meta(label('Modifié le', 'Changed at')),
});
export type ProjectStatusPayload = z.infer<typeof ProjectStatusPayloadSchema>;

/** Invoice statuses of swigs-workflow, with their French and English names. */
const INVOICE_STATUS_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  draft: { fr: 'brouillon', en: 'draft' },
  sent: { fr: 'envoyée', en: 'sent' },
  paid: { fr: 'payée', en: 'paid' },
  cancelled: { fr: 'annulée', en: 'cancelled' },
});

/**
 * Payload of `invoice.created` and `invoice.paid`. `total` is in francs (for `{{currency}}`), `totalCentimes` the
 * exact integer amount in Rappen as stored.
 */
export const InvoicePayloadSchema = z.object({
  invoiceId: z.string().meta(label('Identifiant de la facture', 'Invoice id')),
  number: z.string().meta(label('Numéro de facture', 'Invoice number')),
  status: z.string().meta(known({ fr: 'Statut de la facture', en: 'Invoice status' }, INVOICE_STATUS_LABELS)),
  total: z.number().meta(label('Total (CHF)', 'Total (CHF)')),
  totalCentimes: z.number().int().meta(label('Total (centimes)', 'Total (centimes)')),
  currency: z.string().length(3).meta(label('Monnaie', 'Currency')),
  customer: z
    .object({
      id: z.string().optional().meta(label('Identifiant du client', 'Customer id')),
      name: z.string().meta(label('Client', 'Customer')),
      email: z.string().optional().meta(label('E-mail du client', 'Customer email')),
    })
    .meta(label('Client', 'Customer')),
  issueDate: calendarOrIsoDate.meta(label('Date de facture', 'Issue date')),
  dueDate: calendarOrIsoDate.meta(label('Échéance', 'Due date')),
  paidAt: isoDate.nullable().optional().meta(label('Payée le', 'Paid at')),
  projectId: z.string().nullable().optional().meta(label('Identifiant du projet', 'Project id')),
  /** Where the customer can see and pay the invoice, when the server offers it. */
  paymentUrl: z.string().optional().meta(label('Lien de paiement', 'Payment link')),
});
export type InvoicePayload = z.infer<typeof InvoicePayloadSchema>;

/** Payload of `invoice.overdue`: the invoice, what is still owed, and the reminder level and delay that fired. */
export const InvoiceOverduePayloadSchema = InvoicePayloadSchema.extend({
  balance: z.number().meta(label('Solde ouvert (CHF)', 'Open balance (CHF)')),
  balanceCentimes: z.number().int().meta(label('Solde ouvert (centimes)', 'Open balance (centimes)')),
  daysOverdue: z.number().int().meta(label('Jours de retard', 'Days overdue')),
  level: z.number().int().meta(label('Niveau de relance', 'Reminder level')),
  days: z.number().int().meta(label('Jours après l’échéance', 'Days after the due date')),
});
export type InvoiceOverduePayload = z.infer<typeof InvoiceOverduePayloadSchema>;

/** Payload of `time.schedule` runs. */
export const SchedulePayloadSchema = z.object({
  /** The cron slot this run is for. */
  scheduledAt: isoDate.meta(label('Heure prévue', 'Scheduled at')),
  /** When the engine actually fired it (later than the slot after downtime). */
  firedAt: isoDate.meta(label('Déclenché le', 'Fired at')),
  cron: z.string().meta(label('Expression cron', 'Cron expression')),
  timezone: z.string().meta(label('Fuseau horaire', 'Time zone')),
});

/**
 * Payload of `webhook.received`: the request as the server accepted it (signature headers removed). `body` and
 * `query` are open: any path below them is accepted (`trigger.body.status`).
 */
export const WebhookPayloadSchema = z.object({
  method: z.string().meta(label('Méthode HTTP', 'HTTP method')),
  headers: z.record(z.string(), z.string()).meta(label('En-têtes', 'Headers')),
  query: z.record(z.string(), z.string()).meta(label('Paramètres de l’URL', 'URL parameters')),
  body: openValue().meta(label('Contenu reçu', 'Body received')),
  receivedAt: isoDate.meta(label('Reçu le', 'Received at')),
});

/** Payload of `manual` runs: whatever the caller passes, every path accepted. */
export const ManualPayloadSchema = openRecord().meta(label('Données du lancement', 'Launch data'));
