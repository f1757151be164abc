import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { createApiClient, type ApiClient } from './api/api-client.js';
import type { AppContext, Theme } from './app-context.js';
import { confirmDialog } from './components/confirm-dialog.js';
import { createTranslate, toLang, type Lang } from './i18n/i18n.js';
import { href, matchRoute, type Route, type RouteName } from './router.js';
import { createSession, type Session } from './session.js';
import { createUnsavedChanges, type UnsavedChanges } from './unsaved-changes.js';

const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
const THEMES: Theme[] = ['auto', 'light', 'dark'];
const toTheme = (value: string | null): Theme =>
  (THEMES as string[]).includes(value ?? '') ? (value as Theme) : 'auto';

const NEW_PARAMS = { id: 'new' };

// Drawn in the text colour; the words beside them (visible or visually hidden) are what assistive technology reads.
const menuIcon = html`<svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M4 6h16M4 12h16M4 18h16"/></svg>`;
const globeIcon = html`<svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="1.8"><circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/></svg>`;
const themeIcon = html`<svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="1.8"><circle cx="12" cy="12" r="9"/><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/></svg>`;

interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
}

const NAV: Array<{
  path: string;
  key: 'nav.automations' | 'nav.runs' | 'nav.templates' | 'nav.outbox' | 'nav.invoicing' | 'nav.settings';
  routes: RouteName[];
}> = [
  {
    path: '/automations',
    key: 'nav.automations',
    routes: ['automations', 'automation', 'automation-new', 'automation-runs'],
  },
  { path: '/runs', key: 'nav.runs', routes: ['runs', 'run'] },
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
    theme: { state: true },
    menuOpen: { state: true },
  };

  declare theme: Theme;
  /** Below 1400 px the navigation and the header's tools fold into a menu opened by one button (styles.css). */
  declare menuOpen: boolean;

  declare route: Route;
  declare lang: Lang;
  declare token: string | null;
  declare toasts: Toast[];

  private readonly session: Session = createSession(localStorage);
  private readonly api: ApiClient;
  private ctx!: AppContext;
  private toastSeq = 0;
  private readonly unsaved: UnsavedChanges = createUnsavedChanges();
  /** The hash of the page on screen, to come back to when the user stays on an unsaved editor. */
  private shownHash = location.hash;
  private readonly onHash = (): void => void this.guardedRoute();
  private readonly onBeforeUnload = (e: BeforeUnloadEvent): void => {
    // Closing the tab or reloading with unsaved edits: the browser asks (its own wording).
    if (!this.unsaved.any) return;
    e.preventDefault();
    e.returnValue = '';
  };

  constructor() {
    super();
    this.lang = toLang(this.session.lang);
    this.token = this.session.token;
    this.toasts = [];
    this.theme = toTheme(this.session.theme());
    this.menuOpen = false;
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
    window.addEventListener('beforeunload', this.onBeforeUnload);
    darkScheme.addEventListener('change', this.applyTheme);
    window.addEventListener('pointerdown', this.onPointerDown);
    this.addEventListener('swigs-login', (e) => this.login((e as CustomEvent<{ token: string }>).detail.token));
    this.applyRoute();
  }

  /** Keeps `--app-header-height` current: the builder page fills the window below the header, which wraps when narrow. */
  private readonly headerObserver = new ResizeObserver((entries) => {
    const height = entries[0]?.borderBoxSize[0]?.blockSize;
    if (height !== undefined) this.style.setProperty('--app-header-height', `${Math.ceil(height)}px`);
  });

  protected override firstUpdated(): void {
    const header = this.querySelector('.app-header');
    if (header) this.headerObserver.observe(header);
  }

  override disconnectedCallback(): void {
    this.headerObserver.disconnect();
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    darkScheme.removeEventListener('change', this.applyTheme);
    window.removeEventListener('pointerdown', this.onPointerDown);
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
      unsaved: this.unsaved,
      theme: this.theme,
    };
    document.documentElement.lang = this.lang === 'fr' ? 'fr-CH' : 'en';
    this.applyTheme();
  }

  /** The stylesheet knows light and dark only: `auto` is resolved here, and again when the system's choice changes. */
  private readonly applyTheme = (): void => {
    const resolved = this.theme === 'auto' ? (darkScheme.matches ? 'dark' : 'light') : this.theme;
    document.documentElement.dataset.theme = resolved;
  };

  /** In-app navigation away from unsaved edits asks first; staying puts the editor's address back. */
  private async guardedRoute(): Promise<void> {
    const target = location.hash;
    if (target === this.shownHash) return;
    if (this.unsaved.any) {
      history.replaceState(null, '', this.shownHash || '#/');
      const { t } = this.ctx;
      const leave = await confirmDialog({
        title: t('confirm.title'),
        message: t('confirm.unsaved'),
        confirmLabel: t('confirm.leave'),
        cancelLabel: t('confirm.keep'),
        danger: true,
      });
      if (!leave) return;
      this.unsaved.clear();
      history.replaceState(null, '', target);
    }
    this.applyRoute();
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
    this.menuOpen = false;
    this.shownHash = location.hash;
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
    const section =
      this.route.name === 'login' ? t('login.title') : NAV.find((item) => item.routes.includes(this.route.name));
    const name = typeof section === 'string' ? section : section ? t(section.key) : t('app.notFound');
    document.title = `${name} · ${t('app.title')}`;
  }

  private login(token: string): void {
    this.session.setToken(token);
    this.token = token;
    this.theme = toTheme(this.session.theme());
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

  private setTheme(theme: Theme): void {
    this.session.setTheme(theme);
    this.theme = theme;
    this.rebuildContext();
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
      <header class="app-header" @keydown=${this.onHeaderKeydown}>
        <a class="brand" href=${href('/automations')}>${t('app.title')}</a>
        <button type="button" class="btn btn-ghost menu-toggle" aria-controls="app-menu"
          aria-expanded=${this.menuOpen ? 'true' : 'false'} @click=${() => (this.menuOpen = !this.menuOpen)}>
          ${menuIcon}<span>${t('nav.menu')}</span>
        </button>
        <div id="app-menu" class="app-menu" ?data-open=${this.menuOpen}>
          ${
            this.token
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
              : nothing
          }
          <div class="header-tools">
            <label class="lang-switch" title=${t('lang.label')}>
              ${globeIcon}<span class="switch-label">${t('lang.label')}</span>
              <select @change=${(e: Event) => this.setLang(toLang((e.target as HTMLSelectElement).value))}>
                <option value="fr" ?selected=${this.lang === 'fr'} lang="fr">${t('lang.fr')}</option>
                <option value="en" ?selected=${this.lang === 'en'} lang="en">${t('lang.en')}</option>
              </select>
            </label>
            <label class="lang-switch" title=${t('theme.label')}>
              ${themeIcon}<span class="switch-label">${t('theme.label')}</span>
              <select @change=${(e: Event) => this.setTheme(toTheme((e.target as HTMLSelectElement).value))}>
                ${THEMES.map((v) => html`<option value=${v} ?selected=${this.theme === v}>${t(`theme.${v}`)}</option>`)}
              </select>
            </label>
            ${
              this.token
                ? html`<button type="button" class="btn btn-ghost" @click=${() => this.logout()}>${t('auth.logout')}</button>`
                : nothing
            }
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderPage()}</main>
      <div class="toasts" role="status" aria-live="polite">
        ${this.toasts.map((toast) => html`<p class="toast toast-${toast.kind}">${toast.message}</p>`)}
      </div>
    `;
  }

  /** Escape closes the narrow screens' menu and gives focus back to its button. */
  private readonly onHeaderKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.menuOpen) return;
    this.menuOpen = false;
    this.querySelector<HTMLElement>('.menu-toggle')?.focus();
  };

  /** A press outside the open menu closes it, as a menu does. */
  private readonly onPointerDown = (e: PointerEvent): void => {
    if (this.menuOpen && !(e.target instanceof Node && this.querySelector('.app-header')?.contains(e.target)))
      this.menuOpen = false;
  };

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
      case 'runs':
        return html`<swigs-executions-page .ctx=${ctx}></swigs-executions-page>`;
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
