import type { ApiClient } from './api/api-client.js';
import type { Lang, Translate } from './i18n/i18n.js';
import type { UnsavedChanges } from './unsaved-changes.js';

/** The colour theme: `auto` follows the system. */
export type Theme = 'auto' | 'light' | 'dark';

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
  /** Editors with unsaved changes: leaving the page asks first. */
  readonly unsaved: UnsavedChanges;
  /** The chosen theme, also handed to the builder element. */
  readonly theme: Theme;
}
