import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import type { Core } from '../../electron/core/types';
import { Vault } from '../../electron/core/vault/vault';
import type { BenchCase } from './harness';

const ROWS = 100_000;
const PASSPHRASE = 'orange-lantern-river-71';
const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-backup-'));
const CATEGORIES = ['Armed robbery', 'Kidnapping', 'Shooting', 'Threat', 'Burglary', 'Roadside IED', 'Carjacking', 'Detention'];
const WORDS = ['checkpoint', 'convoy', 'market', 'compound', 'river', 'night', 'armed', 'group', 'road', 'delay', 'fuel', 'clinic'];

/** The same 100,000 deterministic incidents (a narrative of ~15 words each) into any connection. */
function fillIncidents(db: Database.Database): void {
  const insert = db.prepare(
    `INSERT INTO incidents (id, source, created_at, updated_at, date, date_precision, date_start, date_end, country, admin_area, place_name, category, narrative, latitude, longitude)
     VALUES (?, 'bench', ?, ?, ?, 'day', ?, ?, 'Fictionland', ?, ?, ?, ?, ?, ?)`,
  );
  const now = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const day = `${2015 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const narrative = Array.from({ length: 15 }, (_v, k) => WORDS[(i * 7 + k * 5) % WORDS.length]).join(' ');
      insert.run(
        `0190${String(i).padStart(28, '0')}`,
        now,
        now,
        day,
        `${day}T00:00:00.000Z`,
        `${day}T23:59:59.999Z`,
        `Province ${i % 20}`,
        `Place ${i % 300}`,
        CATEGORIES[i % CATEGORIES.length],
        `Synthetic incident ${i}: ${narrative}`,
        ((i * 7919) % 18_000) / 100 - 90,
        ((i * 104_729) % 36_000) / 100 - 180,
      );
    }
  })();
}

/** A vault holding the rows (made through the vault itself, so it is encrypted as in use), unlocked in a core. */
async function vaultWithRows(): Promise<Core> {
  const dataDir = path.join(tmp(), 'vault');
  const vault = new Vault({ dataDir, now: () => new Date() });
  await vault.create(PASSPHRASE, (db) => {
    db.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('delegationName', '\"Bench\"'), ('officerName', '\"Bench\"')").run();
    fillIncidents(db.sqlite);
  });
  vault.lock();
  const core = createCore({ dataDir, adapter: 'cli', logger: silentLogger, idleCheckMs: 0, backupCheckMs: 0 });
  const unlocked = await core.dispatch('vault.unlock', { passphrase: PASSPHRASE });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  return core;
}

/** The same rows in a plain (unencrypted) SQLite file with the same schema: what the sqlite3 shell copies. */
function plainFile(): string {
  const file = path.join(tmp(), 'plain.db');
  const db = new Database(file);
  const journal = JSON.parse(fs.readFileSync(path.join(ROOT, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  for (const { tag } of journal.entries) {
    for (const statement of fs.readFileSync(path.join(ROOT, 'db/migrations', `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) db.exec(statement);
    }
  }
  fillIncidents(db);
  db.close();
  return file;
}

let shared: Promise<{ core: Core; plain: string; out: string }> | undefined;
const loaded = () => (shared ??= (async () => ({ core: await vaultWithRows(), plain: plainFile(), out: tmp() }))());

/**
 * `backup.vault.100k`: a whole backup (VACUUM INTO snapshot, integrity check, container, verified write,
 * SHA256SUMS) of a vault with 100,000 incidents, beside the sqlite3 shell's VACUUM INTO of a plain file
 * with the same rows (no encryption, no check, no verified copy: the floor of what a copy can cost).
 */
export function backupCases(): BenchCase[] {
  return [
    {
      name: 'backup.vault.100k',
      baseline: "sqlite3 shell: VACUUM INTO of a plain database with the same 100,000 incidents",
      params: { rows: ROWS },
      repetitions: 3,
      async measure() {
        const { core, out } = await loaded();
        const start = performance.now();
        const result = await core.dispatch('backup.create', { folder: out });
        const ms = performance.now() - start;
        if (!result.ok) throw new Error(result.error.message);
        return ms;
      },
      async measureBaseline() {
        const { plain } = await loaded();
        const target = path.join(tmp(), 'copy.db');
        const start = performance.now();
        const run = spawnSync('sqlite3', [plain, `VACUUM INTO '${target}'`], { stdio: 'pipe' });
        const ms = performance.now() - start;
        if (run.status !== 0) throw new Error(`sqlite3 failed (is the sqlite3 shell installed? build/install-system-deps.sh): ${run.stderr}`);
        fs.rmSync(path.dirname(target), { recursive: true, force: true });
        return ms;
      },
    },
  ];
}
