import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM wrapping of the random data key under the passphrase-derived key. */
export interface WrappedKey {
  alg: 'aes-256-gcm';
  iv: string;
  ciphertext: string;
  tag: string;
}

/** Bound into the GCM tag so a wrapped key cannot be moved into another kind of header field. */
const AAD = Buffer.from('vigil-vault-data-key-v1');

export function wrapKey(dataKey: Buffer, kek: Buffer): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns null when the key does not unwrap: a wrong passphrase (or a tampered header). */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
