import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../api/api-client.js';
import { PageElement, messageOf } from '../page-element.js';

interface AuthConfig {
  mode?: 'sso' | 'local';
  ssoLoginUrl?: string;
}

/** `<swigs-login-page>`: SSO (when configured), the embedded local login, or a pasted token. */
export class LoginPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    config: { state: true },
    failure: { state: true },
    busy: { state: true },
  };

  declare config: AuthConfig;
  declare failure: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.config = {};
    this.failure = null;
    this.busy = false;
  }

  protected async load(): Promise<void> {
    // A token handed back by the SSO redirect: #/login?token=...
    const token = new URLSearchParams(location.hash.split('?')[1] ?? '').get('token');
    if (token) {
      this.emitLogin(token);
      return;
    }
    try {
      this.config = await this.ctx.api.get<AuthConfig>('/api/auth/config');
    } catch {
      this.config = {};
    }
  }

  private emitLogin(token: string): void {
    this.dispatchEvent(new CustomEvent('swigs-login', { detail: { token }, bubbles: true }));
  }

  private async submitLocal(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    const userId = String(data.get('userId') ?? '').trim();
    this.busy = true;
    this.failure = null;
    try {
      const res = await this.ctx.api.post<{ token: string }>('/api/auth/local-login', {
        password,
        ...(userId ? { userId } : {}),
      });
      this.emitLogin(res.token);
    } catch (err) {
      this.failure = err instanceof ApiError && err.status === 401 ? this.ctx.t('login.failed') : messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  private submitToken(e: SubmitEvent): void {
    e.preventDefault();
    const token = String(new FormData(e.target as HTMLFormElement).get('token') ?? '').trim();
    if (token) this.emitLogin(token);
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    const sso = this.config.mode === 'sso';
    return html`<section class="login card">
      <h1>${t('login.title')}</h1>
      <p>${t('login.intro')}</p>
      ${this.failure ? html`<p class="alert alert-error" role="alert">${this.failure}</p>` : nothing}
      ${
        sso && this.config.ssoLoginUrl
          ? html`<p><a class="btn btn-primary" href=${this.config.ssoLoginUrl}>${t('login.sso')}</a></p>`
          : nothing
      }
      ${
        sso
          ? nothing
          : html`<form class="stack" @submit=${this.submitLocal} aria-labelledby="local-login-title">
            <h2 id="local-login-title">${t('login.local')}</h2>
            <p class="muted" id="local-login-help">${t('login.localHelp')}</p>
            <label class="field">
              <span>${t('login.password')}</span>
              <input name="password" type="password" required autocomplete="current-password" aria-describedby="local-login-help" />
            </label>
            <button class="btn btn-primary" type="submit" ?disabled=${this.busy}>${t('login.submit')}</button>
          </form>`
      }
      <details class="token-login">
        <summary>${t('login.token')}</summary>
        <form class="stack" @submit=${this.submitToken}>
          <label class="field">
            <span>${t('login.tokenLabel')}</span>
            <input name="token" type="password" required autocomplete="off" aria-describedby="token-help" />
          </label>
          <p class="muted" id="token-help">${t('login.tokenHelp')}</p>
          <button class="btn" type="submit">${t('login.submit')}</button>
        </form>
      </details>
    </section>`;
  }
}
