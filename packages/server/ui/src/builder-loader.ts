import type { ApiClient } from './api/api-client.js';

let loading: Promise<boolean> | null = null;

/** Loads the `<swigs-automation-builder>` bundle once; resolves false when the server does not ship it. */
export function loadBuilder(): Promise<boolean> {
  if (customElements.get('swigs-automation-builder')) return Promise.resolve(true);
  loading ??= import(/* @vite-ignore */ new URL('./builder.js', location.href).toString()).then(
    () => customElements.whenDefined('swigs-automation-builder').then(() => true),
    () => {
      loading = null;
      return false;
    },
  );
  return loading;
}

/** What the builder element needs to reach this server: the API base and the session's token. */
export interface BuilderClientOptions {
  baseUrl: string;
  token: string;
}

/** The builder's client options for this session; create once per page so the element loads its catalogue once. */
export function builderClientOptions(api: ApiClient): BuilderClientOptions {
  return {
    baseUrl: new URL('./', location.href).toString().replace(/\/$/, ''),
    token: api.headers().Authorization?.replace(/^Bearer /, '') ?? '',
  };
}
