import type { Page } from 'playwright-core';
import { launchBrowser, loginThroughUi, openPage } from './browser';
import { startServer, type RunningServer } from './server';

/** One e2e file's world: the built server on a fresh data folder, Chromium, and a page that records its errors. */
export interface UiSession {
  server: RunningServer;
  page: Page;
  /** Uncaught page errors and CSP refusals; a test asserts it stays empty. */
  errors: string[];
  /** Signs in through the login page (after the test has seeded what the first page should show). */
  login(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the server and the browser together and opens a French (fr-CH, Europe/Zurich) page of `viewport`.
 * @example
 * let ui: UiSession;
 * beforeAll(async () => { ui = await startUiSession(); await ui.login(); });
 * afterAll(() => ui?.close());
 */
export async function startUiSession(viewport?: { width: number; height: number }): Promise<UiSession> {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const { page, errors } = await openPage(browser, viewport);
  return {
    server,
    page,
    errors,
    login: () => loginThroughUi(page, server.url, server.password),
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
