import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

/**
 * scrypt, memory-hard: N=2^17, r=8 takes 128 MiB per guess, which is what makes an offline attack on a
 * seized laptop's vault header expensive. Parameters are stored in the header so they can be raised later.
 */
export interface KdfParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
  keyLength: number;
}

export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;
/** The floor any header must meet: a tampered header cannot downgrade the KDF to make guessing cheap. */
export const MIN_KDF_N = 2 ** 17;

export function newKdfParams(overrides: Partial<Pick<KdfParams, 'N' | 'r' | 'p'>> = {}): KdfParams {
  return { alg: 'scrypt', ...DEFAULT_KDF, ...overrides, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFC: the same passphrase typed on two keyboards (composed vs decomposed accents) opens the vault.
    scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), params.keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
