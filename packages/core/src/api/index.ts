export type * from './responses';
