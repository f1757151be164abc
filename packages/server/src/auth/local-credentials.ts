import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded mode's secret and password, kept in the data folder with mode 0600. */
export interface LocalCredentials {
  secret: Uint8Array;
  password: string;
  /** True when the password file was created by this call (first start). */
  created: boolean;
  secretPath: string;
  passwordPath: string;
}

/**
 * Reads or creates `local-secret.key` and `local-password` in `dataDir`. `password` (LOCAL_PASSWORD) overrides the file.
 */
export function loadLocalCredentials(dataDir: string, password?: string): LocalCredentials {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secretPath = join(dataDir, 'local-secret.key');
  const passwordPath = join(dataDir, 'local-password');
  const secretHex = readOrCreate(secretPath, () => randomBytes(32).toString('hex'));
  let created = false;
  const stored = readOrCreate(passwordPath, () => {
    created = true;
    return readablePassword();
  });
  return {
    secret: Buffer.from(secretHex.value.trim(), 'hex'),
    password: password && password.length > 0 ? password : stored.value.trim(),
    created,
    secretPath,
    passwordPath,
  };
}

/** Reads a hex secret file in `dataDir`, creating 32 random bytes (mode 0600) on first use. */
export function loadOrCreateSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return readOrCreate(join(dataDir, name), () => randomBytes(32).toString('hex')).value.trim();
}

function readOrCreate(path: string, make: () => string): { value: string } {
  if (existsSync(path)) {
    // Tighten permissions left loose by a copy or an editor.
    chmodSync(path, 0o600);
    return { value: readFileSync(path, 'utf8') };
  }
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value };
}

function readablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
