import type {} from '@swigs/automation-core';

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
    /** Sender defaults and unsubscribe settings, for `send_email`. */
    email?: EmailSettings;
  }
}
