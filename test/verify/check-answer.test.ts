import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { createChatModel } from '../../src/answer/create-chat-model.js';
import { loadPromptTemplate } from '../../src/answer/load-prompt.js';
import type { AskEvent } from '../../src/answer/types.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { createAnswerChecker, type UnsupportedMode } from '../../src/verify/check-answer.js';
import { createVerifier } from '../../src/verify/create-verifier.js';
import { startFakeOpenAI, type RecordedRequest } from '../helpers/fake-openai.js';
import { seedsRuntime } from '../helpers/seeds-runtime.js';

let runtime: Runtime;
let cleanup: () => Promise<void>;
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let script: (request: RecordedRequest) => string;

beforeAll(async () => {
  ({ runtime, cleanup } = await seedsRuntime());
  fake = await startFakeOpenAI((request) => ({ text: script(request) }));
});
afterAll(async () => {
  await fake.close();
  await cleanup();
});

async function answerer(mode: UnsupportedMode = 'flag') {
  const llm = loadConfig({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_UNSUPPORTED: mode }).llm;
  const checkAnswer = createAnswerChecker(createVerifier({ knowledge: runtime.knowledge }), llm.unsupported);
  return createAnswerer({ chatModel: await createChatModel(llm), llm, promptTemplate: loadPromptTemplate(), knowledge: runtime.knowledge, checkAnswer });
}

const QUESTION = 'Combien de délégations ont participé à la conférence de solidarité sur les Vénézuéliens ?';
/** Numbers of the passages the model was sent, by whether their text contains a string. */
const passagesWith = (request: RecordedRequest, needle: string, has: boolean) =>
  [...request.messages[1]!.content.matchAll(/<passage n="(\d+)"[^>]*>([\s\S]*?)<\/passage>/g)].filter((m) => m[2]!.includes(needle) === has).map((m) => Number(m[1]));

describe('LLM answers checked sentence by sentence', () => {
  it('cites the supporting sentence, not the chunk, for a faithful answer', async () => {
    script = () => '120 délégations ont participé à la conférence de solidarité [1]. Des ONG et des pays donateurs y ont participé [1].';
    const result = await (await answerer()).ask({ question: QUESTION }, runtime.retriever);
    expect(result.claims!.map((c) => c.verdict)).toEqual(['supported', 'supported']);
    const first = result.citations.find((c) => c.n === result.claims![0]!.citations[0])!;
    expect(first.quote).toMatch(/^120 délégations y ont participé/);
    expect(first.quote.length).toBeLessThan(400);
    for (const c of result.citations) expect(runtime.retriever.index.documents.get(c.source)!.text.slice(c.start, c.end)).toBe(c.quote);
    for (const claim of result.claims!) expect(result.answer.slice(claim.start, claim.end)).toBe(claim.text);
  });

  it('flags a changed number with the number the communiqué gives', async () => {
    script = () => '120 délégations ont participé à la conférence [1]. Le nombre de Vénézuéliens ayant quitté leur pays pourrait atteindre 8 millions de personnes d’ici fin 2020 [1].';
    const result = await (await answerer()).ask({ question: QUESTION }, runtime.retriever);
    expect(result.claims![1]).toMatchObject({ verdict: 'contradicted', difference: { claimed: '8 millions', kind: 'number' }, citations: [] });
    expect(result.claims![1]!.difference!.found).toMatch(/6,5 millions/);
    // The flagged sentence stays, without a marker that would claim support.
    expect(result.answer).toContain('8 millions de personnes d’ici fin 2020.');
  });

  it('flags an invented sentence, or drops it with LLM_UNSUPPORTED=drop', async () => {
    script = () => '120 délégations ont participé à la conférence [1]. La conférence a créé un fonds de trois milliards d’euros pour la Colombie [2].';
    const flagged = await (await answerer('flag')).ask({ question: QUESTION }, runtime.retriever);
    expect(flagged.claims!.map((c) => c.verdict)).toEqual(['supported', 'not_found']);
    expect(flagged.answer).toMatch(/Colombie\.$/);
    const dropped = await (await answerer('drop')).ask({ question: QUESTION }, runtime.retriever);
    expect(dropped.answer).not.toMatch(/Colombie/);
    expect(dropped.answer).toMatch(/^120 délégations ont participé à la conférence \[1\]\.$/);
    expect(dropped.claims![1]).toMatchObject({ verdict: 'not_found', dropped: true });
  });

  it('corrects a marker that points at a passage without the evidence', async () => {
    script = (request) => `120 délégations ont participé à la conférence de solidarité [${passagesWith(request, '120 délégations', false)[0]}].`;
    const result = await (await answerer()).ask({ question: QUESTION }, runtime.retriever);
    expect(result.claims![0]).toMatchObject({ verdict: 'supported', corrected: true });
    const cited = result.citations.find((c) => c.n === result.claims![0]!.citations[0])!;
    expect(cited.quote).toContain('120 délégations');
    expect(result.answer).toBe(`120 délégations ont participé à la conférence de solidarité [${cited.n}].`);
  });

  it('streams the model’s text, then the sentence citations and a done event with claims and the checked text', async () => {
    script = () => '120 délégations ont participé à la conférence [3]. La conférence a créé un fonds pour la Colombie [1].';
    const events: AskEvent[] = [];
    for await (const e of (await answerer()).stream({ question: QUESTION }, runtime.retriever)) events.push(e);
    const deltas = events.filter((e) => e.type === 'delta').map((e) => (e.type === 'delta' ? e.text : '')).join('');
    expect(deltas).toContain('Colombie');
    const citationEvents = events.filter((e) => e.type === 'citations');
    expect(citationEvents).toHaveLength(2);
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    expect(done.done.claims!.map((c) => c.verdict)).toEqual(['supported', 'not_found']);
    expect(done.done.answer).toMatch(/^120 délégations ont participé à la conférence \[1\]\. La conférence a créé un fonds pour la Colombie\.$/);
  });
});
