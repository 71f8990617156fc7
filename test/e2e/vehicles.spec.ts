import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('vehicle register: add a vehicle with its driver; expiring papers show in the grid and on Home; the movement form offers it', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await call(page, 'people.create', { name: 'Joseph Otieno', category: 'staff_national', status: 'in_country' });

  await openPage(page, 'Vehicles');
  await page.getByRole('button', { name: 'Add a vehicle' }).click();
  const form = page.getByRole('dialog', { name: 'New vehicle' });
  // The contract's schema refuses an empty plate before anything is sent.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Required', { exact: false })).toBeVisible();
  await form.getByLabel('Plate').fill('KDA 123X');
  await form.getByLabel('Type').fill('Land Cruiser');
  await form.getByLabel('Radio call sign').fill('Victor 1');
  await form.getByLabel('Armoured').check();
  await form.getByLabel('Insurance expiry').fill(inDays(10));
  await form.getByLabel('Service due').fill(inDays(-3));
  await form.getByLabel('Joseph Otieno').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Vehicle saved.')).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: 'KDA 123X' });
  await expect(row).toContainText('Joseph Otieno');
  await expect(row.getByTestId('flag-insuranceExpiry')).toHaveText('within 30 days');
  await expect(row.getByTestId('flag-serviceExpiry')).toHaveText('expired');

  // A second vehicle with the same plate written differently is refused, with the reason at the field.
  await page.getByRole('button', { name: 'Add a vehicle' }).click();
  const again = page.getByRole('dialog', { name: 'New vehicle' });
  await again.getByLabel('Plate').fill('kda-123x');
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again.getByText('This plate is already in the register.')).toBeVisible();
  await again.getByRole('button', { name: 'Cancel' }).click();

  await openPage(page, 'Home');
  const tile = page.getByTestId('vehicles-radio-tile');
  await expect(tile.getByTestId('tile-expiring-vehicles')).toHaveText('2');
  await expect(tile.getByText(/KDA 123X\u2069?: service overdue since/)).toBeVisible();

  await openPage(page, 'Movements');
  await page.getByRole('button', { name: 'Request a movement' }).click();
  const movement = page.getByRole('dialog', { name: 'Movement request' });
  await movement.getByLabel('Vehicle').selectOption({ label: 'KDA 123X · Land Cruiser · armoured · Victor 1' });
  await expect(movement.getByText('Insurance or service of this vehicle has expired.')).toBeVisible();
  // The vehicle's own driver comes first in the driver list, starred.
  await expect(movement.getByLabel('Driver').locator('option').nth(1)).toHaveText('Joseph Otieno ★');
});
