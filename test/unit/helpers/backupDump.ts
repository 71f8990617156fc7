import { Vault } from '../../../electron/core/vault/vault';

export type TableRows = Record<string, unknown[]>;

/**
 * Every row of every table of the vault in `dataDir` (opened with its passphrase, as a user would), in
 * rowid order; FTS shadow tables and SQLite's own are left out since they follow from the real tables.
 */
export async function dumpVault(dataDir: string, passphrase: string): Promise<TableRows> {
  const vault = new Vault({ dataDir, weakKdfForTests: true, now: () => new Date() });
  await vault.unlock(passphrase);
  try {
    const sqlite = vault.database.sqlite;
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: TableRows = {};
    for (const t of tables) out[t] = sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
    return out;
  } finally {
    vault.lock();
  }
}
