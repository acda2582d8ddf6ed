import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { loadCorpus, type CorpusDocument } from '../corpus/load-corpus.js';
import { AppError } from '../errors.js';
import { runCli, usageError } from './run-cli.js';

const usage = 'Usage: WORKER_URL=https://… ADMIN_TOKEN=… npm run index:worker   (uploads CORPUS_DIR to the deployed worker)';
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_BATCH_DOCUMENTS = 50;

/** Groups documents into requests the worker accepts (by size and count). */
function batches(documents: CorpusDocument[]): CorpusDocument[][] {
  const out: CorpusDocument[][] = [];
  let current: CorpusDocument[] = [];
  let size = 0;
  for (const document of documents) {
    const bytes = Buffer.byteLength(JSON.stringify(document));
    if (current.length && (size + bytes > MAX_BATCH_BYTES || current.length >= MAX_BATCH_DOCUMENTS)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(document);
    size += bytes;
  }
  if (current.length) out.push(current);
  return out;
}

runCli(async () => {
  try {
    parseArgs({ args: process.argv.slice(2), options: {}, strict: true });
  } catch (error) {
    throw usageError((error as Error).message, usage);
  }
  const config = loadConfig();
  if (!config.workerUrl || !config.security.adminToken) throw usageError('Set WORKER_URL and ADMIN_TOKEN.', usage);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(new URL(path, config.workerUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${config.security.adminToken}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new AppError('unavailable', `${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return response.json() as Promise<Record<string, string[]>>;
  };
  // Documents are cleaned here exactly as the Node index cleans them; the worker chunks and embeds them.
  const documents = await loadCorpus(config.corpusDir, { onWarning: (m) => console.warn(`Warning: ${m}`) });
  const totals = { added: 0, updated: 0, unchanged: 0 };
  for (const [i, batch] of batches(documents).entries()) {
    const result = await post('/api/admin/ingest', { documents: batch });
    totals.added += result.added!.length;
    totals.updated += result.updated!.length;
    totals.unchanged += result.unchanged!.length;
    console.log(`Batch ${i + 1}: ${batch.length} documents (${result.added!.length} added, ${result.updated!.length} updated, ${result.unchanged!.length} unchanged)`);
  }
  const { removed } = await post('/api/admin/prune', { keep: documents.map((d) => d.id) });
  console.log(`Uploaded ${documents.length} documents to ${config.workerUrl}: ${totals.added} added, ${totals.updated} updated, ${totals.unchanged} unchanged, ${removed!.length} removed. Re-run to resume after a failure.`);
});
