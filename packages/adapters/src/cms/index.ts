export {
  CMS_CURSOR_CUSTOMERS,
  CMS_CURSOR_ORDERS,
  CMS_CURSOR_ORIGIN,
  type CmsBridge,
  createCmsBridge,
  type PollResult,
  type ResourcePollCounts,
} from './cms-bridge';
export {
  type CmsBridgeEnvOptions,
  type CmsBridgeOptions,
  type CmsBridgeStore,
  cmsBridgeOptionsFromEnv,
} from './options';
export { CMS_SIGNATURE_HEADER, CMS_TIMESTAMP_HEADER, signCmsWebhook } from './signature';
export type { AmountUnit } from './cms-values';
export type { CmsSkip, CmsWebhookResult } from './webhook';
