import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault, DELEGATION, KDF_TIMEOUT, OFFICER, PASSPHRASE } from './helpers';

async function unlock(page: Page, passphrase: string) {
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('first run refuses a weak passphrase and creates the vault with a strong one', async ({ page, vigil }) => {
  await page.goto(vigil.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Vigil' })).toBeVisible();
  // The token left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('token=');

  await page.getByLabel('Delegation name').fill(DELEGATION);
  await page.getByLabel('Your name').fill(OFFICER);
  await page.getByLabel(/I understand/).check();
  const create = page.getByRole('button', { name: 'Create vault' });

  await page.getByLabel('Passphrase', { exact: true }).fill('kenya2024');
  await page.getByLabel('Type the passphrase again').fill('kenya2024');
  await expect(page.getByText('Too short: use at least 12 characters.')).toBeVisible();
  await expect(create).toBeDisabled();

  // Long enough but made of the delegation's own name: still guessable.
  await page.getByLabel('Passphrase', { exact: true }).fill('Kenya Country Delegation');
  await page.getByLabel('Type the passphrase again').fill('Kenya Country Delegation');
  await expect(page.getByText(/Too easy to guess/)).toBeVisible();
  await expect(create).toBeDisabled();

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(`${PASSPHRASE}!`);
  await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();
  await expect(create).toBeDisabled();

  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await expect(page.getByText('Strong enough.')).toBeVisible();
  await expect(create).toBeEnabled();
  await create.click();
  await expect(page.getByText('Creating vault… this takes a few seconds.')).toBeVisible();

  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible(KDF_TIMEOUT);
  await expect(page.getByRole('banner')).toContainText(DELEGATION);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  // A real vault carries no demo banner.
  await expect(page.getByText('DEMO VAULT — FICTIONAL DATA')).toHaveCount(0);
});

test('lock, wrong passphrase, unlock, and the vault survives a server restart', async ({ page, vigil }) => {
  await createVault(page, vigil.url);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Vigil' })).toBeVisible();
  // Nothing of the app stays on screen behind the lock.
  await expect(page.getByRole('navigation')).toHaveCount(0);

  await unlock(page, 'not the passphrase at all');
  await expect(page.getByRole('alert')).toBeVisible(KDF_TIMEOUT);
  // Still locked, the field emptied and ready for another try.
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Vigil' })).toBeVisible();
  await expect(page.getByLabel('Passphrase')).toHaveValue('');
  await expect(page.getByLabel('Passphrase')).toBeFocused();

  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible(KDF_TIMEOUT);

  // Ctrl+L locks from anywhere in the app.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Vigil' })).toBeVisible();

  const url = await vigil.restart();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Vigil' })).toBeVisible();
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible(KDF_TIMEOUT);
  await expect(page.getByRole('banner')).toContainText(DELEGATION);
});

test('a tab without the token is told how to connect', async ({ page, vigil }) => {
  await page.goto(new URL(vigil.url).origin + '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Not connected' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This browser tab is not connected to Vigil.');
});

test('switching to Arabic in Settings turns the whole app right-to-left', async ({ page, vigil }, testInfo) => {
  await createVault(page, vigil.url);

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Language').selectOption('ar');
  await page.getByRole('button', { name: 'Save' }).first().click();

  await expect(page.locator('html[dir=rtl][lang=ar]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'الإعدادات' })).toBeVisible();
  await expect(page.getByText('حُفظت الإعدادات.')).toBeVisible();
  // The navigation now sits on the right-hand side.
  const nav = await page.getByRole('navigation').boundingBox();
  const main = await page.getByRole('main').boundingBox();
  expect(nav && main && nav.x > main.x).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('settings-ar.png'), fullPage: true });

  // The choice is the vault's: it holds after a lock and unlock.
  await page.getByRole('button', { name: 'قفل' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'فتح قفل Vigil' })).toBeVisible();
  await page.getByLabel('عبارة المرور').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'فتح القفل' }).click();
  // Unlocking returns to the page that was open.
  await expect(page.getByRole('heading', { level: 1, name: 'الإعدادات' })).toBeVisible(KDF_TIMEOUT);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('link', { name: 'الرئيسية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الرئيسية' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('home-ar.png'), fullPage: true });
});
