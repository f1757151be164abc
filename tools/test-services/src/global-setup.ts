import { findChromium } from './chromium-discovery';
import { startMongoForRun } from './mongodb-discovery';
import { findNpm } from './npm-discovery';
import { findPoppler } from './poppler-discovery';
import { isCi, publishServices, type ServiceName, type ServiceState, skipLine } from './service-state';

/**
 * vitest's global setup (root config): looks for every test service once, before the workers start, and hands the
 * result to them. Missing services skip their suites with one line each at the end of the run; under `CI=true`
 * they fail the run instead.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const mongo = await startMongoForRun();
  const states: Record<ServiceName, ServiceState> = {
    mongodb: mongo.state,
    chromium: findChromium(),
    poppler: findPoppler(),
    npm: findNpm(),
  };
  const lines = (Object.entries(states) as [ServiceName, ServiceState][]).flatMap(([name, state]) =>
    'missing' in state ? [skipLine(name, state.missing)] : [],
  );
  if (lines.length > 0 && isCi()) {
    await mongo.stop();
    throw new Error(`CI=true, so no suite may be skipped:\n${lines.join('\n')}`);
  }
  publishServices(states);
  return async () => {
    await mongo.stop();
    for (const line of lines) console.log(line);
  };
}
