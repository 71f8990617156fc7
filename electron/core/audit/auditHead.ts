import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GENESIS_HASH } from './auditChain';

export interface AuditHead {
  rows: number;
  head: string;
}

export interface SealedAuditHead extends AuditHead {
  mac: string;
}

/** A key of its own for the MAC (HKDF), so the data key is never used directly for two purposes. */
function macKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'vigil-audit-head-v1', 32));
}

function macOf(dataKey: Buffer, head: AuditHead): string {
  return createHmac('sha256', macKey(dataKey)).update(`vigil-audit-head|${head.rows}|${head.head}`).digest('hex');
}

export function sealAuditHead(dataKey: Buffer, head: AuditHead): SealedAuditHead {
  return { ...head, mac: macOf(dataKey, head) };
}

export function auditHeadIsAuthentic(dataKey: Buffer, sealed: SealedAuditHead): boolean {
  const expected = Buffer.from(macOf(dataKey, sealed), 'hex');
  const actual = Buffer.from(sealed.mac, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The current head of the chain as the database holds it (last row's hash and the row count). */
export function readAuditHead(sqlite: Database.Database): AuditHead {
  const row = sqlite.prepare('SELECT count(*) AS rows, (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS head FROM audit_log').get() as {
    rows: number;
    head: string | null;
  };
  return { rows: row.rows, head: row.head ?? GENESIS_HASH };
}

/** The hash of row `seq` (the genesis hash for 0), or null when there is no such row. */
export function hashAt(sqlite: Database.Database, seq: number): string | null {
  if (seq === 0) return GENESIS_HASH;
  const row = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined;
  return row?.hash ?? null;
}
