import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { checkFloors, evaluate, readQuestions } from '../../src/eval/evaluate.js';
import { seedsDir } from '../helpers/fixtures.js';

const root = resolve(import.meta.dirname, '../..');
const hasDictionaries = existsSync('/usr/share/dictd/freedict-eng-fra.index');
if (!hasDictionaries) console.warn('Skipping the evaluation floors: the FreeDict dictionaries are not installed (apt-get install dict-freedict-eng-fra dict-freedict-fra-eng).');

const floors = JSON.parse(readFileSync(resolve(root, 'eval/floors.json'), 'utf8')) as Record<'dev' | 'test', Record<string, number>>;
const splits = { dev: 'eval/questions.jsonl', test: 'eval/questions-test.jsonl' } as const;

describe.runIf(hasDictionaries)('npm run eval', () => {
  it('has a dev split to tune on and a test split of at least 60 questions in every style, near-misses included', async () => {
    const dev = await readQuestions(resolve(root, splits.dev));
    const test = await readQuestions(resolve(root, splits.test));
    expect(test.length).toBeGreaterThanOrEqual(60);
    expect(test.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(12);
    for (const kind of ['fr', 'en', 'multi', 'followup']) expect(test.some((q) => q.kind === kind)).toBe(true);
    // No test question is also a dev question: the test split is never tuned on.
    const devQuestions = new Set(dev.map((q) => q.question));
    expect(test.filter((q) => devQuestions.has(q.question))).toEqual([]);
  });

  for (const split of ['dev', 'test'] as const) {
    it(`stays above the quality floors of the ${split} split (hash embedder, dictionaries on)`, async () => {
      const questions = await readQuestions(resolve(root, splits[split]));
      const report = await evaluate(loadConfig({ EMBEDDINGS: 'hash', CORPUS_DIR: seedsDir }), questions);
      expect(checkFloors(report, floors[split])).toEqual([]);
      // A floor above what can be reached is reported, so the check itself can fail.
      expect(checkFloors(report, { 'answers.extractive+dict.all.factHit': 1.01 })).toHaveLength(1);
      // The dictionary must help English questions over French communiqués (cross-language retrieval).
      if (split === 'dev') expect(report.retrieval['hybrid+dict']!['en']!.recallAt1).toBeGreaterThan(report.retrieval['hybrid']!['en']!.recallAt1);
    }, 240_000);
  }
});
