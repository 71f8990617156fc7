import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAuditHead } from '../../../electron/core/audit/auditHead';
import { Vault, VAULT_HEADER_FILE } from '../../../electron/core/vault/vault';
import { call, makeCore, tempDir } from '../helpers/testCore';

const CRASH_PASSPHRASE = 'orange-lantern-river-71';

const WRITER = path.resolve('test/unit/core/fixtures/crashWriter.ts');

interface Run {
  lastCommitted: number;
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Starts the writer and kills it with SIGKILL once it has reported `killAfter` commits, or, when
 * `midWriteMs` is set, that many milliseconds after its first commit (wherever it then is in a write).
 */
function runWriter(dataDir: string, start: number, plan: { killAfter?: number; midWriteMs?: number }): Promise<Run> {
  // node with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would miss.
  const args = ['--import', 'tsx', WRITER, dataDir, String(start)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { lastCommitted: start - 1, lines: [], code: null, signal: null };
  let commits = 0;
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      run.lines.push(line);
      const m = /^COMMITTED (\d+)$/.exec(line);
      if (!m) continue;
      run.lastCommitted = Number(m[1]);
      commits += 1;
      if (plan.killAfter !== undefined && commits >= plan.killAfter) child.kill('SIGKILL');
      if (plan.midWriteMs !== undefined && commits === 1) setTimeout(() => child.kill('SIGKILL'), plan.midWriteMs);
    }
  });
  child.stderr.resume();
  return new Promise((resolve) =>
    // 'close', not 'exit': every line the child wrote has been read by then.
    child.on('close', (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve(run);
    }),
  );
}

/** Opens the vault the way the app does and checks the database file itself; returns the crash-N numbers present. */
async function inspect(dataDir: string) {
  // The audit head as the crash left it in the header; opening the vault catches a lagging one up.
  const onDisk = JSON.parse(fs.readFileSync(path.join(dataDir, VAULT_HEADER_FILE), 'utf8')) as { audit?: { rows: number } };
  const vault = new Vault({ dataDir, weakKdfForTests: true, now: () => new Date() });
  await vault.unlock(CRASH_PASSPHRASE);
  try {
    const sqlite = vault.database.sqlite;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const premises = sqlite.prepare("SELECT id, name, address, focal_point AS focalPoint FROM premises WHERE name LIKE 'crash-%'").all() as Array<{
      id: string;
      name: string;
      address: string;
      focalPoint: string;
    }>;
    const audited = sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'premises' AND entity_id = ? AND action = 'create'");
    const numbers = premises.map((r) => {
      const n = Number(r.name.slice('crash-'.length));
      // No half row: every field of the insert is there, and so is its audit row (same transaction).
      expect(r).toMatchObject({ address: `address-${n}`, focalPoint: 'x'.repeat(200) });
      expect((audited.get(r.id) as { n: number }).n).toBe(1);
      return n;
    });
    const rows = readAuditHead(sqlite).rows;
    const headerBehind = (onDisk.audit?.rows ?? 0) < rows;
    // Caught up on open, once the older head is found to be a prefix of the chain.
    expect(vault.sealedAuditHead()).toMatchObject({ rows, authentic: true });
    return { numbers: new Set(numbers), headerBehind };
  } finally {
    vault.lock();
  }
}

async function auditVerifies(dataDir: string) {
  const core = makeCore({ dataDir, idleCheckMs: 0 });
  try {
    await call(core, 'vault.unlock', { passphrase: CRASH_PASSPHRASE });
    return await call(core, 'audit.verify', {});
  } finally {
    core.close();
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('crash safety: SIGKILL in the middle of a stream of saves', () => {
  it('always leaves a vault that opens, passes integrity_check and the audit check, with each save all there or absent', async () => {
    const dir = tempDir('vigil-crash-');
    dirs.push(dir);
    const dataDir = path.join(dir, 'vault');
    // 12 kills after a number of reported commits, 10 at a random moment a few milliseconds into the run.
    const plans = [1, 3, 7, 15, 30, 2, 5, 11, 1, 4, 9, 20].map((killAfter) => ({ killAfter }) as { killAfter?: number; midWriteMs?: number });
    for (let i = 0; i < 10; i++) plans.splice(2 * i + 1, 0, { midWriteMs: Math.floor(Math.random() * 25) });

    let next = 1;
    const outcomes = { inFlightPresent: 0, inFlightAbsent: 0, headerBehind: 0 };
    for (const plan of plans) {
      const run = await runWriter(dataDir, next, plan);
      expect(run.signal, run.lines.join('\n')).toBe('SIGKILL');
      const { numbers, headerBehind } = await inspect(dataDir);
      // Everything reported committed is there...
      for (let n = 1; n <= run.lastCommitted; n++) expect(numbers.has(n), `crash-${n} was reported committed`).toBe(true);
      // ...the save in flight at the kill is either all there or absent, and nothing beyond it.
      const inFlight = run.lastCommitted + 1;
      if (numbers.has(inFlight)) outcomes.inFlightPresent += 1;
      else outcomes.inFlightAbsent += 1;
      expect(Math.max(0, ...numbers)).toBeLessThanOrEqual(inFlight);
      if (headerBehind) outcomes.headerBehind += 1;
      // A header sealed one transaction behind the trail is not tampering: verify follows the chain past it.
      expect(await auditVerifies(dataDir)).toMatchObject({ ok: true, firstBadSeq: null });
      next = Math.max(run.lastCommitted, ...numbers) + 1;
    }
    expect(plans.length).toBeGreaterThanOrEqual(20);
    // Both outcomes really happened: a test that only ever killed between saves would prove little.
    expect(outcomes.inFlightPresent).toBeGreaterThan(0);
    expect(outcomes.inFlightAbsent).toBeGreaterThan(0);
    // ~35 s on a quiet 2-core machine; the margin covers a loaded one (22 child processes are started).
  }, 300_000);

  it('treats an audit head sealed one save behind the trail as intact and catches it up on open', async () => {
    const dir = tempDir('vigil-crash-');
    dirs.push(dir);
    const dataDir = path.join(dir, 'vault');
    const first = await runWriter(dataDir, 1, { killAfter: 2 });
    expect(first.lastCommitted).toBe(2);
    const header = path.join(dataDir, VAULT_HEADER_FILE);
    const older = fs.readFileSync(header);
    const second = await runWriter(dataDir, 3, { killAfter: 1 });
    expect(second.lastCommitted).toBe(3);
    // As if the process died between the commit and the header write.
    fs.writeFileSync(header, older);
    expect((await inspect(dataDir)).headerBehind).toBe(true);
    expect(await auditVerifies(dataDir)).toMatchObject({ ok: true });
  }, 60_000);
});
