import type { Envelope } from '../../shared/envelope';
import type { VigilEvent } from '../../shared/events';
import type { PdfPrinter } from './report/renderPdf';

/** Which transport a call came through; recorded in the audit trail next to the officer's name. */
export type AdapterName = 'desktop' | 'web' | 'cli';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A command an adapter answers itself because only it can (a native save dialog in Electron). Input has
 * already been validated against the contract when it is called.
 */
export type HostHandler = (input: unknown) => Promise<unknown> | unknown;

export interface CoreOptions {
  dataDir: string;
  adapter: AdapterName;
  logger?: Logger;
  /** Injected clock: tests move time without sleeping. */
  now?: () => Date;
  /** Where the drizzle migrations are (bundled builds copy them next to the bundle). */
  migrationsDir?: string;
  hostHandlers?: Record<string, HostHandler>;
  /** The host's PDF printer (Electron's printToPDF in the desktop app); default: headless Chromium. */
  printPdf?: PdfPrinter;
}

/** Bytes handed over by browser mode's upload endpoint, referred to as `upload:<id>` wherever a path is taken. */
export interface UploadStore {
  put(name: string, bytes: Buffer): string;
  take(id: string): { name: string; bytes: Buffer } | undefined;
}

export interface Core {
  readonly dataDir: string;
  dispatch(name: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (event: VigilEvent) => void): () => void;
  readonly uploads: UploadStore;
  /**
   * Locks the vault (and emits vault.locked) when it has been unlocked and idle for the autoLockMinutes
   * setting; returns whether it locked. A timer calls it; tests with an injected clock call it directly.
   */
  checkIdle(): boolean;
  /** Locks the vault (key out of memory) and closes the database. */
  close(): void;
}
