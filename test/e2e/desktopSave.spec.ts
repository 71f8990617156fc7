import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';
import { WEB_API } from '../../shared/bridge';

/**
 * The renderer as the desktop app runs it: window.vigil is the preload bridge. Electron cannot run here,
 * so this stand-in forwards every command to the web adapter (same core, same vault) and answers
 * dialog.saveFile as the system dialog would, with the path the test chose.
 */
function fakeDesktopBridge({ rpc, header, savePath }: { rpc: string; header: string; savePath: string }) {
  // The web page kept the tab's token in sessionStorage (renderer/src/lib/transports.ts), which outlives a reload.
  const token = sessionStorage.getItem('vigil.token') ?? '';
  const asked: unknown[] = [];
  (globalThis as unknown as { __saveDialogs: unknown[] }).__saveDialogs = asked;
  (globalThis as unknown as { vigil: unknown }).vigil = Object.freeze({
    async invoke(name: string, input: unknown) {
      if (name === 'dialog.saveFile') {
        asked.push(input);
        return { ok: true, value: { path: savePath } };
      }
      const response = await fetch(rpc + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify(input ?? {}),
      });
      return response.json();
    },
    on() {
      return () => undefined;
    },
  });
}

test('desktop save: after the system dialog, the same warnings and password option, then an AES-256 ZIP', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-desktop-save-'));
  try {
    await createVault(page, vigil.url);
    const kenya = await call(page, 'areas.create', { name: 'Kenya', level: 'country', parentId: null });
    await call(page, 'premises.create', { name: 'Nairobi office', type: 'office', areaId: kenya.id });

    const savePath = path.join(folder, 'premises-view.csv');
    await page.addInitScript(fakeDesktopBridge, { rpc: WEB_API.rpc, header: WEB_API.tokenHeader, savePath });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    expect(await page.evaluate(() => 'vigil' in globalThis)).toBe(true);

    await openPage(page, 'Premises');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /CSV/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Export the premises view' });
    // The system dialog was asked once, with the suggested name and a CSV filter.
    expect(await page.evaluate(() => (globalThis as unknown as { __saveDialogs: { defaultName: string; filters: { extensions: string[] }[] }[] }).__saveDialogs)).toEqual([
      expect.objectContaining({ defaultName: expect.stringMatching(/\.csv$/), filters: [expect.objectContaining({ extensions: ['csv'] })] }),
    ]);
    await expect(confirm.getByTestId('native-save-target')).toContainText('premises-view.csv');
    await expect(confirm.getByTestId('save-warnings')).toContainText('This folder is not on a USB drive.');

    await confirm.getByLabel('Protect with a password').check();
    await confirm.getByLabel('Password', { exact: true }).fill('copper-harbour-9');
    await confirm.getByLabel('Type the password again').fill('copper-harbour-8');
    await confirm.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(confirm.getByText('The two passwords are not the same.')).toBeVisible();
    expect(fs.readdirSync(folder)).toEqual([]);
    await confirm.getByLabel('Type the password again').fill('copper-harbour-9');
    await expect(confirm.getByTestId('native-save-target')).toContainText('premises-view.csv.zip');
    await confirm.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByText(/Exported and verified: .*premises-view\.csv\.zip/)).toBeVisible();

    expect(fs.readdirSync(folder).sort()).toEqual(['SHA256SUMS', 'premises-view.csv.zip']);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-desktop-unzip-'));
    const seven = spawnSync('7z', ['x', '-pcopper-harbour-9', `-o${out}`, path.join(folder, 'premises-view.csv.zip')], { encoding: 'utf8' });
    test.skip(seven.error !== undefined, '7z is not installed (apt-get install p7zip-full)');
    expect(seven.status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'premises-view.csv'), 'utf8')).toContain('Nairobi office');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
