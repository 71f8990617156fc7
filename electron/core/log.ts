import type { Logger } from './types';

/**
 * Logs go to stderr as one JSON line each. Callers pass command names, codes and refs, never inputs:
 * inputs may hold passphrases or the very data the vault protects.
 */
export function createStderrLogger(component: string, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (level: string, message: string, fields?: Record<string, unknown>) =>
    write(`${JSON.stringify({ t: new Date().toISOString(), level, component, message, ...fields })}\n`);
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
