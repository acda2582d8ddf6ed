import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { checkFloors, evaluate, readQuestions, type Floors } from '../eval/evaluate.js';
import { formatReport } from '../eval/run-eval.js';
import { runCli, usageError } from './run-cli.js';

const usage = 'Usage: npm run eval [-- --json] [--questions eval/questions.jsonl] [--floors eval/floors.json]';

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        json: { type: 'boolean', default: false },
        questions: { type: 'string', default: 'eval/questions.jsonl' },
        floors: { type: 'string', default: 'eval/floors.json' },
      },
      strict: true,
    });
  } catch (error) {
    throw usageError((error as Error).message, usage);
  }
  const config = loadConfig();
  const questions = await readQuestions(resolve(parsed.values.questions));
  const report = await evaluate(config, questions, (line) => console.error(line));
  const floors = JSON.parse(await readFile(resolve(parsed.values.floors), 'utf8')) as Floors;
  const misses = checkFloors(report, floors);
  if (parsed.values.json) console.log(JSON.stringify({ ...report, floors: { misses } }, null, 2));
  else {
    console.log(formatReport(report));
    console.log(misses.length ? `\nBelow floors:\n  ${misses.join('\n  ')}` : '\nAll floors hold.');
  }
  if (misses.length) process.exitCode = 1;
});
