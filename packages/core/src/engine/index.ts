export * from './types';
export { createEngine } from './create-engine';
export { DEFAULT_LIMITS, DEFAULT_SCHEDULER } from './engine-defaults';
export { IDEMPOTENCY_TTL_MS } from './idempotent-start';
export { SCHEDULE_TRIGGER } from './cron-table';
export type { TruncatedPayload } from './log-payload';
