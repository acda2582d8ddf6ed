import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { seedsDir, tempDir } from './fixtures.js';
import { projectRoot } from './run-command.js';

/** A real `npm start` server process on an ephemeral port. */
export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Starts the server entry point with tsx (as `npm start` does) and waits for its "ready at" line. */
export function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(resolve(projectRoot, 'node_modules/.bin/tsx'), [resolve(projectRoot, 'src/cli/serve-command.ts')], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, timeoutMs);
    const onData = (data: Buffer) => {
      output += data;
      const match = /ready at (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({
          url: match[1]!,
          process: child,
          output: () => output,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/**
 * A real server over a fresh index of the seeds in a temporary folder (built at start, as on a fresh clone).
 * Call the returned `stop` in afterAll: it stops the server and removes the folder.
 */
export async function startSeedsServer(env: Record<string, string> = {}): Promise<RunningServer & { stopAll: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  const server = await startServer({ EMBEDDINGS: 'hash', CORPUS_DIR: seedsDir, INDEX_DIR: join(dir, 'index'), ...env });
  return {
    ...server,
    stopAll: async () => {
      await server.stop();
      await cleanup();
    },
  };
}
