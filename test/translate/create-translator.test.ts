import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../src/answer/create-chat-model.js';
import { loadConfig } from '../../src/config/config.js';
import { createTranslator } from '../../src/translate/create-translator.js';
import { tempDir } from '../helpers/fixtures.js';

let installed: string;
let empty: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  installed = join(dir, 'apertium');
  empty = join(dir, 'none');
  await mkdir(join(installed, 'modes'), { recursive: true });
  for (const mode of ['fr-es', 'spa-eng', 'eng-spa', 'es-fr']) await writeFile(join(installed, 'modes', `${mode}.mode`), 'cat');
});
afterAll(() => cleanup());

const settings = (env: Record<string, string>) => loadConfig(env).translation;
const chatModel = () => createChatModel({ provider: 'openai', model: 'some-model', openaiBaseUrl: 'http://127.0.0.1:9/v1', ollamaBaseUrl: '', timeoutMs: 1000 });

describe('createTranslator', () => {
  it('auto picks the configured LLM first', async () => {
    const translator = createTranslator(settings({ APERTIUM_DIR: installed }), { chatModel: await chatModel(), model: 'some-model' });
    expect(translator.info).toMatchObject({ engine: 'llm', name: 'some-model', reason: expect.stringMatching(/^auto: /) });
  });

  it('auto picks Apertium without an LLM when its modes are installed, and says why', () => {
    const translator = createTranslator(settings({ APERTIUM_DIR: installed }), { chatModel: null, model: 'extractive' });
    expect(translator.info).toMatchObject({ engine: 'apertium', name: 'apertium' });
    expect(translator.info.reason).toMatch(/^auto: no chat model is configured \(LLM_PROVIDER=none\); Apertium from /);
  });

  it('auto falls back to no translation, naming the Debian packages to install', async () => {
    const translator = createTranslator(settings({ APERTIUM_DIR: empty }), { chatModel: null, model: 'extractive' });
    expect(translator.info.engine).toBe('none');
    expect(translator.info.reason).toMatch(/apt-get install apertium apertium-fr-es apertium-eng-spa/);
    expect(await translator.translate(['Bonjour.'], 'fr', 'en')).toEqual([null]);
  });

  it('TRANSLATION=none turns translation off even when an engine is there', () => {
    const translator = createTranslator(settings({ TRANSLATION: 'none', APERTIUM_DIR: installed }), { chatModel: null, model: 'extractive' });
    expect(translator.info).toEqual({ engine: 'none', name: 'none', reason: 'TRANSLATION=none' });
  });

  it('an engine asked for by name that is not available is a configuration error', () => {
    expect(() => createTranslator(settings({ TRANSLATION: 'apertium', APERTIUM_DIR: empty }), { chatModel: null, model: 'x' })).toThrow(/TRANSLATION=apertium but Apertium modes/);
    expect(() => createTranslator(settings({ TRANSLATION: 'llm' }), { chatModel: null, model: 'x' })).toThrow(/TRANSLATION=llm but no chat model/);
  });

  it('rejects an unknown TRANSLATION value', () => {
    expect(() => settings({ TRANSLATION: 'google' })).toThrow(/TRANSLATION must be one of auto, apertium, llm, none/);
  });
});
