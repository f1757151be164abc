/** What the run found for one service: where it is (a URL, a path) and how it was found, or why it is missing. */
export type ServiceState = { found: string; via: string } | { missing: string };

/** The services test suites may need; each has a discovery module of the same name. */
export type ServiceName = 'mongodb' | 'chromium' | 'poppler' | 'npm';

/** How a missing service is named in the skip line, and how a developer gets it. */
export const SERVICE_HELP: Record<ServiceName, { suites: string; enable: string }> = {
  mongodb: {
    suites: 'MongoDB suites',
    enable:
      'set MONGODB_URL to a MongoDB replica set, or let mongodb-memory-server download mongod once (needs internet access)',
  },
  chromium: {
    suites: 'browser suites',
    enable:
      'install Chromium or Google Chrome (Debian: apt-get install chromium), or set CHROMIUM_PATH to its executable',
  },
  poppler: {
    suites: 'PDF rendering suites',
    enable: 'install poppler (Debian: apt-get install poppler-utils) so pdftotext and pdftoppm are on PATH',
  },
  npm: {
    suites: 'packed-tarball consumer tests',
    enable: 'put npm on PATH and let it reach its registry (npm ping)',
  },
};

// The global setup runs in vitest's main process before the test workers exist; the workers (and the processes
// tests spawn) inherit this variable, so each service is looked for once per run.
const ENV = 'SWIGS_TEST_SERVICES';

/** Hands what the global setup found to the test workers. */
export function publishServices(states: Record<ServiceName, ServiceState>): void {
  process.env[ENV] = JSON.stringify(states);
}

/** True when the run is CI's (`CI=true`): then a missing service fails the run instead of skipping suites. */
export function isCi(): boolean {
  const value = process.env.CI?.toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** The one line that says which suites are skipped, why, and how to run them. */
export function skipLine(name: ServiceName, missing: string): string {
  const help = SERVICE_HELP[name];
  return `${help.suites} skipped: ${missing}. To run them, ${help.enable}.`;
}

/**
 * The state of a service inside a test file: what the global setup published, else (a file run without the root
 * config) a quick synchronous look. Under CI a missing service throws, so the file fails instead of skipping.
 */
export function serviceState(name: ServiceName, lookNow: () => ServiceState): ServiceState {
  const published = process.env[ENV];
  const state = published ? (JSON.parse(published) as Record<ServiceName, ServiceState>)[name] : lookNow();
  if ('missing' in state && isCi()) {
    throw new Error(`CI=true and ${SERVICE_HELP[name].suites} cannot run: ${state.missing}`);
  }
  return state;
}
