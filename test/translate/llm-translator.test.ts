import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../src/answer/create-chat-model.js';
import { loadTranslatePrompt } from '../../src/translate/create-translator.js';
import { createLlmTranslator } from '../../src/translate/llm-translator.js';
import { startFakeOpenAI, type FakeReply, type RecordedRequest } from '../helpers/fake-openai.js';

let reply: (request: RecordedRequest) => FakeReply;
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
beforeAll(async () => {
  fake = await startFakeOpenAI((request) => reply(request));
});
afterAll(() => fake.close());

/** The texts the translator sent: the JSON array in the last message. */
function sentTexts(request: RecordedRequest): string[] {
  const content = request.messages.at(-1)!.content;
  return JSON.parse(content.slice(content.indexOf('['), content.lastIndexOf(']') + 1));
}

async function llmTranslator(timeoutMs = 5_000) {
  const chatModel = (await createChatModel({ provider: 'openai', model: 'fake-translator', openaiBaseUrl: fake.baseUrl, ollamaBaseUrl: '', timeoutMs }))!;
  const lines: string[] = [];
  const translator = createLlmTranslator({ chatModel, model: 'fake-translator', promptTemplate: loadTranslatePrompt(), timeoutMs, log: (line) => lines.push(line) });
  return { translator, lines };
}

describe('LLM translator against an OpenAI-compatible server', () => {
  it('translates all texts of one call in one request, in order, named after the model, glossary applied', async () => {
    // The fake model "translates" by tagging each text it was sent, so order and count are checked end to end.
    reply = (request) => ({ text: '```json\n' + JSON.stringify(sentTexts(request).map((t, i) => `EN${i}: ${t.replace('Bonjour', 'Hello')}`)) + '\n```' });
    const before = fake.requests.length;
    const { translator, lines } = await llmTranslator();
    const results = await translator.translate(['Bonjour de l’OIM.', '', 'Le HCR salue la décision.'], 'fr', 'en');
    expect(fake.requests.length - before).toBe(1);
    const request = fake.requests.at(-1)!;
    expect(request.messages[0]!.content).toMatch(/from French into English/);
    expect(sentTexts(request)).toEqual(['Bonjour de l’OIM.', 'Le HCR salue la décision.']);
    expect(results).toEqual([
      { text: 'EN0: Hello de l’IOM.', engine: 'fake-translator' },
      null,
      { text: 'EN1: Le UNHCR salue la décision.', engine: 'fake-translator' },
    ]);
    expect(lines).toEqual([]);
  });

  it('returns nulls and logs why when the reply does not hold one string per text', async () => {
    reply = () => ({ text: '["only one"]' });
    const { translator, lines } = await llmTranslator();
    expect(await translator.translate(['Un.', 'Deux.'], 'fr', 'en')).toEqual([null, null]);
    expect(lines).toEqual(['Translation fr→en (fake-translator): 2 of 2 texts untranslated: the reply is not an array of 2 strings']);
  });

  it('returns nulls when the server fails', async () => {
    reply = () => ({ text: '', status: 500 });
    const { translator, lines } = await llmTranslator();
    expect(await translator.translate(['Un.'], 'en', 'fr')).toEqual([null]);
    expect(lines[0]).toMatch(/^Translation en→fr \(fake-translator\): 1 of 1 texts untranslated: /);
  });

  it('returns nulls when the model does not answer within the timeout', async () => {
    reply = (request) => ({ text: JSON.stringify(sentTexts(request)), delayMs: 2_000 });
    const { translator, lines } = await llmTranslator(300);
    expect(await translator.translate(['Un.'], 'fr', 'en')).toEqual([null]);
    expect(lines).toHaveLength(1);
  });
});
