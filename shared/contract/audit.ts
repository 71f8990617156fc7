import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IsoTimeSchema } from './common';
import { GridQuerySchema, pageOf } from './grid';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: IsoTimeSchema,
  actor: z.string(),
  adapter: z.string(),
  command: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;

export const auditCommands = {
  'audit.list': defineCommand('audit.list', GridQuerySchema, pageOf(AuditEntrySchema)),
  'audit.verify': defineCommand('audit.verify', z.object({}).default({}), AuditVerifyResultSchema),
};
