import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { loadConfig } from '../config/config.js';
import { runCli } from './run-cli.js';

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

/** Time since the process was launched and the CPU time it has used, for the start-up log lines (README Performance). */
function sinceLaunch(): string {
  const cpu = process.cpuUsage();
  return `${Math.round(performance.now())} ms after launch, ${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU`;
}

runCli(async () => {
  const started = performance.now();
  const config = loadConfig();
  const say = (line: string) => console.log(line);
  // Listen first: the index and the answer pipeline (whose language libraries take about 2 s of CPU to load) are
  // opened behind the socket, and a request that arrives before they are ready waits for them.
  let appReady!: (fetch: Fetch) => void;
  const ready = new Promise<Fetch>((resolve) => (appReady = resolve));
  const server = serve({ fetch: (request, env) => ready.then((fetch) => fetch(request, env)), hostname: config.server.host, port: config.server.port });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`Error: cannot listen on ${config.server.host}:${config.server.port} (${error.code}); set PORT or HOST.`);
    process.exit(1);
  });
  await once(server, 'listening');
  const info = server.address() as AddressInfo;
  const url = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
  say(`Communiqués is listening at ${url} (started in ${Math.round(performance.now() - started)} ms, ${sinceLaunch()}); opening the index`);
  let closeTranslator = () => Promise.resolve();
  const shutdown = (signal: string) => {
    say(`${signal}: closing`);
    server.close(() => void closeTranslator().finally(() => process.exit(0)));
    // Open streams would keep close() waiting; give them a moment, then go.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  say(`Opening the index in ${config.indexDir}`);
  // The HNSW graphs load in the background (vector searches wait for them) while the answer pipeline is imported.
  const { openRuntime } = await import('../runtime/node-runtime.js');
  const runtime = await openRuntime(config, say, { buildIfMissing: true, graphsInBackground: true });
  const { createServerApp } = await import('../runtime/node-server-app.js');
  const { app, translator, handleClientError, prepareTagger } = await createServerApp(config, runtime, say);
  closeTranslator = () => translator.close();
  server.on('clientError', handleClientError);
  appReady(app.fetch);
  say(`Communiqués is ready at ${url} (${sinceLaunch()})`);
  // A graph that cannot be loaded ends the server as a corrupt index at start would (exit code 4).
  await runtime.retriever.index.graphsLoaded;
  // Then, after the searches that waited for the graphs: the word indexes and the English tagger (made ready
  // otherwise at the first question that needs them) and the full checksums.
  setImmediate(() => {
    runtime.loadKnowledge();
    prepareTagger();
    void runtime.verifyIndex?.();
  });
});
