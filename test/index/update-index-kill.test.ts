import { spawn } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createHashEmbeddings } from '../../src/embeddings/create-embeddings.js';
import { createChunker } from '../../src/ingest/chunk-document.js';
import { buildIndex } from '../../src/index/build-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { seedsCopyPerTest } from '../helpers/fixtures.js';
import { projectRoot } from '../helpers/run-command.js';

const seeds = seedsCopyPerTest();

/** One in-place update adding the document `id` of the corpus, with the fs-steps hook: killed just before step `killAt` (0: never). */
const update = async (id: string, killAt: number) => {
  const documentPath = join(seeds.dir, 'document.json');
  await writeFile(documentPath, JSON.stringify((await loadCorpus(seeds.corpusDir)).find((d) => d.id === id)));
  return new Promise<{ signal: NodeJS.Signals | null; code: number | null; steps: string[]; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--import', resolve(projectRoot, 'test/helpers/fs-steps.mjs'), resolve(projectRoot, 'test/helpers/update-once.mjs'), seeds.indexDir, documentPath], {
      cwd: projectRoot,
      env: { ...process.env, FS_STEPS_DIR: seeds.indexDir, FS_STEPS_TRACE: '1', FS_STEPS_KILL_AT: String(killAt) },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (code, signal) => done({ code, signal, stderr, steps: stderr.split('\n').filter((l) => l.startsWith('fs-step ')) }));
  });
};

describe('updateIndex killed mid-way', () => {
  it('leaves the old or the new index, never a broken one, whatever step it is killed before', async () => {
    await buildIndex({ documents: await loadCorpus(seeds.corpusDir), indexDir: seeds.indexDir, embeddings: createHashEmbeddings(512), chunker: createChunker() });
    const addRound = async (round: number) => {
      const id = `9${String(round).padStart(2, '0')}_round.txt`;
      await writeFile(join(seeds.corpusDir, id), `Communiqué de la série ${round}\n\nTexte numéro ${round} sur la migration et les partenariats.\n`);
      return id;
    };
    const documentsIn = async () => (await openIndex(seeds.indexDir)).documents.size;
    // A first update writes the label map the later ones read: the traced update is the second.
    expect((await update(await addRound(0), 0)).code).toBe(0);
    const traced = await update(await addRound(1), 0);
    expect(traced.code, traced.stderr).toBe(0);
    expect(await documentsIn()).toBe(7);
    const stepKind = (line: string) => line.replace(/^fs-step \d+ /, '').replace(/data-[\w-]+/, 'data-*').replace(/\.\d+\.[0-9a-f]+\.tmp$/, '.*.tmp');
    const switchStep = traced.steps.findIndex((l) => / rename manifest\.json\..*\.tmp$/.test(l)) + 1;
    expect(switchStep).toBeGreaterThan(1);
    // Kill points: before every step that changes the disk (before a read the disk is as before the next change).
    const killPoints = traced.steps.flatMap((line, i) => (/^fs-step \d+ (mkdir|open|writeFile|rename|rm|unlink) /.test(line) ? [i + 1] : []));
    expect(killPoints.length).toBeGreaterThan(5);
    let last = 7;
    const sides = new Set<string>();
    for (const [round, killAt] of killPoints.entries()) {
      const id = await addRound(round + 2);
      await rm(join(seeds.indexDir, '.lock'), { force: true });
      const { signal, steps } = await update(id, killAt);
      expect(signal).toBe('SIGKILL');
      // Up to the switch, this update took the traced steps (after it, stale folders add removals).
      const upTo = Math.min(killAt, switchStep);
      expect(steps.slice(0, upTo).map(stepKind)).toEqual(traced.steps.slice(0, upTo).map(stepKind));
      const index = await openIndex(seeds.indexDir);
      await index.verify();
      const switched = killAt > switchStep;
      expect(index.documents.size, `killed before step ${killAt}: ${traced.steps[killAt - 1]}`).toBe(switched ? last + 1 : last);
      expect(index.documents.has(id)).toBe(switched);
      sides.add(switched ? 'new' : 'old');
      last = index.documents.size;
    }
    expect(sides).toEqual(new Set(['old', 'new']));
    // A clean update after the kills takes over the dead lock and leaves one data folder, no temporary file.
    expect((await update(await addRound(killPoints.length + 2), 0)).code).toBe(0);
    const left = await readdir(seeds.indexDir);
    expect(left.filter((f) => f.endsWith('.tmp') || f === '.lock')).toEqual([]);
    expect(left.filter((f) => f.startsWith('data-'))).toHaveLength(1);
  }, 120_000);
});
