import type { AuditEntry } from '../../../shared/contract/audit';
import type { Handlers } from '../registry';
import { verifyAuditChain } from '../audit/auditChain';

interface AuditRow {
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
      rows: rows.map(
        (r): AuditEntry => ({
          seq: r.seq,
          at: r.at,
          actor: r.actor,
          adapter: r.adapter,
          command: r.command,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          before: r.before === null ? null : JSON.parse(r.before),
          after: r.after === null ? null : JSON.parse(r.after),
        }),
      ),
    };
  },
  'audit.verify': (ctx) => verifyAuditChain(ctx.db.sqlite),
};
