import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomicWrite';
import { MIN_KDF_N } from './kdf';

/**
 * The small plaintext file next to the database: KDF parameters and the wrapped data key. It holds no
 * name, no delegation, nothing identifying: everything else is inside the encrypted database.
 */
const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);
export const VaultHeaderSchema = z.object({
  format: z.literal('vigil-vault'),
  version: z.literal(1),
  kdf: z.object({
    alg: z.literal('scrypt'),
    N: z.number().int().min(MIN_KDF_N).max(2 ** 24),
    r: z.number().int().min(8).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64,
    keyLength: z.literal(32),
  }),
  wrappedKey: z.object({ alg: z.literal('aes-256-gcm'), iv: b64, ciphertext: b64, tag: b64 }),
  createdAt: z.string(),
  /**
   * The audit trail's row count and head hash under an HMAC keyed from the data key: deleting the last
   * rows (which leaves a valid, shorter chain) no longer goes unnoticed. Absent in vaults made before it.
   */
  audit: z
    .object({
      rows: z.number().int().min(0),
      head: z.string().regex(/^[0-9a-f]{64}$/),
      mac: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});
export type VaultHeader = z.infer<typeof VaultHeaderSchema>;

export class HeaderError extends Error {}

export function readHeader(file: string, allowWeakKdf = false): VaultHeader {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new HeaderError(`the vault header cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new HeaderError('the vault header is damaged (not valid JSON)');
  }
  const schema = allowWeakKdf
    ? VaultHeaderSchema.extend({ kdf: VaultHeaderSchema.shape.kdf.extend({ N: z.number().int().min(2) }) })
    : VaultHeaderSchema;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HeaderError('the vault header is damaged or from an unknown version');
  return parsed.data;
}

export function writeHeader(file: string, header: VaultHeader): void {
  writeFileAtomic(file, `${JSON.stringify(header, null, 2)}\n`);
}
