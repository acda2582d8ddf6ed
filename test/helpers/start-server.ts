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

/** How to start a server process. */
export interface ServerLaunch {
  command: string;
  args: string[];
  cwd: string;
  /** The command starts the server as a child (npm): run it in its own process group and stop the whole group. */
  group?: boolean;
}

const compiledServer: ServerLaunch = { command: process.execPath, args: [resolve(projectRoot, 'dist/cli/serve-command.js')], cwd: projectRoot };

/**
 * Starts the compiled server entry point with plain node, as `npm start` does, and waits for its "ready at" line.
 * dist/ must be built (`npm run build`; the test suite's global setup builds it).
 */
export function startServer(env: Record<string, string>, timeoutMs = 60_000, launch: ServerLaunch = compiledServer): Promise<RunningServer> {
  const child = spawn(launch.command, launch.args, {
    cwd: launch.cwd,
    detached: launch.group ?? false,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
  });
  const kill = (signal: NodeJS.Signals) => (launch.group ? process.kill(-child.pid!, signal) : child.kill(signal));
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      kill('SIGKILL');
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
              kill('SIGTERM');
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
