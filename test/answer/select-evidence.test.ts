import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type Answerer } from '../../src/answer/create-answerer.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import { corpusBDir, seedsRuntime } from '../helpers/seeds-runtime.js';

let runtime: Runtime;
let answerer: Answerer;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ runtime, cleanup } = await seedsRuntime({}, corpusBDir));
  answerer = createAnswerer({ knowledge: runtime.knowledge });
});
afterAll(async () => cleanup());

const ask = (question: string) => answerer.ask({ question }, runtime.retriever);

describe('lines under headings', () => {
  it('answers a who-question from the line under the heading that names the body asked about', async () => {
    // "CWUA:" heads Joy Sandy's line, "IWSN:" the two lines before it; Sandy is a dictionary word, a name here.
    const result = await ask('Who is the CWUA contact in Kingstown?');
    expect(result.answerable).toBe(true);
    expect(result.answer.startsWith('Ms. Joy Sandy [1]')).toBe(true);
  });

  it('prefers a line from the communiqué that states every name of the question', async () => {
    // Another communiqué has a "Media contact" line, but it never mentions Geneva.
    const result = await ask('Who is the IWSN media contact in Geneva?');
    expect(result.answer).toMatch(/^Mr\. Peter Marsh \[1\]/);
    expect(result.citations[0]!.source).toBe('b05_hurricane_appeal_en.txt');
  });
});

describe('years', () => {
  it('takes a year from the communiqué\'s date for a sentence that states none', async () => {
    const result = await ask('How much money had the hurricane appeal received in 2022?');
    expect(result.answerable).toBe(true);
    expect(result.answer).toContain('600,000');
  });

  it('refuses when neither the sentence nor its communiqué states the year asked', async () => {
    const result = await ask('How much money had the hurricane appeal received in 2021?');
    expect(result.answerable).toBe(false);
    expect(result.refusalReason).toBe('number_absent');
  });
});

describe('who did it', () => {
  it('answers "who organised" with the agent of the passive, in French and in English', async () => {
    // The forum's opening sentence also names the network's director elsewhere; the agent of "organisé" answers.
    expect((await ask('Qui a organisé le forum de Kisumu ?')).answer).toMatch(/^Le Réseau international pour l'eau et l'assainissement \[1\]/);
    expect((await ask('Who chaired the steering committee of the water fund?')).answer).toMatch(/^Le Dr Koffi Amégan \[1\]/);
  });
});
