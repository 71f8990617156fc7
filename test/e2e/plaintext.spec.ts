import { chromium } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { expect, test } from './fixtures';

/** Every file under `root` (links not followed); unreadable ones (sockets, permissions) are skipped. */
function* filesUnder(root: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(root, e.name);
    if (e.isDirectory()) yield* filesUnder(full);
    else if (e.isFile()) yield full;
  }
}

function filesContaining(root: string, needles: Buffer[]): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(root)) {
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      continue;
    }
    if (needles.some((n) => data.includes(n))) hits.push(file);
  }
  return hits;
}

test('a string saved through the app is nowhere in plaintext: data dir, temp dir, browser profile', async ({ vigil }) => {
  test.setTimeout(120_000);
  // Unique per run, so a leak from an earlier run cannot hide or fake this one.
  const secret = `Safehouse-${randomBytes(6).toString('hex')}-Qx`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());

  await page.goto(vigil.url);
  await page.getByLabel('Delegation name').fill('Plaintext test delegation');
  await page.getByLabel('Your name').fill('Test Officer');
  await page.getByLabel('Passphrase', { exact: true }).fill('copper lantern drifts over quiet harbour');
  await page.getByLabel('Type the passphrase again').fill('copper lantern drifts over quiet harbour');
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible({ timeout: 45_000 });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Premises' }).click();
  await page.getByRole('button', { name: /Add (the first )?premises/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(secret);
  await dialog.getByLabel('Notes').fill(`${secret} notes`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('grid').getByText(secret)).toBeVisible();

  // Read it back after a restart, so the string has surely reached the disk.
  const url = await vigil.restart();
  await page.goto(url);
  await page.getByLabel('Passphrase').fill('copper lantern drifts over quiet harbour');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible({ timeout: 45_000 });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Premises' }).click();
  await expect(page.getByRole('grid').getByText(secret)).toBeVisible();
  await context.close();
  await vigil.stop();

  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const leaks = [
    ...filesContaining(vigil.dataDir, needles),
    ...filesContaining(profile, needles),
    ...filesContaining(os.tmpdir(), needles),
  ];
  expect(leaks).toEqual([]);
  fs.rmSync(profile, { recursive: true, force: true });
});
