import { join, resolve } from 'node:path';
import { openRuntime, type Runtime } from '../../src/runtime/node-runtime.js';
import type { AppConfig } from '../../src/config/config.js';
import { tempDir, testConfig } from './fixtures.js';
import { withCachedIndex } from './index-cache.js';

/** The second, invented test corpus (RIEA/IWSN water network, French and English): nothing can pass it by fitting the seeds. */
export const corpusBDir = resolve(import.meta.dirname, '../fixtures/corpus-b');

/**
 * A real hash index of the seeds (or of another corpus) in a temporary folder, opened as the server opens it. The
 * first file of a run to ask for a given corpus and settings builds it; later ones open a copy of that build.
 */
export async function seedsRuntime(env: Record<string, string> = {}, corpusDir?: string): Promise<{ config: AppConfig; runtime: Runtime; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  const config = testConfig({ indexDir: join(dir, 'index'), env, corpusDir });
  const runtime = await withCachedIndex(config, () => openRuntime(config, () => {}, { buildIfMissing: true }));
  return { config, runtime, dir, cleanup };
}

/** Parses a Server-Sent Events body into `{ event, data }` records (data JSON-decoded when it can be). */
export function parseSse(text: string): Array<{ event: string; data: any }> {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      const raw = data.join('\n');
      try {
        return { event, data: JSON.parse(raw) };
      } catch {
        return { event, data: raw };
      }
    });
}
