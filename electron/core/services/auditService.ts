import type { AuditEntry } from '../../../shared/contract/audit';
import type { Handlers } from '../registry';
import { auditRowPayload, verifyAuditChain, type AuditRow, type ChainCheck } from '../audit/auditChain';
import { hashAt } from '../audit/auditHead';
import type { CommandContext } from '../context';

/**
 * The chain alone cannot see its last rows deleted (what is left is a valid, shorter chain); the head
 * sealed in the vault header under a MAC can.
 */
function verifyAudit(ctx: CommandContext): ChainCheck {
  const sqlite = ctx.db.sqlite;
  const chain = verifyAuditChain(sqlite);
  if (!chain.ok) return chain;
  const sealed = ctx.vault.sealedAuditHead();
  if (!sealed) return chain;
  if (!sealed.authentic) {
    return { ok: false, rows: chain.rows, firstBadSeq: null, problem: 'the audit record in the vault header was altered (its MAC does not match)' };
  }
  if (chain.rows < sealed.rows) {
    const first = chain.rows + 1;
    const which = first === sealed.rows ? `row ${first} is missing` : `rows ${first} to ${sealed.rows} are missing`;
    return { ok: false, rows: chain.rows, firstBadSeq: first, problem: `${which} (the vault header records ${sealed.rows} rows)` };
  }
  if (hashAt(sqlite, sealed.rows) !== sealed.head) {
    return {
      ok: false,
      rows: chain.rows,
      firstBadSeq: sealed.rows,
      problem: `row ${sealed.rows} is not the row the vault header vouches for: the trail was rewritten`,
    };
  }
  return chain;
}

export const auditHandlers: Handlers<'audit.list' | 'audit.verify'> = {
  'audit.list': (ctx, q) => {
    const sqlite = ctx.db.sqlite;
    const total = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const rows = sqlite
      .prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?')
      .all(q.endRow - q.startRow, q.startRow) as AuditRow[];
    return {
      total,
      rows: rows.map((r): AuditEntry => ({ seq: r.seq, ...auditRowPayload(r) })),
    };
  },
  'audit.verify': (ctx) => verifyAudit(ctx),
};
