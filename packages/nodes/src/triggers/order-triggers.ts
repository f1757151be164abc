import { defineNode } from '@swigs/automation-core';
import { CmsTriggerConfigSchema, matchesCms } from './filters';
import type { OrderPayload } from './payloads';

const sampleOrder = (status: string, updatedAt: string): OrderPayload => ({
  orderId: 'ord_8f2k1c',
  orderNumber: '1042',
  status,
  customer: { id: 'cus_51', email: 'lea.muller@example.ch', firstName: 'Léa', lastName: 'Müller' },
  total: 1234.5,
  currency: 'CHF',
  items: [
    { sku: 'TSH-ALP-M', name: 'T-shirt Alpes, taille M', quantity: 2, price: 39.9 },
    { sku: 'LAMP-OAK', name: 'Lampe en chêne', quantity: 1, price: 1154.7 },
  ],
  siteId: 'boutique-lausanne',
  updatedAt,
});

const description = (what: { fr: string; en: string }): { fr: string; en: string } => ({
  fr: `Démarre quand une commande ${what.fr} dans le CMS. Montants en francs (CHF).`,
  en: `Starts when an order ${what.en} in the CMS. Amounts in francs (CHF).`,
});

/** A CMS order was placed. */
export const orderCreated = defineNode({
  type: 'order.created',
  kind: 'trigger',
  version: 1,
  category: 'cms',
  title: { fr: 'Commande créée', en: 'Order created' },
  description: description({ fr: 'est créée', en: 'is created' }),
  configSchema: CmsTriggerConfigSchema,
  sampleOutput: sampleOrder('pending', '2026-03-02T09:15:00.000Z'),
  matches: ({ config, payload }) => matchesCms(config, payload),
});

/** A CMS order's payment went through. */
export const orderPaid = defineNode({
  type: 'order.paid',
  kind: 'trigger',
  version: 1,
  category: 'cms',
  title: { fr: 'Commande payée', en: 'Order paid' },
  description: description({ fr: 'est payée', en: 'is paid' }),
  configSchema: CmsTriggerConfigSchema,
  sampleOutput: sampleOrder('paid', '2026-03-02T09:20:00.000Z'),
  matches: ({ config, payload }) => matchesCms(config, payload),
});

/** A CMS order left the warehouse. */
export const orderShipped = defineNode({
  type: 'order.shipped',
  kind: 'trigger',
  version: 1,
  category: 'cms',
  title: { fr: 'Commande expédiée', en: 'Order shipped' },
  description: description({ fr: 'est expédiée', en: 'is shipped' }),
  configSchema: CmsTriggerConfigSchema,
  sampleOutput: {
    ...sampleOrder('shipped', '2026-03-03T14:00:00.000Z'),
    shipping: { carrier: 'La Poste', trackingNumber: '99.00.123456.78901234', trackingUrl: 'https://service.post.ch/track?n=99.00.123456.78901234' },
  },
  matches: ({ config, payload }) => matchesCms(config, payload),
});

/** A CMS order reached the customer. */
export const orderDelivered = defineNode({
  type: 'order.delivered',
  kind: 'trigger',
  version: 1,
  category: 'cms',
  title: { fr: 'Commande livrée', en: 'Order delivered' },
  description: description({ fr: 'est livrée', en: 'is delivered' }),
  configSchema: CmsTriggerConfigSchema,
  sampleOutput: sampleOrder('delivered', '2026-03-05T10:30:00.000Z'),
  matches: ({ config, payload }) => matchesCms(config, payload),
});
