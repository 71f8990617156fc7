import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, type Envelope, type FieldIssue } from '../../shared/envelope';
import { contract, isCommandName, type CommandName } from '../../shared/contract';
import type { CommandContext } from './context';
import { handlers, type Handler } from './registry';
import type { HostHandler, Logger } from './types';

export interface DispatchDeps {
  makeContext(command: CommandName): CommandContext & { flushEvents(): void; dropEvents(): void };
  hostHandlers: Record<string, HostHandler>;
  logger: Logger;
  validateOutput: boolean;
}

/**
 * The one entry point of every transport: look the command up, validate its input with the contract's
 * zod schema, refuse it on a locked vault unless it is a vault command, run its service, and turn every
 * outcome into an envelope. A stack trace never leaves this function; the log gets a reference instead.
 */
export async function dispatch(deps: DispatchDeps, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (typeof name !== 'string' || !isCommandName(name)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown command: ${String(name).slice(0, 100)}` } };
  }
  const def = contract[name];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION', message: validationMessage(parsed.error), details: { issues: toIssues(parsed.error) } } };
  }
  const ctx = deps.makeContext(name);
  try {
    let value: unknown;
    const host = deps.hostHandlers[name];
    if (host) {
      value = await host(parsed.data);
    } else {
      const handler = (handlers as Record<string, Handler<CommandName> | undefined>)[name];
      if (!handler) throw new AppError('NOT_FOUND', `The command ${name} is not available in this mode.`);
      if (!def.open && ctx.vault.state() !== 'unlocked') throw new AppError('LOCKED', 'The vault is locked.');
      value = await handler(ctx, parsed.data as never);
    }
    if (deps.validateOutput) def.output.parse(value);
    ctx.flushEvents();
    return { ok: true, value };
  } catch (error) {
    ctx.dropEvents();
    return { ok: false, error: toErrorInfo(error, name, deps.logger) };
  }
}

function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function validationMessage(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The input is not valid.';
  const where = first.path.length ? `${first.path.map(String).join('.')}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `The input is not valid. ${where}${first.message}${more}`;
}

function toErrorInfo(error: unknown, command: string, logger: Logger) {
  if (error instanceof AppError) return error.toInfo();
  if (error instanceof z.ZodError) {
    return { code: 'VALIDATION' as const, message: validationMessage(error), details: { issues: toIssues(error) } };
  }
  const sqliteCode = (error as { code?: string })?.code;
  if (sqliteCode === 'SQLITE_FULL' || sqliteCode === 'ENOSPC') {
    return { code: 'IO' as const, message: 'The disk is full: the change was not saved.' };
  }
  if (sqliteCode === 'SQLITE_READONLY' || sqliteCode === 'EROFS' || sqliteCode === 'EACCES') {
    return { code: 'IO' as const, message: 'The vault cannot be written (read-only or permission denied): the change was not saved.' };
  }
  if (sqliteCode?.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT' as const, message: 'The change conflicts with other records and was not saved.' };
  }
  const ref = randomUUID().slice(0, 8);
  // The message and stack go to the log under a reference; inputs are never logged.
  logger.error('command failed', { command, ref, error: (error as Error)?.message, stack: (error as Error)?.stack });
  return { code: 'INTERNAL' as const, message: `Something went wrong; nothing was changed. Reference: ${ref}`, ref };
}
