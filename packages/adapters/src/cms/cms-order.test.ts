import { describe, expect, it } from 'vitest';
import { readCmsCustomer } from './cms-customer';
import { readCmsOrder } from './cms-order';

const order = {
  _id: '65f000000000000000000001',
  orderNumber: 'CMD-2026-00001',
  status: 'paid',
  customer: { email: 'anne@exemple.ch', firstName: 'Anne', lastName: 'Rochat', phone: '+41 79 123 45 67' },
  items: [{ product: { _id: 'p1', name: 'Tisane' }, productName: 'Tisane', quantity: 2, price: 19.99, total: 39.98 }],
  subtotal: 39.98,
  total: 46.98,
  currency: 'chf',
  site: { _id: 'site-geneve', name: 'Genève' },
  createdAt: '2026-03-01T07:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
  internalNote: 'kept out of the payload',
};

describe('readCmsOrder', () => {
  it('maps each design status to its event', () => {
    const events = ['pending', 'paid', 'shipped', 'delivered'].map((status) => {
      const reading = readCmsOrder({ ...order, status }, 'francs');
      return reading.kind === 'event' ? reading.eventType : reading.kind;
    });
    expect(events).toEqual(['order.created', 'order.paid', 'order.shipped', 'order.delivered']);
  });

  it('builds the design payload: francs as the nodes expect, exact centimes beside them', () => {
    const reading = readCmsOrder(order, 'francs');
    expect(reading).toEqual({
      kind: 'event',
      eventType: 'order.paid',
      payload: {
        orderId: '65f000000000000000000001',
        orderNumber: 'CMD-2026-00001',
        status: 'paid',
        customer: {
          id: 'anne@exemple.ch',
          email: 'anne@exemple.ch',
          firstName: 'Anne',
          lastName: 'Rochat',
          name: 'Anne Rochat',
          phone: '+41 79 123 45 67',
        },
        total: 46.98,
        totalCentimes: 4698,
        subtotalCentimes: 3998,
        currency: 'CHF',
        items: [
          {
            sku: 'p1',
            name: 'Tisane',
            quantity: 2,
            price: 19.99,
            priceCentimes: 1999,
            totalCentimes: 3998,
            productId: 'p1',
          },
        ],
        siteId: 'site-geneve',
        createdAt: '2026-03-01T07:00:00.000Z',
        updatedAt: '2026-03-01T08:00:00.000Z',
      },
    });
    const centimes = readCmsOrder({ ...order, total: 4698 }, 'centimes');
    expect(centimes.kind === 'event' && [centimes.payload.total, centimes.payload.totalCentimes]).toEqual([
      46.98, 4698,
    ]);
  });

  it('reports unknown statuses and invalid orders instead of throwing', () => {
    expect(readCmsOrder({ ...order, status: 'refunded' }, 'francs')).toEqual({
      kind: 'unknown-status',
      orderId: order._id,
      status: 'refunded',
    });
    const noId = readCmsOrder({ ...order, _id: undefined }, 'francs');
    expect(noId).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('neither _id nor id') });
    expect(readCmsOrder({ ...order, updatedAt: 'soon' }, 'francs')).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('updatedAt'),
    });
    expect(readCmsOrder(null, 'francs').kind).toBe('invalid');
  });
});

describe('readCmsCustomer', () => {
  it('maps a customer to a customer.created payload', () => {
    const reading = readCmsCustomer({
      _id: 'c1',
      email: 'marc@exemple.ch',
      firstName: 'Marc',
      lastName: 'Favre',
      site: 'site-geneve',
      createdAt: '2026-03-01T07:00:00Z',
      updatedAt: '2026-03-01T07:00:00Z',
    });
    expect(reading).toMatchObject({
      kind: 'event',
      eventType: 'customer.created',
      payload: {
        customerId: 'c1',
        customer: { id: 'c1', email: 'marc@exemple.ch', firstName: 'Marc', lastName: 'Favre', name: 'Marc Favre' },
        email: 'marc@exemple.ch',
        status: 'active',
        siteId: 'site-geneve',
        createdAt: '2026-03-01T07:00:00.000Z',
      },
    });
    expect(readCmsCustomer({ email: 'x@y.ch', updatedAt: '2026-03-01T07:00:00Z' }).kind).toBe('invalid');
  });
});
