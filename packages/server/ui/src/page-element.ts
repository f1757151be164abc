import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from './api/api-client.js';
import type { AppContext } from './app-context.js';
import { confirmDialog } from './components/confirm-dialog.js';

/**
 * Base of every page: renders in the light DOM (so the global stylesheet applies),
 * receives the app context and loads its data whenever the context or the route changes.
 */
export abstract class PageElement extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    params: { attribute: false },
    loading: { state: true },
    error: { state: true },
  };

  declare ctx: AppContext;
  declare params: Record<string, string>;
  declare loading: boolean;
  declare error: string | null;

  constructor() {
    super();
    this.params = {};
    this.loading = true;
    this.error = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params') || (changed.has('ctx') && !changed.get('ctx'))) void this.reload();
  }

  /** Loads the page's data, managing the loading and error states. */
  async reload(): Promise<void> {
    if (!this.ctx) return;
    this.loading = true;
    this.error = null;
    try {
      await this.load();
    } catch (err) {
      this.error = messageOf(err);
    } finally {
      this.loading = false;
    }
  }

  protected abstract load(): Promise<void>;

  /** Renders the loading or error state, or nothing when the page can render its content. */
  protected renderState(): TemplateResult | typeof nothing {
    const { t } = this.ctx;
    if (this.error)
      return html`<div class="alert alert-error" role="alert">
        <p>${t('app.errorWith', { message: this.error })}</p>
        <button type="button" class="btn" @click=${() => this.reload()}>${t('app.retry')}</button>
      </div>`;
    if (this.loading) return html`<p class="muted" role="status">${t('app.loading')}</p>`;
    return nothing;
  }

  /** Asks before a destructive action (a modal dialog); resolves true when the user confirms. */
  protected ask(message: string, confirmLabel: string, danger = true): Promise<boolean> {
    const { t } = this.ctx;
    return confirmDialog({ title: t('confirm.title'), message, confirmLabel, cancelLabel: t('confirm.keep'), danger });
  }

  /** Runs an action, reporting its error in the live region. */
  protected async attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
      return undefined;
    }
  }
}

/** A readable message from any error, with the server's field issues when present. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    // The server already answers in the user's language; the separators follow the page's language.
    const fr = document.documentElement.lang.startsWith('fr');
    const details = err.issues
      .map((i) => (i.path ? `${i.path}${fr ? ' : ' : ': '}${i.message}` : i.message))
      .join(fr ? ' ; ' : '; ');
    return details && !err.message.includes(details) ? `${err.message} (${details})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
