import type Database from 'better-sqlite3';

export function readSettings(sqlite: Database.Database): Record<string, unknown> {
  const rows = sqlite.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

export function writeSetting(sqlite: Database.Database, key: string, value: unknown): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}
