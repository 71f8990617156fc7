import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import type { Orm } from '../../db/openDb';
import { heatMapCounts, insertMeasure, insertRisk, linkMeasure, queryRisks } from '../../db/repositories/risks';
import { createCore } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import type { Core } from '../../electron/core/types';
import { Vault } from '../../electron/core/vault/vault';
import { RISK_MATRIX_PRESETS } from '../../shared/presets/riskMatrices';
import { riskLevel } from '../../shared/domain/riskScoring';
import type { BenchCase } from './harness';

const RISKS = 5_000;
const MEASURES_PER_RISK = 3;
const PASSPHRASE = 'orange-lantern-river-71';
const ROOT = path.resolve(import.meta.dirname, '../..');
const CATEGORIES = ['armedConflict', 'crime', 'civilUnrest', 'terrorism', 'hazards', 'health', 'roadSafety', 'other'];
const STATUSES = ['open', 'mitigated', 'accepted', 'closed'] as const;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-risks-'));
const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const EMPTY_VIEW = { quickFilter: '', filterModel: {}, sortModel: [] };

/** 5,000 risks, 3 measures each, written through the repository in one transaction. */
function fill(orm: Orm, sqlite: Database.Database): void {
  const matrix = RISK_MATRIX_PRESETS.ifrc;
  const now = new Date().toISOString();
  sqlite.transaction(() => {
    for (let n = 1; n <= RISKS; n++) {
      const il = 1 + (n % 5);
      const ii = 1 + ((n * 7) % 5);
      const rl = Math.max(1, il - (n % 3));
      const ri = Math.max(1, ii - (n % 2));
      const id = `0190${String(n).padStart(28, '0')}`;
      insertRisk(orm, {
        id,
        seq: n,
        reference: `R-${String(n).padStart(4, '0')}`,
        title: `Synthetic risk ${n}`,
        threat: `Threat ${n % 97}`,
        cause: `Cause ${n % 89}`,
        consequence: `Consequence ${n % 83}`,
        category: CATEGORIES[n % CATEGORIES.length]!,
        areaId: null,
        premisesId: null,
        programme: '',
        exposed: ['nationalStaff'],
        inherentLikelihood: il,
        inherentImpact: ii,
        inherentLevel: riskLevel(matrix, il, ii),
        residualLikelihood: rl,
        residualImpact: ri,
        residualLevel: riskLevel(matrix, rl, ri),
        owner: 'Bench',
        status: STATUSES[n % STATUSES.length]!,
        acceptedBy: '',
        acceptedOn: null,
        acceptanceValidUntil: null,
        nextReview: `2026-${String(1 + (n % 12)).padStart(2, '0')}-15`,
        notes: '',
        createdAt: now,
        updatedAt: now,
      });
      for (let m = 0; m < MEASURES_PER_RISK; m++) {
        const measureId = `0191${String(n * 10 + m).padStart(28, '0')}`;
        insertMeasure(orm, { id: measureId, title: `Measure ${n}.${m}`, description: '', type: 'protection', owner: '', status: 'planned', dueDate: null, costNote: '', createdAt: now, updatedAt: now });
        linkMeasure(orm, id, measureId);
      }
    }
  })();
}

/** The vault: made by core, filled through the repository on its own (encrypted) connection, reopened by core. */
async function vaultCore(): Promise<Core> {
  const dataDir = path.join(tmp(), 'vault');
  const maker = createCore({ dataDir, adapter: 'cli', logger: silentLogger });
  const made = await maker.dispatch('vault.create', { delegationName: 'Bench', officerName: 'Bench', timeZone: 'UTC', passphrase: PASSPHRASE });
  if (!made.ok) throw new Error(made.error.message);
  maker.close();
  const vault = new Vault({ dataDir, now: () => new Date() });
  await vault.unlock(PASSPHRASE);
  fill(vault.database.orm, vault.database.sqlite);
  vault.lock();
  const core = createCore({ dataDir, adapter: 'cli', logger: silentLogger });
  const unlocked = await core.dispatch('vault.unlock', { passphrase: PASSPHRASE });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  return core;
}

/** The same rows in a plain SQLite file with the same migrations: the raw better-sqlite3 baseline. */
function plainDb(): Database.Database {
  const db = new Database(path.join(tmp(), 'plain.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const journal = JSON.parse(fs.readFileSync(path.join(ROOT, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  for (const { tag } of journal.entries) {
    for (const statement of fs.readFileSync(path.join(ROOT, 'db/migrations', `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) db.exec(statement);
    }
  }
  fill(drizzle(db, { schema }), db);
  return db;
}

let shared: Promise<{ core: Core; plain: Database.Database }> | undefined;
function loaded() {
  shared ??= (async () => ({ core: await vaultCore(), plain: plainDb() }))();
  return shared;
}

export function risksCases(): BenchCase[] {
  const params = { risks: RISKS, measuresPerRisk: MEASURES_PER_RISK };
  return [
    {
      name: 'grid.risks.firstPage',
      baseline: 'the same SQL (count + first 100 rows with measure titles) through raw better-sqlite3 on a plain file with the same schema',
      params,
      repetitions: 7,
      async measure() {
        const { core } = await loaded();
        return time(async () => {
          const result = await core.dispatch('risks.list', { startRow: 0, endRow: 100 });
          if (!result.ok) throw new Error(result.error.message);
        });
      },
      async measureBaseline() {
        const { plain } = await loaded();
        return time(() => queryRisks(plain, EMPTY_VIEW, { offset: 0, limit: 100 }, '2026-01-01'));
      },
    },
    {
      name: 'risks.heatmap',
      baseline: 'the same two GROUP BY queries through raw better-sqlite3 on a plain file with the same schema',
      params,
      repetitions: 7,
      async measure() {
        const { core } = await loaded();
        return time(async () => {
          const result = await core.dispatch('risks.heatmap', {});
          if (!result.ok) throw new Error(result.error.message);
        });
      },
      async measureBaseline() {
        const { plain } = await loaded();
        return time(() => heatMapCounts(plain, EMPTY_VIEW));
      },
    },
  ];
}
