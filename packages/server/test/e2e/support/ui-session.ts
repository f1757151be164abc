import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginThroughUi, openPage } from './browser';
import { startServer, type RunningServer } from './server';

/** One e2e file's world: the built server on a fresh data folder, Chromium, and a page that records its errors. */
export interface UiSession {
  server: RunningServer;
  /** The file's Chromium, for a second page (another viewport) next to `page`. */
  browser: Browser;
  page: Page;
  /** Uncaught page errors and CSP refusals; a test asserts it stays empty. */
  errors: string[];
  /** Signs in through the login page (after the test has seeded what the first page should show). */
  login(): Promise<void>;
  close(): Promise<void>;
}

/** What an e2e file asks of its world. */
export interface UiSessionOptions {
  /** The page's viewport (1400×900 when left out). */
  viewport?: { width: number; height: number };
  /** Variables for the server process (a `WEBHOOK_*` secret). */
  env?: Record<string, string>;
}

/**
 * Starts the server and the browser together and opens a French (fr-CH, Europe/Zurich) page; one call in a file's
 * `beforeAll`, so each file launches Chromium once.
 * @example
 * let ui: UiSession;
 * beforeAll(async () => { ui = await startUiSession({ viewport: { width: 1440, height: 900 } }); await ui.login(); });
 * afterAll(() => ui?.close());
 */
export async function startUiSession(options: UiSessionOptions = {}): Promise<UiSession> {
  const [started, launched] = await Promise.allSettled([
    startServer(options.env ? { env: options.env } : {}),
    launchBrowser(),
  ]);
  // One of the two failed: the other is closed here, since the file's afterAll has no session to close.
  if (started.status === 'rejected' || launched.status === 'rejected') {
    if (launched.status === 'fulfilled') await launched.value.close();
    if (started.status === 'fulfilled') await started.value.stop();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const server = started.value;
  const browser = launched.value;
  const { page, errors } = await openPage(browser, options.viewport);
  return {
    server,
    browser,
    page,
    errors,
    login: () => loginThroughUi(page, server.url, server.password),
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
