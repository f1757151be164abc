export * from './types';
export { createEngine, DEFAULT_LIMITS, DEFAULT_SCHEDULER } from './create-engine';
export { SCHEDULE_TRIGGER } from './cron-table';
export type { TruncatedPayload } from './log-payload';
