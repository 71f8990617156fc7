import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import type { Core } from '../../electron/core/types';
import { planImport, previewImport } from '../../electron/core/import/incidentsImport';
import { groupIncidents, incidentWhere, incidentWriter } from '../../db/repositories/incidents';
import { IncidentViewSchema, type IncidentView } from '../../shared/contract/incidents';
import type { BenchCase } from './harness';

const ROWS = 100_000;
const PASSPHRASE = 'orange-lantern-river-71';
const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-incidents-'));
const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const CATEGORIES = ['Armed robbery', 'Kidnapping', 'Shooting', 'Threat', 'Burglary', 'Roadside IED', 'Carjacking', 'Detention'];
const PLACES = ['Northgate', 'Riverside', 'Old Market', 'Airport road', 'Hill camp', 'East ford', 'Salt flats', 'Ridge'];
// 400 pseudo-words: each appears in about 3% of narratives, so a two-word search is as selective as a real one.
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'ba', 'do', 'fu', 'gi', 'ha', 'jo', 'ku', 'le', 'mo', 'nu', 'pi'];
const WORDS = Array.from({ length: 400 }, (_v, i) => `${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}ran`);

/** A deterministic synthetic CSV with the mess real files have: dd/mm/yyyy dates, decimal commas, "No information". */
function syntheticCsv(file: string): void {
  const lines = ['Incident ID;Date;Category;Country;Province;Location;Latitude;Longitude;Killed;Injured;Description'];
  for (let i = 0; i < ROWS; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const year = 2015 + (i % 10);
    const lat = (((i * 7919) % 18_000) / 100 - 90).toFixed(4).replace('.', ',');
    const lon = (((i * 104_729) % 36_000) / 100 - 180).toFixed(4).replace('.', ',');
    const words = Array.from({ length: 12 }, (_v, k) => WORDS[(i * 7 + k * 31 + ((i * k) % 13)) % WORDS.length]).join(' ');
    lines.push(
      [
        `SYN-${i}`,
        `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
        CATEGORIES[i % CATEGORIES.length],
        'Fictionland',
        `Province ${i % 20}`,
        PLACES[i % PLACES.length],
        i % 50 === 0 ? 'No information' : lat,
        i % 50 === 0 ? 'No information' : lon,
        i % 17 === 0 ? '1' : '0',
        i % 5 === 0 ? '2' : '0',
        `Synthetic incident ${i}: ${words}`,
      ].join(';'),
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

let csvFile: string | undefined;
function csv(): string {
  if (!csvFile) {
    csvFile = path.join(tmp(), 'incidents-100k.csv');
    syntheticCsv(csvFile);
  }
  return csvFile;
}

async function unlockedCore(): Promise<Core> {
  const core = createCore({ dataDir: path.join(tmp(), 'vault'), adapter: 'cli', logger: silentLogger });
  const made = await core.dispatch('vault.create', { delegationName: 'Bench', officerName: 'Bench', timeZone: 'UTC', passphrase: PASSPHRASE });
  if (!made.ok) throw new Error(made.error.message);
  return core;
}

async function importInto(core: Core): Promise<void> {
  const result = await core.dispatch('incidents.importRun', { file: csv(), dryRun: false, dateOrder: 'dmy', skipInvalid: true });
  if (!result.ok) throw new Error(result.error.message);
}

/** The same rows in a plain SQLite file with the same schema (migrations) and indexes: the raw baseline. */
async function plainDb(): Promise<Database.Database> {
  const db = new Database(path.join(tmp(), 'plain.db'));
  db.pragma('journal_mode = WAL');
  const journal = JSON.parse(fs.readFileSync(path.join(ROOT, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  for (const { tag } of journal.entries) {
    for (const statement of fs.readFileSync(path.join(ROOT, 'db/migrations', `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) db.exec(statement);
    }
  }
  const { preview, table } = await previewImport({ bytes: fs.readFileSync(csv()), name: 'incidents-100k.csv' }, { dateOrder: 'dmy' });
  const planned = planImport(table, preview.mapping, preview.dateOrder, []);
  const writer = incidentWriter(db);
  const now = new Date().toISOString();
  db.transaction(() => {
    planned.forEach((p, i) => writer.insert({ ...p.fields, id: `0190${String(i).padStart(28, '0')}`, externalId: p.externalId, source: 'bench', createdAt: now, updatedAt: now }));
  })();
  return db;
}

let shared: Promise<{ core: Core; plain: Database.Database }> | undefined;
function loaded() {
  shared ??= (async () => {
    const core = await unlockedCore();
    await importInto(core);
    return { core, plain: await plainDb() };
  })();
  return shared;
}

function rawPage(db: Database.Database, view: IncidentView): void {
  const q = incidentWhere(view);
  db.prepare(`SELECT count(*) FROM incidents i WHERE ${q.where}`).get(...q.params);
  db.prepare(`SELECT i.* FROM incidents i WHERE ${q.where} ORDER BY ${q.orderBy} LIMIT 100 OFFSET 0`).all(...q.params);
}

async function gridCase(name: string, input: Record<string, unknown>, params: Record<string, unknown>): Promise<BenchCase> {
  const view = IncidentViewSchema.parse(input);
  return {
    name,
    baseline: 'the same SQL (count + first 100 rows) through raw better-sqlite3 on a plain file with the same schema',
    params: { rows: ROWS, ...params },
    repetitions: 7,
    async measure() {
      const { core } = await loaded();
      return time(async () => {
        const result = await core.dispatch('incidents.list', { ...input, startRow: 0, endRow: 100 });
        if (!result.ok) throw new Error(result.error.message);
      });
    },
    async measureBaseline() {
      const { plain } = await loaded();
      return time(() => rawPage(plain, view));
    },
  };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

export async function incidentsCases(): Promise<BenchCase[]> {
  return [
    {
      name: 'import.incidents.100k',
      baseline: "sqlite3 shell's .import of the same CSV into a plain table",
      params: { rows: ROWS, path: 'importRun: decode, parse, validate every value, one transaction with FTS triggers' },
      repetitions: 1,
      async measure() {
        const core = await unlockedCore();
        const file = csv();
        const ms = await time(() => importInto(core));
        core.close();
        if (!fs.existsSync(file)) throw new Error('csv vanished');
        return ms;
      },
      measureBaseline() {
        const file = csv();
        const db = path.join(tmp(), 'shell.db');
        const start = performance.now();
        const run = spawnSync('sqlite3', [db], { input: `.mode csv\n.separator ";"\n.import ${file} incidents\n`, encoding: 'utf8' });
        const ms = performance.now() - start;
        if (run.error || run.status !== 0) throw new Error(`sqlite3 shell failed (install Debian's sqlite3): ${run.stderr ?? run.error}`);
        return ms;
      },
    },
    await gridCase('grid.incidents.firstPage', {}, { sort: 'date desc (default)' }),
    await gridCase(
      'grid.incidents.filtered',
      {
        from: '2019-01-01',
        to: '2020-06-30',
        filterModel: { category: { filterType: 'text', type: 'equals', filter: 'kidnapping' } },
        sortModel: [{ colId: 'killed', sort: 'desc' }],
      },
      { filter: 'period 18 months + category + sort by killed' },
    ),
    {
      name: 'grid.incidents.groups',
      baseline: 'the same GROUP BY (same WHERE) through raw better-sqlite3 on a plain file',
      params: { rows: ROWS, by: 'category, over an 18-month period' },
      repetitions: 7,
      async measure() {
        const { core } = await loaded();
        return time(async () => {
          const result = await core.dispatch('incidents.groups', { by: 'category', view: { from: '2019-01-01', to: '2020-06-30' } });
          if (!result.ok) throw new Error(result.error.message);
        });
      },
      async measureBaseline() {
        const { plain } = await loaded();
        const view = IncidentViewSchema.parse({ from: '2019-01-01', to: '2020-06-30' });
        return time(() => groupIncidents(plain, 'category', view));
      },
    },
    {
      name: 'search.incidents.fts.p95',
      baseline: 'p95 of the same FTS5 query through raw better-sqlite3 on a plain file',
      params: { rows: ROWS, queries: 20 },
      repetitions: 3,
      async measure() {
        const { core } = await loaded();
        const times: number[] = [];
        for (let i = 0; i < 20; i++) {
          times.push(await time(() => core.dispatch('incidents.list', { search: `${WORDS[i % WORDS.length]} ${WORDS[(i + 3) % WORDS.length]}`, endRow: 100 })));
        }
        return p95(times);
      },
      async measureBaseline() {
        const { plain } = await loaded();
        const times: number[] = [];
        for (let i = 0; i < 20; i++) {
          const view = IncidentViewSchema.parse({ search: `${WORDS[i % WORDS.length]} ${WORDS[(i + 3) % WORDS.length]}` });
          times.push(await time(() => rawPage(plain, view)));
        }
        return p95(times);
      },
    },
  ];
}
