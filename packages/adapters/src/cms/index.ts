export * from './cms-bridge';
export * from './options';
export * from './signature';
export * from './token-bucket';
export * from './cms-order';
export * from './cms-customer';
export type { AmountUnit } from './cms-values';
export type { CmsWebhookResult, CmsSkip } from './webhook';
export { CmsWebhookBodySchema } from './webhook';
