import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

/** HH:MM of an instant in a time zone. */
const clock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

test('radio roll-call: a set time passed with call signs unchecked shows on Home until every call sign is answered', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  const { timeZone } = await call(page, 'settings.get', {});
  await call(page, 'people.create', { name: 'Joseph Otieno', category: 'staff_national', status: 'in_country', radioCallSign: 'Alpha 2' });
  await call(page, 'vehicles.create', { plate: 'KDA 123X', callSign: 'Victor 1' });
  // One set time an hour ago (past the 30-minute grace), taken from the Settings panel like a user would.
  const slot = clock(new Date(Date.now() - 60 * 60_000), timeZone);
  test.skip(slot > clock(new Date(), timeZone), 'an hour ago was yesterday: the set time would not be today');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Roll-call times').fill(slot);
  await page.getByRole('button', { name: 'Save times' }).click();
  await expect(page.getByText('Roll-call times saved.')).toBeVisible();

  await openPage(page, 'Home');
  const tile = page.getByTestId('vehicles-radio-tile');
  await expect(tile.getByTestId('tile-missed-rollcalls')).toHaveText('1');
  await expect(tile.getByText(/2 call signs unchecked \(\u2068?Alpha 2, Victor 1\u2069?\)/)).toBeVisible();

  await openPage(page, 'Radio roll-call');
  await expect(page.getByTestId('rollcall-summary')).toHaveText('0 of 2 checked');
  await page.getByRole('group', { name: 'Answer of Alpha 2' }).getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('rollcall-summary')).toHaveText('1 of 2 checked');
  // Relayed needs who relayed it.
  const victor = page.getByRole('group', { name: 'Answer of Victor 1' });
  await victor.getByRole('button', { name: 'Relayed' }).click();
  await page.getByLabel('Relayed by (for Victor 1)').fill('Alpha 2');
  await page.getByLabel('Relayed by (for Victor 1)').press('Enter');
  await expect(page.getByTestId('rollcall-summary')).toHaveText('2 of 2 checked');
  await expect(victor.getByRole('button', { name: 'Relayed' })).toHaveAttribute('aria-pressed', 'true');

  await openPage(page, 'Home');
  await expect(tile.getByTestId('tile-missed-rollcalls')).toHaveText('0');
  // The answers were stored in the vault.
  const sheet = await call(page, 'rollCall.sheet', {});
  expect(sheet.entries.map((e) => [e.callSign, e.check?.status, e.check?.relayedBy])).toEqual([
    ['Alpha 2', 'present', ''],
    ['Victor 1', 'relayed', 'Alpha 2'],
  ]);
});
