// The public surface: what a host needs to run the server, mount it in another app or add routes to it.
// Everything else (message tables, body readers, schemas, loggers' internals) stays private to the package.
export { createServer, type CreateServerOptions, type SwigsServer } from './runtime/create-server';
export { loadConfig, type ServerConfig, type ServiceTokenConfig } from './config/server-config';
export { issueToken } from './runtime/issue-token';
export { createJsonLogger } from './runtime/logger';
export { createApp, createRequestListener } from './http/app';
export type { AppDeps, CmsWebhookReceiver } from './http/app-deps';
export type { AppEnv, Lang } from './http/env';
export { createRouter, type ApiRouter } from './http/router';
export { HttpError, isHttpError, type HttpErrorOptions, type HttpErrorStatus, type Issue } from './http/http-error';
export type { MessageKey, MessageParams } from './http/i18n';
export { errorResponses, jsonContent, jsonRequest, noContent, type ErrorStatus } from './openapi/responses';
export { createOpenApiDocument, type OpenApiDocument, type OpenApiDocumentOptions } from './openapi/document';
export {
  createAuthenticator,
  type Authenticator,
  type AuthenticatorOptions,
  type LocalAuthOptions,
  type Principal,
  type ServiceToken,
  type SsoOptions,
} from './auth/authenticator';
export type { FailureLimiterOptions } from './auth/failure-limiter';
export type { TrustProxy } from './http/client-address';
export { createInvoicingRoutes, createInvoicingRecordPort, type InvoicingDeps } from './invoicing/index';
