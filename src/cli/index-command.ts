import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { describeEmbedder } from '../embeddings/embedder-info.js';
import { runCli, usageError } from './run-cli.js';
import { lexiconFor, runIndexBuild } from '../runtime/node-runtime.js';

const usage = 'Usage: npm run index   (builds or refreshes the index from CORPUS_DIR into INDEX_DIR)';

runCli(async () => {
  try {
    parseArgs({ args: process.argv.slice(2), options: {}, strict: true, allowPositionals: false });
  } catch (error) {
    throw usageError((error as Error).message, usage);
  }
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  // Parses the dictionaries first (cached next to the index; they pair the corpus's acronyms across languages) and
  // says whether cross-language expansion is on.
  const { lexicon } = await lexiconFor(config, log);
  const result = await runIndexBuild(config, log, lexicon);
  const { counts } = result.manifest;
  const seconds = result.ms / 1000;
  log(`Added ${result.added.length}, updated ${result.updated.length}, removed ${result.removed.length} documents; embedded ${result.embeddedChunks} chunks, reused ${result.reusedChunks}.`);
  log(`Indexed ${counts.documents} documents, ${counts.chunks} chunks with ${describeEmbedder(result.embeddings.info)} in ${seconds.toFixed(2)} s (${Math.round(counts.chunks / Math.max(seconds, 1e-3))} chunks/s) into ${config.indexDir}`);
});
