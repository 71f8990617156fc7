import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createVault, PASSPHRASE } from './helpers';

test('Settings: back up now, see "Exported and verified" and the Home tile update; restore from the list', async ({ page, vigil }) => {
  test.setTimeout(180_000);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-backups-'));
  await createVault(page, vigil.url);

  const tile = page.getByTestId('backup-tile');
  await expect(tile).toContainText('No verified backup yet');

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  const picker = page.getByRole('dialog', { name: /Choose the backup folder/ });
  await picker.getByLabel('Folder', { exact: true }).fill(folder);
  await picker.getByRole('button', { name: 'Open' }).click();
  await expect(picker.getByText('This folder is empty.')).toBeVisible();
  await picker.getByRole('button', { name: 'Save here' }).click();
  await expect(picker).toHaveCount(0);
  await expect(page.getByTestId('backup-folder')).toContainText(folder);

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-result')).toContainText(/Exported and verified: .*vigil-kenya-country-delegation-\d{8}T\d{6}Z\.vigilbackup/);
  const written = fs.readdirSync(folder).filter((n) => n.endsWith('.vigilbackup'));
  expect(written).toHaveLength(1);
  expect(fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toContain(written[0]);
  await expect(page.getByTestId('backup-list').getByRole('row')).toHaveCount(2);

  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expect(tile).toContainText('Last verified backup today');

  // Restore the backup just made: asks for its passphrase, keeps the current vault beside.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('backup-list').getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await dialog.getByLabel('Passphrase of the backup').fill('not the right passphrase');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByText('This passphrase does not open the backup.')).toBeVisible({ timeout: 45_000 });
  await dialog.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(/Backup restored and verified\. The previous vault is kept in/)).toBeVisible({ timeout: 45_000 });
  expect(fs.readdirSync(path.dirname(vigil.dataDir)).some((n) => n.startsWith(`${path.basename(vigil.dataDir)}.before-restore-`))).toBe(true);
});
