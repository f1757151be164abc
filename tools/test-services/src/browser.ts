import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { findChromium } from './chromium-discovery';
import { serviceState } from './service-state';

/** The flags every test launches Chromium with: headless, no sandbox (root in CI), no GPU, no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const state = serviceState('chromium', findChromium);

/** This run's browser executable, or undefined when browser suites are skipped: `describe.skipIf(!chromiumPath)`. */
export const chromiumPath: string | undefined = 'found' in state ? state.found : undefined;

/** Launches this run's Chromium headless with {@link CHROMIUM_ARGS}. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  if (!chromiumPath) throw new Error(`no browser for this run: ${'missing' in state ? state.missing : ''}`);
  return chromium.launch({
    ...options,
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
