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

  // Acknowledge with a note: the alarm goes.
  await openPage(page, 'Movements');
  const alarm = page.getByTestId('alarm');
  await expect(alarm).toContainText('Port → Dunmore');
  await alarm.getByLabel('What was done (required)').fill('Reached them by satellite phone');
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByText('Alarm acknowledged.')).toBeVisible();
  await expect(page.getByTestId('alarm')).toHaveCount(0);
});
