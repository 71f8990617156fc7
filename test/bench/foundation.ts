import { randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../db/openDb';
import { createCore } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import { DEFAULT_KDF, deriveKey, newKdfParams } from '../../electron/core/vault/kdf';
import type { BenchCase } from './harness';

const PASSPHRASE = 'orange-lantern-river-71';
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const premises = (i: number) => ({
  name: `Bench site ${i}`,
  type: i % 3 === 0 ? 'residence' : 'office',
  address: `${i} Bench Road`,
  latitude: (i % 180) - 90,
  longitude: (i % 360) - 180,
  focalPoint: 'Bench person',
  safeRoom: i % 2 === 0,
  notes: 'bench',
});

async function unlockedCore() {
  const core = createCore({ dataDir: path.join(tmp(), 'vault'), adapter: 'cli', logger: silentLogger });
  const made = await core.dispatch('vault.create', { delegationName: 'Bench', officerName: 'Bench', timeZone: 'UTC', passphrase: PASSPHRASE });
  if (!made.ok) throw new Error(made.error.message);
  return core;
}

export const foundationCases: BenchCase[] = [
  {
    name: 'vault.kdf',
    baseline: 'scrypt N=2^14 r=8 p=1 (Node default cost)',
    params: { alg: 'scrypt', ...DEFAULT_KDF },
    measure: () => time(() => deriveKey(PASSPHRASE, newKdfParams())),
    measureBaseline: () => time(() => scryptSync(PASSPHRASE, randomBytes(16), 32)),
  },
  (() => {
    const dir = tmp();
    const key = randomBytes(32);
    const cipherFile = path.join(dir, 'vault.db');
    openDb(cipherFile, { key }).sqlite.close();
    const plainFile = path.join(dir, 'plain.db');
    new Database(plainFile).exec('CREATE TABLE t (x)');
    return {
      name: 'vault.open',
      baseline: 'bare better-sqlite3 open + first read of a plain file',
      params: { includes: 'cipher key, pragmas, migration check; KDF excluded' },
      repetitions: 7,
      measure: () => time(() => openDb(cipherFile, { key }).sqlite.close()),
      measureBaseline: () =>
        time(() => {
          const db = new Database(plainFile);
          db.prepare('SELECT count(*) FROM sqlite_master').get();
          db.close();
        }),
    } satisfies BenchCase;
  })(),
  {
    name: 'premises.insert.10k',
    baseline: 'raw better-sqlite3: 10,000 inserts in one transaction',
    params: { rows: 10_000, path: 'dispatch: validation, one transaction + audit row + fsync per save' },
    repetitions: 1,
    async measure() {
      const core = await unlockedCore();
      const ms = await time(async () => {
        for (let i = 0; i < 10_000; i++) {
          const result = await core.dispatch('premises.create', premises(i));
          if (!result.ok) throw new Error(result.error.message);
        }
      });
      core.close();
      return ms;
    },
    measureBaseline() {
      const db = new Database(path.join(tmp(), 'raw.db'));
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE premises (id TEXT PRIMARY KEY, name TEXT, type TEXT, address TEXT, latitude REAL, longitude REAL, focal_point TEXT, safe_room INTEGER, notes TEXT)');
      const insert = db.prepare('INSERT INTO premises VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const ms = performance.now();
      db.transaction(() => {
        for (let i = 0; i < 10_000; i++) {
          const p = premises(i);
          insert.run(`id-${i}`, p.name, p.type, p.address, p.latitude, p.longitude, p.focalPoint, p.safeRoom ? 1 : 0, p.notes);
        }
      })();
      const elapsed = performance.now() - ms;
      db.close();
      return elapsed;
    },
  },
  (() => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    return {
      name: 'vault.save.latency',
      baseline: 'raw fsync latency of the same disk: write 1 KiB + fsync',
      params: { saves: 200, statistic: 'median', path: 'premises.update through dispatch: validation, transaction with synchronous=FULL, audit row, audit head resealed in the header' },
      repetitions: 1,
      async measure() {
        const core = await unlockedCore();
        const created = await core.dispatch('premises.create', premises(0));
        if (!created.ok) throw new Error(created.error.message);
        const id = (created.value as { id: string }).id;
        const times: number[] = [];
        for (let i = 0; i < 200; i++) {
          const start = performance.now();
          const saved = await core.dispatch('premises.update', { id, ...premises(i) });
          times.push(performance.now() - start);
          if (!saved.ok) throw new Error(saved.error.message);
        }
        core.close();
        return median(times);
      },
      measureBaseline() {
        const file = path.join(tmp(), 'fsync.bin');
        const fd = fs.openSync(file, 'w');
        const block = randomBytes(1024);
        const times: number[] = [];
        for (let i = 0; i < 200; i++) {
          const start = performance.now();
          fs.writeSync(fd, block, 0, block.length, 0);
          fs.fsyncSync(fd);
          times.push(performance.now() - start);
        }
        fs.closeSync(fd);
        return median(times);
      },
    } satisfies BenchCase;
  })(),
];
