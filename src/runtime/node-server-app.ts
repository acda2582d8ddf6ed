import { prepareTagger } from '../answer/analyse-question.js';
import { createAnswerer } from '../answer/create-answerer.js';
import { createChatModel } from '../answer/create-chat-model.js';
import { peopleNames } from '../answer/extract-answer.js';
import { loadPromptTemplate } from '../answer/load-prompt.js';
import type { AppConfig } from '../config/config.js';
import { describeEmbedder } from '../embeddings/embedder-info.js';
import { handleClientError } from '../server/handle-client-error.js';
import { createNodeApp } from '../server/node-app.js';
import { createTranslator } from '../translate/create-translator.js';
import { createAnswerChecker } from '../verify/check-answer.js';
import { createVerifier } from '../verify/create-verifier.js';
import type { Runtime } from './node-runtime.js';

/**
 * The Node server's application on an opened runtime: chat model, translator, claim checker and answerer wired
 * into the app, each step logged. This module's imports hold the answer pipeline's language libraries (compromise,
 * eld, chrono-node: about 2 s of CPU), so `npm start`'s entry point imports it only once it listens.
 */
export async function createServerApp(config: AppConfig, runtime: Runtime, say: (line: string) => void) {
  say(`Embeddings: ${describeEmbedder(runtime.embeddings.info)}${runtime.embeddings.fallbackReason ? ` (fallback: ${runtime.embeddings.fallbackReason})` : ''}`);
  const chatModel = await createChatModel(config.llm);
  // A line is written once the current response has gone out: stdout (a pipe or a file) is written synchronously,
  // and a request's line is logged before its response is sent; the write, which wakes the reader, delayed it.
  const logLine = (fields: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), ...fields });
    setImmediate(() => console.log(line));
  };
  const translator = createTranslator(config.translation, { chatModel, model: config.llm.model, log: (message) => logLine({ level: 'warn', message }), keep: (text) => peopleNames(text, runtime.knowledge) });
  say(`Translation: ${translator.info.name} (${translator.info.reason})`);
  const verifier = createVerifier({ knowledge: runtime.knowledge, translator });
  const checkAnswer = chatModel ? createAnswerChecker(verifier, config.llm.unsupported) : undefined;
  const answerer = createAnswerer({ chatModel, llm: config.llm, promptTemplate: chatModel ? loadPromptTemplate() : undefined, knowledge: runtime.knowledge, translator, checkAnswer });
  say(chatModel ? `Answers: LLM ${config.llm.provider}/${config.llm.model}, extractive fallback` : 'Answers: extractive (set LLM_PROVIDER for generated answers)');
  const { app } = createNodeApp({ config, runtime, answerer, translator, verifier, log: logLine });
  return { app, translator, handleClientError, prepareTagger };
}
