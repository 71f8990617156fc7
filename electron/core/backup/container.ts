import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VaultHeaderSchema, type VaultHeader } from '../vault/header';

/**
 * The `.vigilbackup` container, version 1. Everything is big-endian; one file, read front to back:
 *
 *   offset  size  what
 *   0       8     magic "VIGILBAK"
 *   8       4     container version (1)
 *   12      4     H = length of the header JSON in bytes
 *   16      H     header JSON (UTF-8): { format, version, createdAt, dbBytes, dbSha256, vault }
 *                 where `vault` is the vault header (vault.json: KDF parameters, wrapped data key, sealed
 *                 audit head) exactly as it was when the backup was made
 *   16+H    D     the database: a `VACUUM INTO` snapshot, still encrypted with the vault's data key
 *   16+H+D  32    SHA-256 of every byte before it
 *
 * Nothing in it is plaintext but the KDF parameters and the wrapped key, which are as public as vault.json.
 * The passphrase valid when the backup was made unwraps the key; a later passphrase change does not touch
 * an old backup, so it keeps opening with the old passphrase.
 */
export const BACKUP_MAGIC = Buffer.from('VIGILBAK', 'ascii');
export const BACKUP_CONTAINER_VERSION = 1;
const PREFIX_BYTES = 16;
const TRAILER_BYTES = 32;
const MAX_HEADER_BYTES = 1024 * 1024;

export const BackupHeaderSchema = z.object({
  format: z.literal('vigil-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  dbBytes: z.number().int().min(0),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
  vault: z.unknown(),
});
export interface BackupHeader {
  format: 'vigil-backup';
  version: 1;
  createdAt: string;
  dbBytes: number;
  dbSha256: string;
  vault: VaultHeader;
}

/** A file that is not a whole, unaltered backup: the CLI exits 2 on it, the app shows the message. */
export class BackupFileError extends Error {}

export function packBackup(vault: VaultHeader, db: Buffer, createdAt: string): Buffer {
  const header: BackupHeader = {
    format: 'vigil-backup',
    version: 1,
    createdAt,
    dbBytes: db.length,
    dbSha256: createHash('sha256').update(db).digest('hex'),
    vault,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  BACKUP_MAGIC.copy(prefix, 0);
  prefix.writeUInt32BE(BACKUP_CONTAINER_VERSION, 8);
  prefix.writeUInt32BE(json.length, 12);
  const hash = createHash('sha256').update(prefix).update(json).update(db).digest();
  return Buffer.concat([prefix, json, db, hash]);
}

/**
 * Checks the whole container before anything else happens: magic, version, lengths, the trailer hash and
 * the database hash. A single flipped byte anywhere is refused here.
 */
export function unpackBackup(bytes: Buffer, allowWeakKdf = false): { header: BackupHeader; db: Buffer } {
  if (bytes.length < PREFIX_BYTES + TRAILER_BYTES || !bytes.subarray(0, 8).equals(BACKUP_MAGIC)) {
    throw new BackupFileError('This file is not a Vigil backup (.vigilbackup).');
  }
  const version = bytes.readUInt32BE(8);
  if (version !== BACKUP_CONTAINER_VERSION) {
    throw new BackupFileError(`This backup was made by a newer version of Vigil (format ${version}); update Vigil to restore it.`);
  }
  const body = bytes.subarray(0, bytes.length - TRAILER_BYTES);
  const trailer = bytes.subarray(bytes.length - TRAILER_BYTES);
  if (!createHash('sha256').update(body).digest().equals(trailer)) {
    throw new BackupFileError('The backup is damaged: its checksum does not match (the file was altered or not copied completely).');
  }
  const headerBytes = bytes.readUInt32BE(12);
  if (headerBytes > MAX_HEADER_BYTES || PREFIX_BYTES + headerBytes > body.length) throw new BackupFileError('The backup is damaged: its header is invalid.');
  let parsed: z.infer<typeof BackupHeaderSchema>;
  try {
    parsed = BackupHeaderSchema.parse(JSON.parse(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes).toString('utf8')));
  } catch {
    throw new BackupFileError('The backup is damaged: its header is invalid.');
  }
  const schema = allowWeakKdf
    ? VaultHeaderSchema.extend({ kdf: VaultHeaderSchema.shape.kdf.extend({ N: z.number().int().min(2) }) })
    : VaultHeaderSchema;
  const vault = schema.safeParse(parsed.vault);
  if (!vault.success) throw new BackupFileError('The backup is damaged or from an unknown version: its vault header is invalid.');
  const db = body.subarray(PREFIX_BYTES + headerBytes);
  if (db.length !== parsed.dbBytes || createHash('sha256').update(db).digest('hex') !== parsed.dbSha256) {
    throw new BackupFileError('The backup is damaged: the database inside does not match its checksum.');
  }
  return { header: { ...parsed, vault: vault.data as VaultHeader }, db };
}
