import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { runCli, usageError } from './run-cli.js';
import { openRuntime } from '../runtime/node-runtime.js';

const usage = 'Usage: npm run search -- "question" [--k 5] [--json]';

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { k: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw usageError((error as Error).message, usage);
  }
  const query = parsed.positionals.join(' ').trim();
  if (!query) throw usageError('Missing the question.', usage);
  const k = Number(parsed.values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw usageError(`--k must be an integer from 1 to 50 (got ${parsed.values.k}).`, usage);

  const config = loadConfig();
  // Progress goes to stderr so that --json output stays parseable.
  const { retriever } = await openRuntime(config, (line) => console.error(line), { buildIfMissing: true });
  const passages = await retriever.search(query, { k });
  if (parsed.values.json) {
    const results = passages.map((p) => ({
      source: p.chunk.docId,
      title: p.chunk.title,
      date: p.chunk.date,
      chunkId: p.chunk.id,
      start: p.chunk.start,
      end: p.chunk.end,
      score: Number(p.score.toFixed(4)),
      text: p.chunk.text,
    }));
    console.log(JSON.stringify({ query, results }, null, 2));
    return;
  }
  if (passages.length === 0) console.log('No passage found.');
  passages.forEach((p, i) => {
    console.log(`${i + 1}. [${p.score.toFixed(3)}] ${p.chunk.docId}  ${p.chunk.title}${p.chunk.date ? ` (${p.chunk.date})` : ''}`);
    console.log(`   ${p.chunk.text.replace(/\s+/g, ' ').slice(0, 240)}${p.chunk.text.length > 240 ? '…' : ''}`);
  });
});
