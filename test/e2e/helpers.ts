import { expect, type Page } from '@playwright/test';
import { WEB_API } from '../../shared/bridge';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract';

export const DELEGATION = 'Kenya Country Delegation';
export const OFFICER = 'Amina Odhiambo';
export const PASSPHRASE = 'copper lantern drifts over quiet harbour';

/** The scrypt KDF is slow on purpose: creating a vault takes seconds, not milliseconds. */
export const KDF_TIMEOUT = { timeout: 45_000 };

/** Opens a fresh server's URL and goes through the first-run form, as a new user would. */
export async function createVault(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Delegation name').fill(DELEGATION);
  await page.getByLabel('Your name').fill(OFFICER);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible(KDF_TIMEOUT);
}

/**
 * Calls a command the way the page does (same origin, the tab's token), to set up data a test is not
 * about. The token key is the one renderer/src/lib/transports.ts keeps in sessionStorage.
 */
export async function call<N extends CommandName>(page: Page, name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  return page.evaluate(
    async ({ name, input, rpc, header }) => {
      const token = sessionStorage.getItem('vigil.token') ?? '';
      const response = await fetch(rpc + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
      return envelope.value;
    },
    { name, input: input as unknown, rpc: WEB_API.rpc, header: WEB_API.tokenHeader },
  ) as Promise<CommandOutput<N>>;
}

/** Goes to a page through the navigation, like a user. */
export async function openPage(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: label }).click();
}
