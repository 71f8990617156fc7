import type { Db } from '../../db/openDb';
import type { EventName } from '../../shared/events';
import type { AdapterName, Logger, UploadStore } from './types';
import type { PdfPrinter } from './report/renderPdf';
import type { Vault } from './vault/vault';

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'declare' | string;
  before?: unknown;
  after?: unknown;
}

/** What a service sees of the world: the vault, who is acting, the clock, events, the audit trail. */
export interface CommandContext {
  readonly command: string;
  readonly adapter: AdapterName;
  readonly dataDir: string;
  readonly vault: Vault;
  /** The open database; throws LOCKED when the vault is locked. */
  readonly db: Db;
  readonly logger: Logger;
  readonly uploads: UploadStore;
  now(): Date;
  nowIso(): string;
  emit(name: EventName, ids?: string[]): void;
  /** Records a file the command read (name and SHA-256 go into the command's audit row). */
  noteInputFile(name: string, bytes: Buffer): void;
  /** Officer name from settings, recorded as "who" in the audit trail. */
  actor(): string;
  /**
   * Runs `work` in one transaction and records every audit entry it reports in the same transaction:
   * the change and its audit rows commit together or not at all. Never await inside `work`.
   */
  transact<T>(work: (audit: (entry: AuditEntry) => void) => T): T;
  /** The host's PDF printer when it gave one (desktop: Electron's printToPDF); see printReportPdf. */
  readonly printPdf?: PdfPrinter | undefined;
}
