import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type Answerer } from '../../src/answer/create-answerer.js';
import type { AskResult } from '../../src/answer/types.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import type { FixtureQuestion } from '../helpers/fixtures.js';
import { seedsRuntime } from '../helpers/seeds-runtime.js';

const questions: FixtureQuestion[] = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/questions.json'), 'utf8'));
const offTopic: Array<{ language: string; question: string }> = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/off-topic.json'), 'utf8'));
let answerer: Answerer;
let runtime: Runtime;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ runtime, cleanup } = await seedsRuntime());
  answerer = createAnswerer({ knowledge: runtime.knowledge });
});
afterAll(async () => cleanup());

/** Checks the grounding invariants of one answer against the index's documents. */
function expectGrounded(result: AskResult) {
  const markers = [...result.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const numbers = result.citations.map((c) => c.n);
  expect(new Set(markers)).toEqual(new Set(numbers));
  for (const c of result.citations) {
    const document = runtime.retriever.index.documents.get(c.source)!;
    expect(document.text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.title).toBe(document.title);
  }
}

describe('grounded answers to the fixture questions', () => {
  for (const q of questions) {
    it(`answers "${q.question}" from ${q.source} with the fact /${q.fact}/`, async () => {
      const result = await answerer.ask({ question: q.question }, runtime.retriever);
      expect(result.answerable).toBe(true);
      expect(result.language).toBe(q.language);
      expectGrounded(result);
      expect(result.citations.map((c) => c.source)).toContain(q.source);
      const evidence = [result.answer, ...result.citations.map((c) => c.quote)].join('\n');
      expect(evidence).toMatch(new RegExp(q.fact));
    });
  }
});

describe('refusals', () => {
  for (const q of offTopic) {
    it(`refuses "${q.question}" in its language`, async () => {
      const result = await answerer.ask({ question: q.question }, runtime.retriever);
      expect(result.answerable).toBe(false);
      expect(result.citations).toEqual([]);
      expect(result.answer).toBe(q.language === 'fr' ? 'Je ne trouve pas cette information dans les communiqués.' : 'I could not find this in the communiqués.');
    });
  }

  for (const question of ['What is the capital of Australia?', 'What were the football results last weekend?', 'Quelle est la recette de la tarte tatin ?']) {
    it(`suggests no communiqué for "${question}", which none comes close to`, async () => {
      const result = await answerer.ask({ question }, runtime.retriever);
      expect(result.answerable).toBe(false);
      expect(result.suggestions).toEqual([]);
    });
  }

  it('suggests the communiqué a near-miss question comes close to', async () => {
    // The 2020 EU-IOM communiqué counts the EU-IOM projects of 2015-2019, not of 2012.
    const result = await answerer.ask({ question: 'Combien de projets l’UE et l’OIM ont-ils menés en 2012 ?' }, runtime.retriever);
    expect(result.answerable).toBe(false);
    expect(result.suggestions.map((s) => s.source)).toContain('001_b75e72ff1d10ce48.txt');
  });
});

describe('answer shape', () => {
  it('leads an English answer over French sources with the fact in English, then a line that says the quotes are French', async () => {
    const result = await answerer.ask({ question: 'How many delegations took part in the solidarity conference on Venezuelan refugees and migrants?' }, runtime.retriever);
    const [lead, , source] = result.answer.split('\n');
    expect(lead).toBe('120 delegations [1].');
    expect(source).toMatch(/^According to the communiqué “.+”.*, quoted in the original French:$/);
  });

  it('leads a date question with the date written for the asker', async () => {
    const fr = await answerer.ask({ question: 'Quand Jean Asselborn a-t-il rencontré Antonio Vitorino ?' }, runtime.retriever);
    const en = await answerer.ask({ question: 'When did Jean Asselborn meet Antonio Vitorino?' }, runtime.retriever);
    expect(fr.answer.split('\n')[0]).toBe('Le 28 novembre 2018 [1].');
    expect(en.answer.split('\n')[0]).toBe('On 28 November 2018 [1].');
    expect(en.citations[0]!.quote).toContain('28 novembre 2018');
  });

  it('leads a number question with the sentence that holds a number', async () => {
    const result = await answerer.ask({ question: 'Combien de Vénézuéliens ont quitté leur pays ?' }, runtime.retriever);
    expect(result.citations[0]!.quote).toMatch(/\d/);
  });

  it('answers in the language the request asks for', async () => {
    const result = await answerer.ask({ question: 'Combien de délégations ont participé ?', language: 'en' }, runtime.retriever);
    expect(result.language).toBe('en');
    expect(result.answer).toMatch(/^120 délégations \[1\]\.\n\nAccording to the communiqué/);
  });

  it('carries the subject of the previous question into a short follow-up', async () => {
    const history = [
      { role: 'user' as const, content: 'Quelle coopération existe entre le Luxembourg et l’OIM ?' },
      { role: 'assistant' as const, content: 'D’après les communiqués : …' },
    ];
    const result = await answerer.ask({ question: 'Depuis quand ?', history }, runtime.retriever);
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.source).toBe('000_9a6274aa62985936.txt');
  });

  it('refuses when a filter leaves no communiqué', async () => {
    const result = await answerer.ask({ question: 'Combien de délégations ont participé ?', filters: { from: '2030-01-01' } }, runtime.retriever);
    expect(result.answerable).toBe(false);
  });
});
