import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type Database from 'better-sqlite3';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditPayload {
  at: string;
  actor: string;
  adapter: string;
  command: string;
  entity: string | null;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** RFC 8785 canonical JSON, so the digest does not depend on key order or number formatting. */
export const payloadDigest = (p: AuditPayload): string => sha256(canonicalize(p) ?? '');

/** Each row's hash covers its position, the previous hash and the payload digest (not the payload). */
export const chainHash = (seq: number, prevHash: string, digest: string): string => sha256(`${seq}|${prevHash}|${digest}`);

/** An audit_log row as SQLite returns it. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  adapter: string;
  command: string;
  entity: string | null;
  entity_id: string | null;
  action: string;
  before: string | null;
  after: string | null;
  payload_digest: string;
  prev_hash: string;
  hash: string;
}

/** The payload a row's digest covers, read back from its columns (before/after are stored as JSON). */
export function auditRowPayload(row: AuditRow): AuditPayload {
  return {
    at: row.at,
    actor: row.actor,
    adapter: row.adapter,
    command: row.command,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

/** Appends one audit row; call it inside the transaction that makes the change it records. */
export function appendAudit(sqlite: Database.Database, payload: AuditPayload): number {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const digest = payloadDigest(payload);
  sqlite
    .prepare(
      `INSERT INTO audit_log (seq, at, actor, adapter, command, entity, entity_id, action, before, after, payload_digest, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      seq,
      payload.at,
      payload.actor,
      payload.adapter,
      payload.command,
      payload.entity,
      payload.entityId,
      payload.action,
      payload.before === undefined || payload.before === null ? null : JSON.stringify(payload.before),
      payload.after === undefined || payload.after === null ? null : JSON.stringify(payload.after),
      digest,
      prevHash,
      chainHash(seq, prevHash, digest),
    );
  return seq;
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  firstBadSeq: number | null;
  problem: string | null;
}

/** Walks the chain in order; names the first row whose payload, link or position does not check out. */
export function verifyAuditChain(sqlite: Database.Database): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (const row of sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    rows++;
    const bad = (problem: string): ChainCheck => ({ ok: false, rows, firstBadSeq: row.seq, problem });
    if (row.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, problem: `row ${expectedSeq} is missing` };
    const digest = payloadDigest(auditRowPayload(row));
    if (digest !== row.payload_digest) return bad(`row ${row.seq} was altered (its content does not match its digest)`);
    if (row.prev_hash !== prevHash) return bad(`row ${row.seq} does not follow the row before it`);
    if (row.hash !== chainHash(row.seq, row.prev_hash, row.payload_digest)) return bad(`row ${row.seq} has a wrong hash`);
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows, firstBadSeq: null, problem: null };
}
