import { readdirSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';
import { isExecutable } from './executable';
import type { ServiceState } from './service-state';

/**
 * Finds a Chromium or Chrome: `CHROMIUM_PATH` when set (then it is the only one tried, so
 * `CHROMIUM_PATH=/nonexistent` hides every browser), else the usual system locations and `PATH`, else Playwright's
 * browser cache.
 */
export function findChromium(): ServiceState {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    return isExecutable(explicit)
      ? { found: explicit, via: 'CHROMIUM_PATH' }
      : { missing: `CHROMIUM_PATH=${explicit} is not an executable file` };
  }
  const system = systemCandidates().find(isExecutable);
  if (system) return { found: system, via: 'system' };
  const cached = playwrightCandidates().find(isExecutable);
  if (cached) return { found: cached, via: "Playwright's browser cache" };
  return { missing: "no Chromium or Chrome in the system locations, on PATH or in Playwright's browser cache" };
}

function systemCandidates(): string[] {
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .flatMap((dir) => (dir ? names.map((n) => join(dir, n)) : []));
  if (platform() === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      join(homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      ...onPath,
    ];
  }
  if (platform() === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA];
    return roots.flatMap((root) => (root ? [join(root, 'Google/Chrome/Application/chrome.exe')] : []));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
    ...onPath,
  ];
}

/** Playwright's own revision first, then any Chromium build in its cache, newest first. */
function playwrightCandidates(): string[] {
  const candidates: string[] = [];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright cannot name a build for this platform; the cache scan below still may find one.
  }
  const cache = playwrightCache();
  if (!cache) return candidates;
  let folders: string[] = [];
  try {
    folders = readdirSync(cache).filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name));
  } catch {
    return candidates;
  }
  const revision = (name: string): number => Number(name.slice(name.lastIndexOf('-') + 1));
  for (const folder of folders.sort((a, b) => revision(b) - revision(a))) {
    for (const exe of PLAYWRIGHT_EXECUTABLES) candidates.push(join(cache, folder, exe));
  }
  return candidates;
}

const PLAYWRIGHT_EXECUTABLES = [
  'chrome-linux64/chrome',
  'chrome-linux/chrome',
  'chrome-headless-shell-linux64/chrome-headless-shell',
  'chrome-linux/headless_shell',
  'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
  'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
  'chrome-win64/chrome.exe',
  'chrome-win/chrome.exe',
];

function playwrightCache(): string | undefined {
  const configured = process.env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured && configured !== '0') return configured;
  if (platform() === 'darwin') return join(homedir(), 'Library/Caches/ms-playwright');
  if (platform() === 'win32') return process.env.LOCALAPPDATA && join(process.env.LOCALAPPDATA, 'ms-playwright');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ms-playwright');
}
