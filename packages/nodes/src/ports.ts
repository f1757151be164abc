import type {} from '@swigs/automation-core';

/** Where `create_task` reaches swigs-task: its base URL and a service token (from the environment). */
export interface TaskApiPort {
  baseUrl: string;
  token: string;
}

/** Sender settings for `send_email`. */
export interface EmailSettings {
  /** Default sender, e.g. `"Boutique" <info@boutique.ch>`; a node's `from` wins. */
  from: string;
  replyTo?: string;
  /** Footer line of the layout (company, address). */
  footer?: string;
  /** Required for marketing mail: one-click unsubscribe endpoint (https) and the HMAC secret of its tokens. */
  unsubscribe?: { baseUrl: string; secret: string };
}

declare module '@swigs/automation-core' {
  interface Ports {
    /** swigs-task REST API, for `create_task`. */
    tasks?: TaskApiPort;
    /** Sender defaults and unsubscribe settings, for `send_email`. */
    email?: EmailSettings;
  }
}
