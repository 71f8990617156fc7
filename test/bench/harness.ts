import path from 'node:path';
import { writeFileAtomic } from '../../electron/core/fs/atomicWrite';

/** One measured figure beside the baseline measured in the same run. Lower ratio is always better. */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'MiB';
  baseline: string;
  baselineValue: number;
  ratio: number;
  params?: Record<string, unknown>;
}

export interface BenchCase {
  name: string;
  baseline: string;
  params?: Record<string, unknown>;
  /** Runs once per repetition and returns milliseconds (the caller times only what it should). */
  measure(): Promise<number> | number;
  measureBaseline(): Promise<number> | number;
  repetitions?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

export async function runCases(cases: BenchCase[], prefix: string | undefined): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const c of cases.filter((c) => !prefix || c.name.startsWith(prefix))) {
    const reps = c.repetitions ?? 3;
    const values: number[] = [];
    const baselines: number[] = [];
    for (let i = 0; i < reps; i++) {
      baselines.push(await c.measureBaseline());
      values.push(await c.measure());
    }
    const value = round(median(values));
    const baselineValue = round(median(baselines));
    const result: BenchResult = {
      name: c.name,
      value,
      unit: 'ms',
      baseline: c.baseline,
      baselineValue,
      ratio: round(value / baselineValue),
      ...(c.params ? { params: c.params } : {}),
    };
    results.push(result);
    process.stderr.write(`  ${c.name}: ${value} ms (baseline ${baselineValue} ms)\n`);
  }
  return results;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function report(results: BenchResult[], root: string): void {
  const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, `${r.baselineValue} ${r.unit}`, r.baseline, `${r.ratio}x`]);
  const header = ['figure', 'value', 'baseline', 'baseline is', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  const file = path.join(root, 'bench-results.json');
  writeFileAtomic(file, `${JSON.stringify(results, null, 2)}\n`);
}
