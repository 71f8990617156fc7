import { AppError, type FieldIssue } from '../../../shared/envelope';
import {
  TAXONOMY_FIELDS,
  TAXONOMY_LABEL_LANGUAGES,
  type IncidentTaxonomy,
  type TaxonomyField,
  type TaxonomyRename,
  type TaxonomyTerm,
  type TaxonomyView,
} from '../../../shared/contract/incidentTaxonomy';
import type { CommandParsedInput } from '../../../shared/contract';
import { writeSetting } from '../../../db/repositories/settings';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { translator } from '../i18n';
import { loadSettings } from './settingsService';
import { presetTaxonomy, readStoredTaxonomy, TAXONOMY_KEY } from '../../../db/repositories/incidentTaxonomy';

/** The incidents column behind each taxonomy field (a fixed list: never built from input). */
const COLUMN: Record<TaxonomyField, string> = {
  category: 'category',
  subCategory: 'sub_category',
  perpetratorType: 'perpetrator_type',
  weapon: 'weapon',
  organisationAffected: 'organisation_affected',
};

function view(ctx: CommandContext): TaxonomyView {
  const stored = readStoredTaxonomy(ctx.db.sqlite);
  return { taxonomy: stored ?? presetTaxonomy(), customised: stored !== null };
}

function refuse(ctx: CommandContext, key: string, vars: Record<string, unknown>, issue: FieldIssue): never {
  const t = translator(loadSettings(ctx.db.sqlite).language);
  const field = typeof vars.field === 'string' ? t(`incidentTaxonomy.fields.${vars.field}`) : '';
  throw new AppError('VALIDATION', t(`incidentTaxonomy.errors.${key}`, { ...vars, field }), { issues: [issue] });
}

/** Trimmed values and labels, empty labels dropped; refuses an empty value or a value listed twice. */
function normalise(ctx: CommandContext, input: CommandParsedInput<'incidents.saveTaxonomy'>['taxonomy']): IncidentTaxonomy {
  const out = {} as IncidentTaxonomy;
  for (const field of TAXONOMY_FIELDS) {
    const seen = new Map<string, number>();
    out[field] = input[field].map((term, index): TaxonomyTerm => {
      const value = term.value.trim().replace(/\s+/g, ' ');
      const path = `taxonomy.${field}.${index}.value`;
      if (!value) refuse(ctx, 'empty', { field, n: index + 1 }, { path, message: 'taxonomyEmpty' });
      const key = value.toLocaleLowerCase('en');
      const first = seen.get(key);
      if (first !== undefined) refuse(ctx, 'duplicate', { field, value, n: index + 1, first: first + 1 }, { path, message: 'taxonomyDuplicate' });
      seen.set(key, index);
      const labels: TaxonomyTerm['labels'] = {};
      for (const lang of TAXONOMY_LABEL_LANGUAGES) {
        const label = term.labels[lang]?.trim();
        if (label) labels[lang] = label;
      }
      return { value, labels };
    });
  }
  return out;
}

/** Renames asked for, checked: both sides given, the new value in the saved list, no-ops dropped. */
function checkRenames(ctx: CommandContext, taxonomy: IncidentTaxonomy, renames: readonly TaxonomyRename[]): TaxonomyRename[] {
  const out: TaxonomyRename[] = [];
  renames.forEach((r, index) => {
    const from = r.from.trim();
    const to = r.to.trim().replace(/\s+/g, ' ');
    if (!from || !to) refuse(ctx, 'renameEmpty', { field: r.field }, { path: `renameExisting.${index}`, message: 'taxonomyRenameEmpty' });
    if (!taxonomy[r.field].some((t) => t.value === to)) refuse(ctx, 'renameUnknown', { field: r.field, value: to }, { path: `renameExisting.${index}.to`, message: 'taxonomyRenameUnknown' });
    if (from !== to) out.push({ field: r.field, from, to });
  });
  return out;
}

export const incidentTaxonomyHandlers: Handlers<'incidents.taxonomy' | 'incidents.saveTaxonomy' | 'incidents.resetTaxonomy'> = {
  'incidents.taxonomy': (ctx) => view(ctx),

  'incidents.saveTaxonomy': (ctx, input) => {
    const taxonomy = normalise(ctx, input.taxonomy);
    const renames = checkRenames(ctx, taxonomy, input.renameExisting ?? []);
    const renamedIncidents = ctx.transact((audit) => {
      const before = view(ctx);
      writeSetting(ctx.db.sqlite, TAXONOMY_KEY, taxonomy);
      const now = ctx.nowIso();
      const applied: Array<TaxonomyRename & { incidents: number }> = [];
      for (const r of renames) {
        const column = COLUMN[r.field];
        const { changes } = ctx.db.sqlite.prepare(`UPDATE incidents SET ${column} = ?, updated_at = ? WHERE ${column} = ?`).run(r.to, now, r.from);
        applied.push({ ...r, incidents: changes });
      }
      const count = applied.reduce((n, r) => n + r.incidents, 0);
      audit({ entity: 'incidentTaxonomy', entityId: TAXONOMY_KEY, action: 'update', before: before.taxonomy, after: { taxonomy, renamed: applied } });
      return count;
    });
    ctx.emit('incidents.changed');
    return { ...view(ctx), renamedIncidents };
  },

  'incidents.resetTaxonomy': (ctx) => {
    ctx.transact((audit) => {
      const before = view(ctx);
      writeSetting(ctx.db.sqlite, TAXONOMY_KEY, null);
      audit({ entity: 'incidentTaxonomy', entityId: TAXONOMY_KEY, action: 'reset', before: before.taxonomy, after: 'presets' });
    });
    ctx.emit('incidents.changed');
    return view(ctx);
  },
};
