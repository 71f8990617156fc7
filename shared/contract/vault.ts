import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { LanguageSchema, requiredText, TimeZoneSchema } from './common';

export const VaultStateSchema = z.enum(['absent', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultStateSchema>;

export const VaultStatusSchema = z.object({
  state: VaultStateSchema,
  dataDir: z.string(),
  isDemo: z.boolean(),
  delegationName: z.string().nullable(),
  /** While a lockout delay is in force after wrong passphrases: when the next attempt is allowed. */
  unlockRetryAt: z.string().nullable().default(null),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

/** Bounded so a pasted novel cannot make the KDF or zxcvbn spin; 1024 is far above any real passphrase. */
export const PassphraseSchema = z.string().min(1, 'required').max(1024);

export const VaultCreateInputSchema = z.object({
  delegationName: requiredText(200),
  officerName: requiredText(200),
  timeZone: TimeZoneSchema,
  language: LanguageSchema.default('en'),
  passphrase: PassphraseSchema,
  demo: z.boolean().default(false),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
});
export type VaultCreateInput = z.input<typeof VaultCreateInputSchema>;

export const VaultChangePassphraseInputSchema = z.object({
  currentPassphrase: PassphraseSchema,
  newPassphrase: PassphraseSchema,
});
export type VaultChangePassphraseInput = z.input<typeof VaultChangePassphraseInputSchema>;

/** The word typed to confirm an emergency erase when the delegation name is not used. */
export const ERASE_WORD = 'ERASE';

export const VaultEraseInputSchema = z.object({
  /** The delegation name, or ERASE: typed by hand so an erase is never one stray click. */
  confirmation: z.string().max(200),
});

export const vaultCommands = {
  'vault.status': defineCommand('vault.status', z.object({}).default({}), VaultStatusSchema, { open: true }),
  'vault.create': defineCommand('vault.create', VaultCreateInputSchema, VaultStatusSchema, {
    open: true,
    secret: true,
  }),
  'vault.unlock': defineCommand('vault.unlock', z.object({ passphrase: PassphraseSchema }), VaultStatusSchema, {
    open: true,
    secret: true,
  }),
  'vault.lock': defineCommand('vault.lock', z.object({}).default({}), VaultStatusSchema, { open: true }),
  /**
   * The window reports that the officer is at the keyboard: it only resets the core's idle timer (the
   * dispatch of any command does); no write, no audit row. Refused with LOCKED once the vault has locked.
   */
  'vault.touch': defineCommand('vault.touch', z.object({}).default({}), z.object({}), {}),
  'vault.changePassphrase': defineCommand('vault.changePassphrase', VaultChangePassphraseInputSchema, VaultStatusSchema, {
    mutates: true,
    secret: true,
  }),
  'vault.erase': defineCommand('vault.erase', VaultEraseInputSchema, VaultStatusSchema, { mutates: true }),
};
