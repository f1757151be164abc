import { defineNode } from '@swigs/automation-core';
import { CmsTriggerConfigSchema, matchesCms } from './filters';
import { OrderPayloadSchema, type OrderPayload } from './payloads';

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

/** One `order.*` trigger: they differ only in their type, wording and sample. */
function defineOrderTrigger(input: {
  type: string;
  title: { fr: string; en: string };
  verb: { fr: string; en: string };
  sampleOutput: OrderPayload;
}) {
  return defineNode({
    type: input.type,
    kind: 'trigger',
    version: 1,
    category: 'cms',
    title: input.title,
    description: {
      fr: `Démarre quand une commande ${input.verb.fr} dans le CMS. Montants en francs (CHF).`,
      en: `Starts when an order ${input.verb.en} in the CMS. Amounts in francs (CHF).`,
    },
    configSchema: CmsTriggerConfigSchema,
    outputSchema: OrderPayloadSchema,
    sampleOutput: input.sampleOutput,
    matches: ({ config, payload }) => matchesCms(config, payload),
  });
}

/** A CMS order was placed. */
export const orderCreated = defineOrderTrigger({
  type: 'order.created',
  title: { fr: 'Commande créée', en: 'Order created' },
  verb: { fr: 'est créée', en: 'is created' },
  sampleOutput: sampleOrder('pending', '2026-03-02T09:15:00.000Z'),
});

/** A CMS order's payment went through. */
export const orderPaid = defineOrderTrigger({
  type: 'order.paid',
  title: { fr: 'Commande payée', en: 'Order paid' },
  verb: { fr: 'est payée', en: 'is paid' },
  sampleOutput: sampleOrder('paid', '2026-03-02T09:20:00.000Z'),
});

/** A CMS order left the warehouse. */
export const orderShipped = defineOrderTrigger({
  type: 'order.shipped',
  title: { fr: 'Commande expédiée', en: 'Order shipped' },
  verb: { fr: 'est expédiée', en: 'is shipped' },
  sampleOutput: {
    ...sampleOrder('shipped', '2026-03-03T14:00:00.000Z'),
    shipping: {
      carrier: 'La Poste',
      trackingNumber: '99.00.123456.78901234',
      trackingUrl: 'https://service.post.ch/track?n=99.00.123456.78901234',
    },
  },
});

/** A CMS order reached the customer. */
export const orderDelivered = defineOrderTrigger({
  type: 'order.delivered',
  title: { fr: 'Commande livrée', en: 'Order delivered' },
  verb: { fr: 'est livrée', en: 'is delivered' },
  sampleOutput: sampleOrder('delivered', '2026-03-05T10:30:00.000Z'),
});
