// One in-place index update in its own process, for the kill test: `node update-once.mjs INDEX_DIR DOCUMENT_JSON`
// adds the document (a CorpusDocument as JSON, read by the test) with the compiled modules (dist/, built by the
// suite's global setup). The corpus loader is not imported: its language detector alone takes seconds to load.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../../dist');
const { createHashEmbeddings } = await import(`${dist}/embeddings/create-embeddings.js`);
const { createChunker } = await import(`${dist}/ingest/chunk-document.js`);
const { updateIndex } = await import(`${dist}/index/update-index.js`);

const [indexDir, documentPath] = process.argv.slice(2);
const document = JSON.parse(await readFile(documentPath, 'utf8'));
await updateIndex({ indexDir, embeddings: createHashEmbeddings(512), chunker: createChunker(), add: [document] });
