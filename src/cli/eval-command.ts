import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { checkFloors, evaluate, readQuestions, type Floors } from '../eval/evaluate.js';
import { formatReport } from '../eval/run-eval.js';
import { formatClaimsReport, readClaims } from '../eval/run-claims-eval.js';
import { runCli, usageError } from './run-cli.js';

const usage = 'Usage: npm run eval [-- --json] [--out report.json] [--split dev|test|all] [--dev eval/questions.jsonl] [--test eval/questions-test.jsonl] [--claims eval/claims.jsonl] [--floors eval/floors.json] [--no-curve]';

/** Thresholds of the refusal curve: the answer policy's minCoverage from 0.15 to 0.6. */
const CURVE = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        split: { type: 'string', default: 'all' },
        dev: { type: 'string', default: 'eval/questions.jsonl' },
        test: { type: 'string', default: 'eval/questions-test.jsonl' },
        floors: { type: 'string', default: 'eval/floors.json' },
        claims: { type: 'string', default: 'eval/claims.jsonl' },
        'no-curve': { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    throw usageError((error as Error).message, usage);
  }
  const { values } = parsed;
  if (!['dev', 'test', 'all'].includes(values.split)) throw usageError(`--split must be dev, test or all (got ${values.split}).`, usage);
  const config = loadConfig();
  const floors = JSON.parse(await readFile(resolve(values.floors), 'utf8')) as Record<string, Floors>;
  const splits = (['dev', 'test'] as const).filter((s) => values.split === 'all' || values.split === s);
  const reports: Record<string, unknown> = {};
  const misses: string[] = [];
  for (const split of splits) {
    const questions = await readQuestions(resolve(values[split]));
    const claims = await readClaims(resolve(values.claims), split);
    const report = await evaluate(config, questions, (line) => console.error(line), { curve: values['no-curve'] ? [] : CURVE, claims });
    const below = checkFloors(report, floors[split] ?? {}).map((m) => `${split}: ${m}`);
    misses.push(...below);
    reports[split] = report;
    // The test split is printed as figures only: its misses are not listed, so that nobody tunes on its cases.
    const shown = { misses: split === 'dev' };
    if (!values.json) console.log(`\n=== ${split} split (${questions.length} questions, ${values[split]}) ===\n${formatReport(report, shown)}${report.claims ? `\n\n${formatClaimsReport(report.claims, shown)}` : ''}`);
  }
  const json = JSON.stringify({ ...reports, floors: { misses } }, null, 2);
  if (values.out) {
    // Written beside the target, then renamed: a reader never sees half a report.
    const out = resolve(values.out);
    await writeFile(`${out}.tmp`, `${json}\n`);
    await rename(`${out}.tmp`, out);
    console.error(`Report written to ${out}`);
  }
  if (values.json) console.log(json);
  else console.log(misses.length ? `\nBelow floors:\n  ${misses.join('\n  ')}` : '\nAll floors hold.');
  if (misses.length) process.exitCode = 1;
});
