import { spawnSync } from 'node:child_process';
import type { ServiceState } from './service-state';

/**
 * Finds an `npm` that reaches its registry (`npm ping`): the consumer test installs the packed tarballs with it, and
 * npm fetches their third-party dependencies (from its cache first).
 */
export function findNpm(): ServiceState {
  const version = npm(['--version'], 10_000);
  if (version.status !== 0) return { missing: 'npm not found on PATH' };
  const registry = npm(['config', 'get', 'registry'], 10_000).stdout.trim() || 'the npm registry';
  const ping = npm(['ping'], 20_000);
  if (ping.status !== 0) return { missing: `npm ${version.stdout.trim()} cannot reach ${registry} (npm ping failed)` };
  return { found: registry, via: `npm ${version.stdout.trim()}` };
}

function npm(args: string[], timeout: number): { status: number | null; stdout: string } {
  const result = spawnSync('npm', args, { encoding: 'utf8', timeout, shell: process.platform === 'win32' });
  return { status: result.error ? null : result.status, stdout: result.stdout ?? '' };
}
