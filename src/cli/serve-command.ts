import { serve } from '@hono/node-server';
import { createAnswerer } from '../answer/create-answerer.js';
import { createChatModel } from '../answer/create-chat-model.js';
import { loadPromptTemplate } from '../answer/load-prompt.js';
import { loadConfig } from '../config/config.js';
import { describeEmbedder } from '../embeddings/embedder-info.js';
import { handleClientError } from '../server/handle-client-error.js';
import { createNodeApp } from '../server/node-app.js';
import { createTranslator } from '../translate/create-translator.js';
import { createAnswerChecker } from '../verify/check-answer.js';
import { createVerifier } from '../verify/create-verifier.js';
import { runCli } from './run-cli.js';
import { openRuntime } from '../runtime/node-runtime.js';

runCli(async () => {
  const started = performance.now();
  const config = loadConfig();
  const say = (line: string) => console.log(line);
  say(`Opening the index in ${config.indexDir}`);
  // The HNSW graphs load while the server starts listening; vector searches wait for them.
  const runtime = await openRuntime(config, say, { buildIfMissing: true, graphsInBackground: true });
  say(`Embeddings: ${describeEmbedder(runtime.embeddings.info)}${runtime.embeddings.fallbackReason ? ` (fallback: ${runtime.embeddings.fallbackReason})` : ''}`);
  const chatModel = await createChatModel(config.llm);
  const logLine = (fields: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...fields }));
  const translator = createTranslator(config.translation, { chatModel, model: config.llm.model, log: (message) => logLine({ level: 'warn', message }) });
  say(`Translation: ${translator.info.name} (${translator.info.reason})`);
  const verifier = createVerifier({ knowledge: runtime.knowledge, translator });
  const checkAnswer = chatModel ? createAnswerChecker(verifier, config.llm.unsupported) : undefined;
  const answerer = createAnswerer({ chatModel, llm: config.llm, promptTemplate: chatModel ? loadPromptTemplate() : undefined, knowledge: runtime.knowledge, translator, checkAnswer });
  say(chatModel ? `Answers: LLM ${config.llm.provider}/${config.llm.model}, extractive fallback` : 'Answers: extractive (set LLM_PROVIDER for generated answers)');
  const { app } = createNodeApp({
    config,
    runtime,
    answerer,
    translator,
    verifier,
    log: logLine,
  });
  const server = serve({ fetch: app.fetch, hostname: config.server.host, port: config.server.port }, (info) => {
    say(`Communiqués is ready at http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port} (started in ${Math.round(performance.now() - started)} ms, ${Math.round(performance.now())} ms after launch)`);
  });
  server.on('clientError', handleClientError);
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`Error: cannot listen on ${config.server.host}:${config.server.port} (${error.code}); set PORT or HOST.`);
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    say(`${signal}: closing`);
    server.close(() => void translator.close().finally(() => process.exit(0)));
    // Open streams would keep close() waiting; give them a moment, then go.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // A graph that cannot be loaded ends the server as a corrupt index at start would (exit code 4).
  await runtime.retriever.index.graphsLoaded;
  // Then, after the searches that waited for the graphs: the word indexes (read otherwise at the first question
  // that needs them) and the full checksums.
  setImmediate(() => {
    runtime.loadKnowledge();
    void runtime.verifyIndex?.();
  });
});
