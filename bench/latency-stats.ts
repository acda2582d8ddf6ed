import { readFileSync } from 'node:fs';
import { percentile } from '../src/eval/run-eval.js';
import { apertiumMissing } from '../src/translate/apertium-mode.js';

/** p50, p95 and mean of latencies in milliseconds, to one decimal. */
export const latencyStats = (ms: number[]) => ({ p50: +percentile(ms, 50).toFixed(1), p95: +percentile(ms, 95).toFixed(1), mean: +(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1) });

/** How long `work` takes, in milliseconds. */
export async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Debian's Apertium data folder; a translation benchmark stops with the reason when its modes are missing. */
export function requireApertium(dir = '/usr/share/apertium'): string {
  const missing = apertiumMissing(dir);
  if (missing) {
    console.error(`Cannot measure: ${missing}.`);
    process.exit(1);
  }
  return dir;
}

/** CPU time (user + system, all threads) a process has used so far, in milliseconds, from /proc (10 ms ticks). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
