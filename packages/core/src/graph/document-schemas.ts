// The JSON Schemas of `AutomationSchema`, `ConditionGroupSchema` and `AutomationRunSchema` (input side), written out so the browser checks
// documents without zod. `document-schemas.test.ts` fails when they drift from `z.toJSONSchema` of the zod schemas.
// Not expressible here, so left to the server: the trimming of `name` and the dates' coercion.

/** JSON Schema of an automation document as `AutomationSchema` accepts it. */
export const AUTOMATION_JSON_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    userId: { type: 'string', minLength: 1, maxLength: 200 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { default: '', type: 'string', maxLength: 5000 },
    isActive: { default: false, type: 'boolean' },
    trigger: {
      type: 'object',
      properties: {
        type: { type: 'string', minLength: 1, maxLength: 100 },
        config: { default: {}, type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} },
        position: {
          type: 'object',
          properties: { x: { type: 'number' }, y: { type: 'number' } },
          required: ['x', 'y'],
        },
        connections: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              targetId: { type: 'string', minLength: 1 },
              condition: { default: 'default', type: 'string', enum: ['default', 'true', 'false'] },
            },
            required: ['targetId'],
          },
        },
      },
      required: ['type'],
    },
    nodes: {
      default: [],
      maxItems: 2000,
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 100 },
          type: { type: 'string', minLength: 1, maxLength: 100 },
          position: {
            default: { x: 0, y: 0 },
            type: 'object',
            properties: { x: { type: 'number' }, y: { type: 'number' } },
            required: ['x', 'y'],
          },
          config: { default: {}, type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} },
          connections: {
            default: [],
            type: 'array',
            items: {
              type: 'object',
              properties: {
                targetId: { type: 'string', minLength: 1 },
                condition: { default: 'default', type: 'string', enum: ['default', 'true', 'false'] },
              },
              required: ['targetId'],
            },
          },
          label: { type: 'string', maxLength: 200 },
        },
        required: ['id', 'type'],
      },
    },
    version: { default: 1, type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
    sampleData: {},
    stats: {
      default: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
      type: 'object',
      properties: {
        totalRuns: { default: 0, type: 'integer', minimum: 0, maximum: 9007199254740991 },
        successfulRuns: { default: 0, type: 'integer', minimum: 0, maximum: 9007199254740991 },
        failedRuns: { default: 0, type: 'integer', minimum: 0, maximum: 9007199254740991 },
        lastRunAt: { default: null, anyOf: [{}, { type: 'null' }] },
        lastError: { default: null, type: ['string', 'null'] },
      },
    },
    createdAt: {},
    updatedAt: {},
  },
  required: ['id', 'userId', 'name', 'trigger'],
};

/** JSON Schema of a trigger's `config.conditions` as `ConditionGroupSchema` accepts it. */
export const CONDITION_GROUP_JSON_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'object',
  properties: {
    combinator: { type: 'string', enum: ['all', 'any'] },
    conditions: {
      maxItems: 200,
      type: 'array',
      items: {
        anyOf: [
          {
            type: 'object',
            properties: {
              field: { type: 'string', minLength: 1, maxLength: 500 },
              operator: {
                type: 'string',
                enum: ['equals', 'not_equals', 'contains', 'greater_than', 'less_than', 'is_empty', 'is_not_empty'],
              },
              value: {},
              caseSensitive: { default: false, type: 'boolean' },
            },
            required: ['field', 'operator'],
          },
          { $ref: '#' },
        ],
      },
    },
  },
  required: ['combinator', 'conditions'],
};

/** JSON Schema of a run as `AutomationRunSchema` accepts it (dates: any value, coerced by the reader). */
export const AUTOMATION_RUN_JSON_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    userId: { type: 'string' },
    automationId: { type: 'string' },
    automationVersion: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
    triggerType: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled'] },
    currentNodeId: { type: ['string', 'null'] },
    queue: { type: 'array', items: { type: 'string' } },
    outputs: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} },
    triggerData: {},
    executionLog: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          nodeId: { type: 'string' },
          nodeType: { type: 'string' },
          startedAt: {},
          completedAt: { anyOf: [{}, { type: 'null' }] },
          status: { type: 'string', enum: ['success', 'failed', 'skipped'] },
          input: {},
          output: {},
          error: { default: null, type: ['string', 'null'] },
          attempts: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
          branch: { type: 'string' },
        },
        required: ['nodeId', 'nodeType', 'startedAt', 'completedAt', 'status'],
      },
    },
    scheduledAt: { anyOf: [{}, { type: 'null' }] },
    error: { type: ['string', 'null'] },
    errorCode: { type: ['string', 'null'] },
    attempt: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
    steps: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
    leaseOwner: { type: ['string', 'null'] },
    leaseUntil: { anyOf: [{}, { type: 'null' }] },
    createdAt: {},
    updatedAt: {},
    startedAt: { anyOf: [{}, { type: 'null' }] },
    completedAt: { anyOf: [{}, { type: 'null' }] },
  },
  required: [
    'id',
    'userId',
    'automationId',
    'automationVersion',
    'triggerType',
    'status',
    'currentNodeId',
    'queue',
    'outputs',
    'triggerData',
    'executionLog',
    'scheduledAt',
    'error',
    'attempt',
    'steps',
    'leaseOwner',
    'leaseUntil',
    'createdAt',
    'updatedAt',
    'startedAt',
    'completedAt',
  ],
};
