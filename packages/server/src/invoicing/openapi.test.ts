import { describe, expect, it } from 'vitest';
import { createInvoicingOpenApi } from './openapi';

describe('invoicing OpenAPI fragment', () => {
  it('describes every route with request schemas drawn from the validating zod schemas', () => {
    const { paths, schemas } = createInvoicingOpenApi();
    expect(Object.keys(paths)).toContain('/api/projects/{projectId}/invoices');
    expect(Object.keys(paths['/api/invoices/{invoiceId}']!)).toEqual(['get', 'patch']);
    const custom = schemas.CustomInvoiceBody as { properties: Record<string, { items?: { required?: string[] } }>; required: string[] };
    expect(custom.required).toEqual(['invoiceType']);
    expect(custom.properties.customLines?.items?.required).toEqual(['description', 'quantity', 'unitPrice']);
    expect(JSON.stringify(schemas)).not.toContain('"total"');
    for (const ops of Object.values(paths)) {
      for (const operation of Object.values(ops)) expect(operation).toHaveProperty('responses');
    }
  });
});
