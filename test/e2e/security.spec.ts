import { expect, test } from './fixtures';
import { createVault, DELEGATION, KDF_TIMEOUT, PASSPHRASE } from './helpers';

const NEW_PASSPHRASE = 'violet compass wanders past frozen meadows';

test('Settings: verify the audit trail, change the passphrase, then erase the vault', async ({ page, vigil }) => {
  test.setTimeout(180_000);
  await createVault(page, vigil.url);
  await page.getByRole('link', { name: 'Settings' }).click();

  await page.getByRole('button', { name: 'Verify now' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText(/Audit trail intact: \d+ entr/);

  const change = page.getByRole('button', { name: 'Change passphrase' });
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByLabel('New passphrase', { exact: true }).fill('short');
  await expect(page.getByText('Too short: use at least 12 characters.')).toBeVisible();
  await expect(change).toBeDisabled();
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('New passphrase again').fill(NEW_PASSPHRASE);
  await expect(change).toBeEnabled();
  await change.click();
  await expect(page.getByText('Passphrase changed. Use the new one from now on.')).toBeVisible(KDF_TIMEOUT);

  // The old passphrase no longer opens the vault; the new one does.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Vigil' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toBeVisible(KDF_TIMEOUT);
  await page.getByLabel('Passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Unlocking returns to where the officer was.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible(KDF_TIMEOUT);
  const erase = page.getByRole('button', { name: 'Erase the vault for good' });
  await expect(erase).toBeDisabled();
  await page.getByLabel(/To confirm, type ERASE/).fill('erase');
  await expect(erase).toBeDisabled();
  await page.getByLabel(/To confirm, type ERASE/).fill(DELEGATION);
  await erase.click();
  // Nothing left to unlock: the app is back at first run.
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Vigil' })).toBeVisible();
});

test('the unlock screen shows the lockout wait after too many wrong passphrases', async ({ page, vigil }) => {
  test.setTimeout(180_000);
  await createVault(page, vigil.url);
  await page.getByRole('button', { name: 'Lock' }).click();
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('Passphrase').fill(`wrong passphrase number ${i}`);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByLabel('Passphrase')).toBeEnabled(KDF_TIMEOUT);
    await expect(page.getByLabel('Passphrase')).toHaveValue('');
  }
  await expect(page.getByTestId('unlock-wait')).toContainText(/You can try again in \d+ seconds/);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  // A reload asks core again: the wait is still there.
  await page.reload();
  await expect(page.getByTestId('unlock-wait')).toBeVisible();
});

test('auto-lock: a warning a minute before, activity keeps the vault open, then the unlock screen', async ({ page, vigil }) => {
  test.setTimeout(180_000);
  // The page's clock is faked so minutes of idleness pass at once; core keeps real time.
  await page.clock.install();
  await createVault(page, vigil.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const minutes = page.getByLabel('Lock after (minutes of inactivity)');
  await expect(minutes).toHaveValue('15');
  await minutes.fill('0');
  await expect(page.getByText('Enter a whole number of minutes from 1 to 240.')).toBeVisible();
  await minutes.fill('2');
  await minutes.locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Automatic lock saved.')).toBeVisible();

  const warning = page.getByTestId('auto-lock-warning');
  await page.clock.fastForward(50_000);
  await expect(warning).toBeHidden();
  await page.clock.fastForward(15_000);
  await expect(warning).toContainText(/Vigil locks in \d+ s — move the mouse or press a key to stay unlocked/);
  await expect(warning).toContainText('not yet saved will be lost');

  // The officer is back: the warning goes and the two minutes start again.
  await page.mouse.move(200, 200);
  await page.mouse.move(240, 260);
  await expect(warning).toBeHidden();
  await page.clock.fastForward(65_000);
  await expect(warning).toBeVisible();
  await page.clock.fastForward(60_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Vigil' })).toBeVisible();
  // The key really left core's memory, not just the screen: a reload asks core and still gets the lock.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Vigil' })).toBeVisible();
});
