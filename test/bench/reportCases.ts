import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import { escapeHtml, findChromium, renderPdf, reportFontFaces } from '../../electron/core/report/renderPdf';
import type { Core } from '../../electron/core/types';
import type { BenchCase } from './harness';

const INCIDENTS = 500;
const PASSPHRASE = 'orange-lantern-river-71';
/** Monday 23 November 2026: the last complete week is 2026-W47 (16-22 November). */
const NOW = new Date('2026-11-23T09:00:00Z');
const CATEGORIES = ['Armed robbery', 'Burglary', 'Civil unrest', 'Road traffic accident', 'Threat', 'Kidnapping'];
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-report-'));
const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

function incident(n: number) {
  return {
    date: `2026-11-${String(16 + (n % 7)).padStart(2, '0')}`,
    country: 'Kenya',
    placeName: `Place ${n % 40}`,
    latitude: -1.3 + ((n * 37) % 200) / 100,
    longitude: 36.8 + ((n * 53) % 200) / 100,
    category: CATEGORIES[n % CATEGORIES.length]!,
    severity: (['low', 'moderate', 'high', 'critical'] as const)[n % 4],
    organisationAffected: n % 3 ? 'Own organisation' : 'NNGO',
    injured: n % 5,
    narrative: `Synthetic incident ${n}`,
  };
}

async function loaded(): Promise<{ core: Core; out: string }> {
  const core = createCore({ dataDir: path.join(tmp(), 'vault'), adapter: 'cli', logger: silentLogger, now: () => NOW, idleCheckMs: 0 });
  const made = await core.dispatch('vault.create', { delegationName: 'Bench', officerName: 'Bench', timeZone: 'Africa/Nairobi', passphrase: PASSPHRASE });
  if (!made.ok) throw new Error(made.error.message);
  for (let n = 0; n < INCIDENTS; n++) {
    const r = await core.dispatch('incidents.create', incident(n));
    if (!r.ok) throw new Error(r.error.message);
  }
  return { core, out: tmp() };
}

/** The same 500 rows as a bare HTML table, printed by the same Chromium: no sections, no charts, no map. */
function plainTableHtml(): string {
  const rows = Array.from({ length: INCIDENTS }, (_, n) => {
    const i = incident(n);
    return `<tr><td>${i.date}</td><td>${escapeHtml(i.placeName)}</td><td>${escapeHtml(i.category)}</td><td>${i.severity}</td><td>${escapeHtml(i.organisationAffected)}</td><td>${i.injured}</td></tr>`;
  }).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${reportFontFaces()}body{font-family:'Noto Sans';font-size:8pt}table{border-collapse:collapse;width:100%}td{border:1px solid #bbb;padding:1mm}</style></head><body><table>${rows}</table></body></html>`;
}

let shared: Promise<{ core: Core; out: string }> | undefined;

export function reportCases(): BenchCase[] {
  if (!findChromium()) return [];
  return [
    {
      name: 'report.weekly.500',
      baseline: 'a plain HTML page of the same 500-row table printed to PDF by the same headless Chromium (no sections, charts or map)',
      params: { incidents: INCIDENTS, paper: 'a4' },
      repetitions: 3,
      async measure() {
        shared ??= loaded();
        const { core, out } = await shared;
        return time(async () => {
          const r = await core.dispatch('reports.export', { kind: 'weekly', format: 'pdf', path: path.join(out, 'weekly.pdf') });
          if (!r.ok) throw new Error(r.error.message);
        });
      },
      async measureBaseline() {
        const html = plainTableHtml();
        return time(() => renderPdf(html, { paper: 'a4' }));
      },
    },
  ];
}
