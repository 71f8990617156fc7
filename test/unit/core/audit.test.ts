import { describe, expect, it } from 'vitest';
import { openDb } from '../../../db/openDb';
import { appendAudit, verifyAuditChain } from '../../../electron/core/audit/auditChain';

function chainOf(n: number) {
  const { sqlite } = openDb(':memory:', { key: null });
  for (let i = 0; i < n; i++) {
    appendAudit(sqlite, {
      at: `2026-11-0${(i % 9) + 1}T10:00:00.000Z`,
      actor: 'Amina',
      adapter: 'cli',
      command: 'premises.update',
      entity: 'premises',
      entityId: `id-${i}`,
      action: 'update',
      before: { name: `old ${i}` },
      after: { name: `new ${i}` },
    });
  }
  return sqlite;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAuditChain(chainOf(5))).toEqual({ ok: true, rows: 5, firstBadSeq: null, problem: null });
  });

  it.each([1, 3, 5])('names row %i when its content is altered', (seq) => {
    const sqlite = chainOf(5);
    sqlite.prepare("UPDATE audit_log SET after = json_object('name', 'forged') WHERE seq = ?").run(seq);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, firstBadSeq: seq });
  });

  it.each([1, 3])('names the gap when row %i is deleted', (seq) => {
    const sqlite = chainOf(5);
    sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, firstBadSeq: seq, problem: `row ${seq} is missing` });
  });

  it('catches a row whose digest was recomputed to hide an edit', () => {
    const sqlite = chainOf(3);
    sqlite.prepare("UPDATE audit_log SET actor = 'Someone else', payload_digest = 'ab' || substr(payload_digest, 3) WHERE seq = 2").run();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
});
