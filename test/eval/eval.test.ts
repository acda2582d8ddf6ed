import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { checkFloors, evaluate, readQuestions } from '../../src/eval/evaluate.js';
import { seedsDir } from '../helpers/fixtures.js';

const root = resolve(import.meta.dirname, '../..');
const hasDictionaries = existsSync('/usr/share/dictd/freedict-eng-fra.index');
if (!hasDictionaries) console.warn('Skipping the evaluation floors: the FreeDict dictionaries are not installed (apt-get install dict-freedict-eng-fra dict-freedict-fra-eng).');

describe.runIf(hasDictionaries)('npm run eval', () => {
  it('has at least 60 questions in both languages, with 12 the corpus cannot answer', async () => {
    const questions = await readQuestions(resolve(root, 'eval/questions.jsonl'));
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(12);
    for (const kind of ['fr', 'en', 'multi', 'followup']) expect(questions.some((q) => q.kind === kind)).toBe(true);
  });

  it('stays above the quality floors on the communiqués (hash embedder, dictionaries on)', async () => {
    const questions = await readQuestions(resolve(root, 'eval/questions.jsonl'));
    const report = await evaluate(loadConfig({ EMBEDDINGS: 'hash', CORPUS_DIR: seedsDir }), questions);
    const floors = JSON.parse(readFileSync(resolve(root, 'eval/floors.json'), 'utf8'));
    expect(checkFloors(report, floors)).toEqual([]);
    expect(checkFloors(report, { 'answers.extractive+dict.all.factHit': 1.01, 'retrieval.nothing.all.mrr': 0 })).toHaveLength(2);
    // The dictionary must help English questions over French communiqués (issue: cross-language retrieval).
    expect(report.retrieval['hybrid+dict']!['en']!.recallAt1).toBeGreaterThan(report.retrieval['hybrid']!['en']!.recallAt1);
  });
});
