import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { createApiClient, type ApiClient } from './api/api-client.js';
import type { AppContext } from './app-context.js';
import { createTranslate, toLang, type Lang } from './i18n/i18n.js';
import { href, matchRoute, type Route, type RouteName } from './router.js';
import { createSession, type Session } from './session.js';

const NEW_PARAMS = { id: 'new' };

interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
}

const NAV: Array<{ path: string; key: 'nav.automations' | 'nav.templates' | 'nav.outbox' | 'nav.invoicing' | 'nav.settings'; routes: RouteName[] }> = [
  { path: '/automations', key: 'nav.automations', routes: ['automations', 'automation', 'automation-new', 'automation-runs', 'run'] },
  { path: '/templates', key: 'nav.templates', routes: ['templates', 'template', 'template-new'] },
  { path: '/outbox', key: 'nav.outbox', routes: ['outbox'] },
  { path: '/invoicing', key: 'nav.invoicing', routes: ['projects', 'project', 'invoice'] },
  { path: '/settings', key: 'nav.settings', routes: ['settings'] },
];

/** `<swigs-app>`: the shell of the web UI (header, navigation, language switch, routing, login gate). */
export class SwigsApp extends LitElement {
  static override properties = {
    route: { state: true },
    lang: { state: true },
    token: { state: true },
    toasts: { state: true },
  };

  declare route: Route;
  declare lang: Lang;
  declare token: string | null;
  declare toasts: Toast[];

  private readonly session: Session = createSession(localStorage);
  private readonly api: ApiClient;
  private ctx!: AppContext;
  private toastSeq = 0;
  private readonly onHash = (): void => this.applyRoute();

  constructor() {
    super();
    this.lang = toLang(this.session.lang);
    this.token = this.session.token;
    this.toasts = [];
    this.route = matchRoute(location.hash);
    this.api = createApiClient({
      baseUrl: new URL('./', location.href).toString(),
      getToken: () => this.session.token,
      getLang: () => (this.lang === 'fr' ? 'fr-CH, fr;q=0.9' : 'en'),
      onUnauthorized: () => this.logout(),
    });
    this.rebuildContext();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.addEventListener('swigs-login', (e) => this.login((e as CustomEvent<{ token: string }>).detail.token));
    this.applyRoute();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private rebuildContext(): void {
    this.ctx = {
      api: this.api,
      lang: this.lang,
      t: createTranslate(this.lang),
      userId: this.session.userId(),
      navigate: (path) => {
        location.hash = href(path);
      },
      notify: (message, kind = 'info') => this.notify(message, kind),
    };
    document.documentElement.lang = this.lang === 'fr' ? 'fr-CH' : 'en';
  }

  private applyRoute(): void {
    const route = matchRoute(location.hash);
    if (!this.token && route.name !== 'login') {
      location.replace(href('/login'));
      this.route = { name: 'login', params: {} };
      return;
    }
    if (this.token && route.name === 'login') {
      location.replace(href('/automations'));
      return;
    }
    this.route = route;
    this.updateTitle();
    // Move focus to the new page's heading so screen readers announce the change.
    void this.updateComplete.then(() => {
      const heading = this.querySelector<HTMLElement>('main h1');
      if (heading && document.activeElement === document.body) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    });
  }

  /** The tab title names the section, so tabs and history entries can be told apart. */
  private updateTitle(): void {
    const { t } = this.ctx;
    const section = this.route.name === 'login' ? t('login.title') : NAV.find((item) => item.routes.includes(this.route.name));
    const name = typeof section === 'string' ? section : section ? t(section.key) : t('app.notFound');
    document.title = `${name} · ${t('app.title')}`;
  }

  private login(token: string): void {
    this.session.setToken(token);
    this.token = token;
    this.rebuildContext();
    location.hash = href('/automations');
  }

  private logout(): void {
    this.session.setToken(null);
    this.token = null;
    this.rebuildContext();
    location.hash = href('/login');
  }

  private setLang(lang: Lang): void {
    this.session.setLang(lang);
    this.lang = lang;
    this.rebuildContext();
    this.updateTitle();
  }

  private notify(message: string, kind: 'info' | 'error'): void {
    const toast = { id: ++this.toastSeq, message, kind };
    this.toasts = [...this.toasts, toast];
    setTimeout(() => (this.toasts = this.toasts.filter((t) => t.id !== toast.id)), kind === 'error' ? 10_000 : 5_000);
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    return html`
      <a class="skip-link" href="#main" @click=${this.skipToMain}>${t('app.skip')}</a>
      <header class="app-header">
        <a class="brand" href=${href('/automations')}>${t('app.title')}</a>
        ${this.token
          ? html`<nav aria-label=${t('nav.label')}>
              <ul>
                ${NAV.map(
                  (item) => html`<li>
                    <a href=${href(item.path)} aria-current=${item.routes.includes(this.route.name) ? 'page' : nothing}
                      >${t(item.key)}</a
                    >
                  </li>`,
                )}
              </ul>
            </nav>`
          : nothing}
        <div class="header-tools">
          <label class="lang-switch">
            <span>${t('lang.label')}</span>
            <select @change=${(e: Event) => this.setLang(toLang((e.target as HTMLSelectElement).value))}>
              <option value="fr" ?selected=${this.lang === 'fr'} lang="fr">${t('lang.fr')}</option>
              <option value="en" ?selected=${this.lang === 'en'} lang="en">${t('lang.en')}</option>
            </select>
          </label>
          ${this.token
            ? html`<button type="button" class="btn btn-ghost" @click=${() => this.logout()}>${t('auth.logout')}</button>`
            : nothing}
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderPage()}</main>
      <div class="toasts" role="status" aria-live="polite">
        ${this.toasts.map((toast) => html`<p class="toast toast-${toast.kind}">${toast.message}</p>`)}
      </div>
    `;
  }

  private skipToMain(e: Event): void {
    e.preventDefault();
    this.querySelector<HTMLElement>('#main')?.focus();
  }

  private renderPage(): TemplateResult {
    const { ctx } = this;
    const p = this.route.params;
    switch (this.route.name) {
      case 'login':
        return html`<swigs-login-page .ctx=${ctx}></swigs-login-page>`;
      case 'automations':
        return html`<swigs-automations-page .ctx=${ctx}></swigs-automations-page>`;
      // One template for "new" and "edit", so saving a new item keeps the same page element.
      case 'automation-new':
      case 'automation':
        return html`<swigs-builder-page .ctx=${ctx} .params=${this.route.name === 'automation' ? p : NEW_PARAMS}></swigs-builder-page>`;
      case 'automation-runs':
        return html`<swigs-runs-page .ctx=${ctx} .params=${p}></swigs-runs-page>`;
      case 'run':
        return html`<swigs-run-page .ctx=${ctx} .params=${p}></swigs-run-page>`;
      case 'templates':
        return html`<swigs-templates-page .ctx=${ctx}></swigs-templates-page>`;
      case 'template-new':
      case 'template':
        return html`<swigs-template-page .ctx=${ctx} .params=${this.route.name === 'template' ? p : NEW_PARAMS}></swigs-template-page>`;
      case 'outbox':
        return html`<swigs-outbox-page .ctx=${ctx}></swigs-outbox-page>`;
      case 'projects':
        return html`<swigs-projects-page .ctx=${ctx}></swigs-projects-page>`;
      case 'project':
        return html`<swigs-project-page .ctx=${ctx} .params=${p}></swigs-project-page>`;
      case 'invoice':
        return html`<swigs-invoice-page .ctx=${ctx} .params=${p}></swigs-invoice-page>`;
      case 'settings':
        return html`<swigs-settings-page .ctx=${ctx}></swigs-settings-page>`;
      default:
        return html`<h1>${ctx.t('app.notFound')}</h1>`;
    }
  }
}
