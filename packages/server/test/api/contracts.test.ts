import type { z } from 'zod';
import type {
  AutomationResponse,
  DryRunResponse,
  EmailTemplateResponse,
  ErrorResponse,
  Jsonified,
  NodeTypeDescriptor,
  PageResponse,
  RunResponse,
  ValidationProblem,
} from '@swigs/automation-core';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ErrorBodySchema } from '../../src/openapi/responses';
import {
  type AutomationPageSchema,
  type AutomationResponseSchema,
  type AutomationRunResponseSchema,
  type DryRunResultSchema,
  type EmailTemplateResponseSchema,
  NodeTypeSchema,
  type ProblemSchema,
  type RunPageSchema,
} from '../../src/routes/response-schemas';
import { startHarness, type Harness } from '../helpers/harness';

/** A run in lists: without its outputs, queue and log. */
/** A list entry carries the run's title from its data; the page, the keyset cursor of the next one. */
type RunSummaryResponse = Omit<RunResponse, 'outputs' | 'executionLog' | 'queue'> & { title?: string };
type RunPageResponse = PageResponse<RunSummaryResponse> & { nextCursor?: string | null };

/** The JSON an answer documented by `S` reads as. */
type Answer<S extends z.ZodType> = Jsonified<z.output<S>>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

// The API's answer shapes have one home, core's `api/responses.ts`; the server's response schemas (which write
// the OpenAPI document) must say the same. These checks fail the type check when the two drift apart.
describe('the response schemas agree with core’s API types', () => {
  it('for the answers built from core’s model schemas', () => {
    expectTypeOf<Answer<typeof AutomationRunResponseSchema>>().toEqualTypeOf<RunResponse>();
    expectTypeOf<Answer<typeof EmailTemplateResponseSchema>>().toEqualTypeOf<EmailTemplateResponse>();
    // Core writes it as an intersection, which the strict equality tells apart: both ways round then.
    expectTypeOf<Answer<typeof AutomationResponseSchema>>().toExtend<AutomationResponse>();
    expectTypeOf<AutomationResponse>().toExtend<Answer<typeof AutomationResponseSchema>>();
    expectTypeOf<Answer<typeof AutomationPageSchema>>().toExtend<PageResponse<AutomationResponse>>();
    expectTypeOf<PageResponse<AutomationResponse>>().toExtend<Answer<typeof AutomationPageSchema>>();
    expectTypeOf<Answer<typeof RunPageSchema>>().toExtend<RunPageResponse>();
    expectTypeOf<RunPageResponse>().toExtend<Answer<typeof RunPageSchema>>();
  });

  it('for the answers the server describes by hand', async () => {
    expectTypeOf<z.output<typeof ProblemSchema>>().toEqualTypeOf<ValidationProblem>();
    expectTypeOf<Answer<typeof DryRunResultSchema>>().toEqualTypeOf<DryRunResponse>();
    expectTypeOf<z.output<typeof ErrorBodySchema>>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<z.output<typeof NodeTypeSchema>>().toExtend<NodeTypeDescriptor>();
    // And the real catalogue fits the schema, node by node.
    for (const descriptor of h.engine.registry.describe()) {
      expect(NodeTypeSchema.safeParse(descriptor).success, descriptor.type).toBe(true);
    }
  });
});
