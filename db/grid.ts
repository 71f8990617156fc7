import type { ColumnFilter, GridView, SortItem } from '../shared/contract/grid';

/**
 * Turns a grid's AG-Grid-shaped filter and sort model into SQL over a whitelist of columns, so the
 * Infinite Row Model, exports and reports all read exactly the same rows. Unknown columns are ignored,
 * never interpolated: only whitelisted SQL expressions reach the query, values go as parameters.
 */
export interface GridColumn {
  sql: string;
  type: 'text' | 'number';
  /** Included in the quick filter's text search. */
  quick?: boolean;
}

export type GridColumns = Record<string, GridColumn>;

export type TextMatchType = 'contains' | 'equals' | 'startsWith' | 'endsWith';

/**
 * Stored values a column's text filter should also find, given what the user typed: for a column shown
 * through labels (a taxonomy term stored in English, read in French), typing the label finds the rows.
 * Returns the stored values, lower-cased.
 */
export type AlsoMatches = Record<string, (typed: string, type: TextMatchType) => string[]>;

export interface GridSql {
  where: string;
  params: unknown[];
  orderBy: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `condition` widened (or, for a negative filter, narrowed) by the stored values whose label matches. */
function withLabels(expr: string, f: Extract<ColumnFilter, { filterType: 'text' }>, params: unknown[], also: AlsoMatches[string] | undefined): string | null {
  const condition = textCondition(expr, f, params);
  if (!also || !condition || !f.filter) return condition;
  const negative = f.type === 'notContains' || f.type === 'notEqual';
  const positive = f.type === 'contains' || f.type === 'equals' || f.type === 'startsWith' || f.type === 'endsWith';
  if (!negative && !positive) return condition;
  const type: TextMatchType = f.type === 'notContains' ? 'contains' : f.type === 'notEqual' ? 'equals' : (f.type as TextMatchType);
  const values = also(f.filter, type);
  if (values.length === 0) return condition;
  params.push(...values);
  const list = `lower(coalesce(${expr}, '')) ${negative ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`;
  return negative ? `(${condition}) AND ${list}` : `(${condition}) OR ${list}`;
}

function textCondition(expr: string, f: Extract<ColumnFilter, { filterType: 'text' }>, params: unknown[]): string | null {
  const v = (f.filter ?? '').toLowerCase();
  const lowered = `lower(coalesce(${expr}, ''))`;
  switch (f.type) {
    case 'blank':
      return `coalesce(${expr}, '') = ''`;
    case 'notBlank':
      return `coalesce(${expr}, '') <> ''`;
    case 'equals':
      params.push(v);
      return `${lowered} = ?`;
    case 'notEqual':
      params.push(v);
      return `${lowered} <> ?`;
    case 'contains':
      params.push(`%${likeEscape(v)}%`);
      return `${lowered} LIKE ? ESCAPE '\\'`;
    case 'notContains':
      params.push(`%${likeEscape(v)}%`);
      return `${lowered} NOT LIKE ? ESCAPE '\\'`;
    case 'startsWith':
      params.push(`${likeEscape(v)}%`);
      return `${lowered} LIKE ? ESCAPE '\\'`;
    case 'endsWith':
      params.push(`%${likeEscape(v)}`);
      return `${lowered} LIKE ? ESCAPE '\\'`;
  }
}

const NUMBER_OPS = {
  equals: '=',
  notEqual: '<>',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
} as const;

function numberCondition(expr: string, f: Extract<ColumnFilter, { filterType: 'number' }>, params: unknown[]): string | null {
  if (f.type === 'blank') return `${expr} IS NULL`;
  if (f.type === 'notBlank') return `${expr} IS NOT NULL`;
  if (f.filter == null) return null;
  if (f.type === 'inRange') {
    if (f.filterTo == null) return null;
    params.push(f.filter, f.filterTo);
    return `${expr} BETWEEN ? AND ?`;
  }
  params.push(f.filter);
  return `${expr} ${NUMBER_OPS[f.type]} ?`;
}

export function buildGridSql(columns: GridColumns, view: GridView, defaultOrder: string, alsoMatches: AlsoMatches = {}): GridSql {
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [colId, filter] of Object.entries(view.filterModel)) {
    const column = columns[colId];
    if (!column) continue;
    const condition =
      filter.filterType === 'text'
        ? withLabels(column.sql, filter, params, alsoMatches[colId])
        : column.type === 'number'
          ? numberCondition(column.sql, filter, params)
          : null;
    if (condition) conditions.push(`(${condition})`);
  }
  const words = view.quickFilter.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  const quickColumns = Object.values(columns).filter((c) => c.quick);
  for (const word of words) {
    const pattern = `%${likeEscape(word)}%`;
    const alternatives = quickColumns.map((c) => `lower(coalesce(${c.sql}, '')) LIKE ? ESCAPE '\\'`);
    for (let i = 0; i < quickColumns.length; i++) params.push(pattern);
    // A word of a label (typed in the reader's language) also finds the stored value it stands for.
    for (const [colId, also] of Object.entries(alsoMatches)) {
      const column = columns[colId];
      const values = column?.quick ? also(word, 'contains') : [];
      if (!column || values.length === 0) continue;
      alternatives.push(`lower(coalesce(${column.sql}, '')) IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    conditions.push(`(${alternatives.join(' OR ')})`);
  }
  return {
    where: conditions.length ? conditions.join(' AND ') : '1 = 1',
    params,
    orderBy: orderBy(columns, view.sortModel, defaultOrder),
  };
}

function orderBy(columns: GridColumns, sortModel: SortItem[], defaultOrder: string): string {
  const parts = sortModel
    .filter((s) => columns[s.colId])
    .map((s) => {
      const c = columns[s.colId]!;
      const expr = c.type === 'text' ? `${c.sql} COLLATE NOCASE` : c.sql;
      // Blanks last in both directions: what a spreadsheet user expects.
      return `(${c.sql} IS NULL) ASC, ${expr} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`;
    });
  parts.push(defaultOrder);
  return parts.join(', ');
}
