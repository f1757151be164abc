export { createHttpClient, HttpClientOptionsSchema, type HttpClientOptions } from './http-client';
