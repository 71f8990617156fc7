import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const MIN = 60_000;

test('request, approve, start and check in a movement; an overdue alarm appears when time passes', async ({ page, vigil }) => {
  // The renderer's clock is Playwright's: the alarm poll runs when the test moves time on, never by sleeping.
  await page.clock.install();
  await createVault(page, vigil.url);
  await call(page, 'people.create', { name: 'Tomas Reyes', category: 'delegate', status: 'in_country', arrivalAt: iso(-10 * 24 * 60 * MIN) });

  // Request through the form.
  await openPage(page, 'Movements');
  await page.getByRole('button', { name: 'Request a movement' }).click();
  const form = page.getByRole('dialog', { name: 'Movement request' });
  await form.getByLabel('Purpose').fill('Distribution monitoring');
  await form.getByLabel('From').fill('Delegation office');
  await form.getByLabel('To', { exact: true }).fill('Field office');
  await form.getByLabel('Tomas Reyes').check();
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText('Movement requested.')).toBeVisible();

  // Approve with conditions, start, check in.
  await page.getByRole('gridcell', { name: 'Distribution monitoring' }).click();
  const detail = page.getByRole('dialog', { name: 'Delegation office → Field office' });
  await expect(detail.getByTestId('movement-state')).toHaveText('Requested');
  await detail.getByLabel('Conditions').fill('Return before dark');
  await detail.getByRole('button', { name: 'Approve (green light)' }).click();
  await expect(detail.getByTestId('movement-state')).toHaveText('Approved');
  await detail.getByRole('button', { name: 'Mark under way' }).click();
  await expect(detail.getByTestId('movement-state')).toHaveText('Under way');
  await detail.getByLabel('Place').fill('Checkpoint 4');
  await detail.getByRole('button', { name: 'Record check-in' }).click();
  await expect(detail.getByText(/Checkpoint 4/)).toBeVisible();
  await detail.getByRole('button', { name: 'Close' }).last().click();

  // A second movement under way whose next check-in falls due a moment from now, with no margin.
  await call(page, 'movements.updateSettings', { overdueMarginMinutes: 0 });
  const late = await call(page, 'movements.create', {
    travellerIds: (await call(page, 'people.list', {})).rows.map((p) => p.id),
    purpose: 'Water point assessment',
    from: 'Port',
    to: 'Dunmore',
    departureAt: iso(-60 * MIN),
    expectedReturnAt: iso(5 * 60 * MIN),
    plannedCheckIns: [iso(1_500)],
    submit: true,
  });
  await call(page, 'movements.approve', { id: late.id });
  await call(page, 'movements.transition', { id: late.id, to: 'under_way' });

  await openPage(page, 'Home');
  const tile = page.getByTestId('movements-tile');
  await expect(tile.getByTestId('tile-alarms')).toHaveText('0');
  // Time passes: the renderer's poll fires and the core (on its own clock) finds the check-in missed.
  await expect(async () => {
    await page.clock.runFor(31_000);
    await expect(tile.getByTestId('tile-alarms')).toHaveText('1', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(tile.getByText(/Port → Dunmore: check-in due/)).toBeVisible();

  // The alarm is in the header on every screen, and leads to the movement.
  await openPage(page, 'People');
  // The people grid pages through the core like every grid; its search narrows the rows.
  await expect(page.getByRole('gridcell', { name: 'Tomas Reyes' })).toBeVisible();
  expect((await page.getByRole('region', { name: 'People in country' }).boundingBox())?.height).toBeGreaterThan(300);
  await page.getByRole('searchbox').fill('nobody-by-that-name');
  await expect(page.getByRole('gridcell', { name: 'Tomas Reyes' })).toHaveCount(0);
  await page.getByRole('searchbox').fill('');
  const header = page.getByTestId('header-alarm');
  await expect(header).toHaveText('Overdue: \u2068Port → Dunmore\u2069');
  await header.click();
  await expect(page.getByRole('dialog', { name: 'Port → Dunmore' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Port → Dunmore' }).getByRole('button', { name: 'Close' }).last().click();

  // Acknowledge with a note: the alarm goes.
  await openPage(page, 'Movements');
  const alarm = page.getByTestId('alarm');
  await expect(alarm).toContainText('Port → Dunmore');
  await alarm.getByLabel('What was done (required)').fill('Reached them by satellite phone');
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByText('Alarm acknowledged.')).toBeVisible();
  await expect(page.getByTestId('alarm')).toHaveCount(0);
  await expect(page.getByTestId('header-alarm')).toHaveCount(0);
});

test('edit a requested movement: waypoints added, reordered and removed; times checked before saving', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  const person = await call(page, 'people.create', { name: 'Tomas Reyes', category: 'delegate', status: 'in_country' });
  await call(page, 'movements.create', {
    travellerIds: [person.id],
    purpose: 'Partner meeting',
    from: 'Delegation office',
    to: 'Orsk warehouse',
    departureAt: iso(60 * MIN),
    expectedReturnAt: iso(6 * 60 * MIN),
    submit: true,
  });
  await openPage(page, 'Movements');
  await page.getByRole('gridcell', { name: 'Partner meeting' }).click();
  await page.getByRole('dialog', { name: 'Delegation office → Orsk warehouse' }).getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit movement' });

  await form.getByRole('button', { name: 'Add a waypoint' }).click();
  await form.getByLabel('Waypoint 1', { exact: true }).fill('Checkpoint 4');
  await form.getByRole('button', { name: 'Add a waypoint' }).click();
  await form.getByLabel('Waypoint 2', { exact: true }).fill('Bridge');
  await form.getByRole('button', { name: 'Add a waypoint' }).click();
  await form.getByLabel('Waypoint 3', { exact: true }).fill('Market');
  await form.getByRole('button', { name: 'Move waypoint 2 up' }).click();
  await form.getByRole('button', { name: 'Remove waypoint 3' }).click();
  await expect(form.getByTestId('waypoint')).toHaveCount(2);

  // A return before the departure is refused at the field, nothing sent.
  const departure = await form.getByLabel('Departure').inputValue();
  await form.getByLabel('Expected return').fill(`${departure.slice(0, 10)}T00:00`);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('The return must be after the departure.')).toBeVisible();
  // A latitude out of range too.
  await form.getByLabel('Latitude').first().fill('123');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Latitude must be between -90 and 90.')).toBeVisible();
  await form.getByLabel('Latitude').first().fill('');

  await form.getByLabel('Expected return').fill(`${departure.slice(0, 10)}T23:59`);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Movement updated.')).toBeVisible();
  await expect(page.getByTestId('movement-waypoints')).toHaveText('Delegation office → Bridge → Checkpoint 4 → Orsk warehouse');
  const saved = (await call(page, 'movements.list', {})).rows[0]!;
  expect(saved.waypoints.map((w) => w.name)).toEqual(['Bridge', 'Checkpoint 4']);
});
