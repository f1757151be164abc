import type { ApiClient } from './api/api-client.js';
import type { Lang, Translate } from './i18n/i18n.js';

/** What every page receives from the shell: the API, the language and navigation. */
export interface AppContext {
  readonly api: ApiClient;
  readonly lang: Lang;
  readonly t: Translate;
  /** Goes to a route such as `/automations/abc`. */
  navigate(path: string): void;
  /** Announces a message in the live region (and shows it as a toast). */
  notify(message: string, kind?: 'info' | 'error'): void;
  /** The user id of the session, when the token tells it. */
  readonly userId: string | null;
}
