import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device keys look like `kqd_<prefix>_<secret>`. The prefix finds the device; only a SHA-256 of
 * the secret is stored (a 256-bit random secret needs no slow hash), and it is shown once.
 */
export interface NewDeviceKey {
  key: string;
  prefix: string;
  hash: string;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newDeviceKey(): NewDeviceKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `kqd_${prefix}_${secret}`, prefix, hash: hashSecret(secret) };
}

export function splitDeviceKey(key: string): { prefix: string; secret: string } | null {
  const match = /^kqd_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
