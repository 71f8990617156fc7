import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptToZip, encryptToZipSync } from '../../../electron/core/export/encryptZip';
import { armExportEncryption, writeExport } from '../../../electron/core/export/exportFile';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-export-zip-'));
const PASSWORD = 'harbour-lantern-42';
const has7z = spawnSync('7z', ['i'], { stdio: 'ignore' }).status === 0;
if (!has7z) process.stderr.write('exportServiceEncrypt.test: 7z not found (apt-get install p7zip-full); skipping the 7-Zip checks\n');

/** Debian's 7-Zip extracts `zip` into a fresh folder; returns its exit code and that folder. */
function extract(zip: string, password: string): { code: number | null; out: string; listing: string } {
  const out = tempDir();
  const result = spawnSync('7z', ['x', `-p${password}`, `-o${out}`, '-y', zip], { encoding: 'utf8' });
  const listing = spawnSync('7z', ['l', '-slt', `-p${password}`, zip], { encoding: 'utf8' }).stdout;
  return { code: result.status, out, listing };
}

describe.skipIf(!has7z)('AES-256 ZIP exports, opened with 7-Zip', () => {
  it('encryptToZip: 7z with the password gives back the same bytes, method AES-256', async () => {
    const dir = tempDir();
    const csv = Buffer.from('id,title,area\n1,Checkpoint delay,Nord\n2,Carjacking,Sud\n'.repeat(200));
    const bin = randomBytes(300_000);
    fs.writeFileSync(path.join(dir, 'export.zip'), await encryptToZip([{ name: 'incidents.csv', data: csv }, { name: 'map.png', data: bin }], PASSWORD));
    const { code, out, listing } = extract(path.join(dir, 'export.zip'), PASSWORD);
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'incidents.csv')).equals(csv)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'map.png')).equals(bin)).toBe(true);
    expect(listing).toMatch(/Encrypted = \+/);
    expect(listing).toMatch(/Method = AES-256/);
  });

  it('a wrong password fails in 7-Zip and yields none of the data', async () => {
    const dir = tempDir();
    const data = Buffer.from('restricted: informant names\n');
    fs.writeFileSync(path.join(dir, 'x.zip'), await encryptToZip([{ name: 'x.txt', data }], PASSWORD));
    const { code, out } = extract(path.join(dir, 'x.zip'), 'not-the-password');
    expect(code).not.toBe(0);
    const got = path.join(out, 'x.txt');
    expect(fs.existsSync(got) && fs.readFileSync(got).equals(data)).toBe(false);
    // The plaintext is not in the archive either.
    expect(fs.readFileSync(path.join(dir, 'x.zip')).includes(Buffer.from('informant'))).toBe(false);
  });

  it('encryptToZipSync (the synchronous export path) writes the same kind of archive', () => {
    const dir = tempDir();
    const data = randomBytes(2_000_000);
    fs.writeFileSync(path.join(dir, 's.zip'), encryptToZipSync([{ name: 'big.bin', data }], PASSWORD));
    const { code, out } = extract(path.join(dir, 's.zip'), PASSWORD);
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'big.bin')).equals(data)).toBe(true);
  });

  it('an armed export becomes <name>.zip, no plaintext file, SHA256SUMS covers the zip; the next export is plain again', () => {
    const dir = tempDir();
    const data = Buffer.from('name,phone\nA. Officer,+000\n');
    armExportEncryption(path.join(dir, 'contacts'), PASSWORD); // the extension is added by the module
    const result = writeExport(path.join(dir, 'contacts.csv'), data);
    expect(result.path).toBe(path.join(dir, 'contacts.csv.zip'));
    expect(fs.readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'contacts.csv.zip']);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).toBe('contacts.csv.zip: OK\n');
    const { code, out } = extract(result.path, PASSWORD);
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'contacts.csv')).equals(data)).toBe(true);

    const again = writeExport(path.join(dir, 'contacts.csv'), data);
    expect(again.path).toBe(path.join(dir, 'contacts.csv'));
    expect(fs.readFileSync(again.path).equals(data)).toBe(true);
  });

  it('refuses a password shorter than 8 characters', async () => {
    await expect(encryptToZip([{ name: 'a', data: Buffer.from('a') }], 'short')).rejects.toThrow('at least 8 characters');
    expect(() => armExportEncryption('/tmp/x.csv', 'short')).toThrow('at least 8 characters');
  });
});
