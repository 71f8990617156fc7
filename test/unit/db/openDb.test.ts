import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DbOpenError, MIGRATIONS_DIR, openDb } from '../../../db/openDb';
import { tempDir } from '../helpers/testCore';

describe('openDb', () => {
  it('applies the committed migrations and the pragmas', () => {
    const { sqlite } = openDb(path.join(tempDir(), 'v.db'), { key: randomBytes(32) });
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view')").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['premises', 'areas', 'phase_declarations', 'audit_log', 'area_paths', 'area_effective_phase']));
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    sqlite.close();
  });

  it('refuses the wrong key with NOT_A_DATABASE', () => {
    const file = path.join(tempDir(), 'v.db');
    openDb(file, { key: randomBytes(32) }).sqlite.close();
    expect(() => openDb(file, { key: randomBytes(32) })).toThrow(expect.objectContaining({ reason: 'NOT_A_DATABASE' }));
  });

  it('stops on a failing migration and leaves the database as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v.db');
    const key = randomBytes(32);
    openDb(file, { key }).sqlite.close();
    // A copy of the real migrations plus one that fails half-way.
    const broken = path.join(dir, 'migrations');
    fs.cpSync(MIGRATIONS_DIR, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, '0099_broken.sql'), 'ALTER TABLE premises ADD COLUMN doomed text;\n--> statement-breakpoint\nTHIS IS NOT SQL;\n');
    const journal = JSON.parse(fs.readFileSync(path.join(broken, 'meta/_journal.json'), 'utf8'));
    journal.entries.push({ idx: 99, version: '6', when: Date.now(), tag: '0099_broken', breakpoints: true });
    fs.writeFileSync(path.join(broken, 'meta/_journal.json'), JSON.stringify(journal));

    let error: unknown;
    try {
      openDb(file, { key, migrationsDir: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbOpenError);
    expect((error as DbOpenError).reason).toBe('MIGRATION_FAILED');
    const { sqlite } = openDb(file, { key });
    const columns = (sqlite.prepare('PRAGMA table_info(premises)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('doomed');
    sqlite.close();
  });
});
