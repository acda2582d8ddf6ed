import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';

/** Options of {@link createProcessChain}. */
export interface ProcessChainOptions {
  /** Name used in error messages (e.g. the Apertium mode). */
  name: string;
  /** Longest wait for one block; past it the chain is killed and every waiting block fails. */
  timeoutMs: number;
  /** Time between SIGTERM and SIGKILL when the chain is stopped. */
  killGraceMs: number;
}

/** A pipeline of long-lived processes that answers NUL-terminated blocks in order. */
export interface ProcessChain {
  /**
   * Writes one block (which must not contain NUL) followed by NUL and resolves with the next NUL-terminated block
   * the last process writes. Starts the processes on first use and again after any of them died or hung.
   */
  run(block: string): Promise<string>;
  /** Process ids of the running chain, first to last (empty when it is not running). */
  pids(): number[];
  /** Stops the processes (SIGTERM, then SIGKILL) and waits until they have exited. */
  close(): Promise<void>;
}

interface Waiting {
  resolve: (block: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Running {
  processes: ChildProcess[];
  waiting: Waiting[];
  output: string;
  stderr: string;
  stopped: boolean;
  exited: Promise<void>;
  deaths: Array<{ command: string; how: string }>;
}

/** How long after a process's death the chain is stopped: time for the rest of the chain's exits and stderr. */
const DEATH_SETTLE_MS = 25;

/** The death that explains the others: one not caused by the broken pipe, or else the first. */
function describeDeaths(deaths: Running['deaths']): string {
  const cause = deaths.find((d) => d.how !== 'SIGPIPE') ?? deaths[0]!;
  return `${cause.command} exited (${cause.how})`;
}

/** Lets the event loop end while the chain is idle: a waiting block's timer keeps it alive, the processes do not. */
function unrefProcess(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as Socket | null)?.unref?.();
}

/**
 * Runs `stages` (argument vectors, e.g. an Apertium mode's programs in null-flush mode) as one pipeline of child
 * processes connected by OS pipes, without a shell, and keeps it running between blocks: a block costs only its
 * own processing, not the start-up of every program. A process that dies or a block that times out stops the
 * whole chain (the processes' buffers can no longer be matched to blocks); the next block starts a fresh one.
 */
export function createProcessChain(stages: ReadonlyArray<readonly string[]>, options: ProcessChainOptions): ProcessChain {
  if (stages.length === 0 || stages.some((s) => s.length === 0)) throw new Error(`${options.name}: empty process chain`);
  let current: Running | null = null;

  function stop(running: Running, reason: string): void {
    if (running.stopped) return;
    running.stopped = true;
    if (current === running) current = null;
    const detail = running.stderr.trim() ? ` (stderr: ${running.stderr.trim().slice(-200)})` : '';
    for (const w of running.waiting.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error(`${options.name}: ${reason}${detail}`));
    }
    for (const child of running.processes) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.ref(); // Until it has exited, so that close() can wait for it.
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), options.killGraceMs).unref();
    }
  }

  function start(): Running {
    const processes: ChildProcess[] = [];
    const exits: Promise<void>[] = [];
    const running: Running = { processes, waiting: [], output: '', stderr: '', stopped: false, exited: Promise.resolve(), deaths: [] };
    let previous: ChildProcess | undefined;
    for (const [command, ...args] of stages) {
      const child = spawn(command!, args, { stdio: [previous?.stdout ?? 'pipe', 'pipe', 'pipe'] });
      // The next process owns the pipe now; the parent's copy of its read end would only keep it open.
      previous?.stdout?.destroy();
      processes.push(child);
      exits.push(new Promise((resolve) => (child.once('exit', () => resolve()), child.once('error', () => resolve()))));
      child.once('error', (error) => stop(running, `${command} could not run: ${error.message}`));
      child.once('exit', (code, signal) => {
        running.deaths.push({ command: command!, how: signal ?? `code ${code}` });
        // Wait a moment: the others die of the broken pipe too, and the first one's stderr may still be in transit.
        if (running.deaths.length === 1) setTimeout(() => stop(running, describeDeaths(running.deaths)), DEATH_SETTLE_MS);
      });
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (text: string) => (running.stderr = (running.stderr + text).slice(-1000)));
      unrefProcess(child);
      previous = child;
    }
    running.exited = Promise.all(exits).then(() => {});
    processes[0]!.stdin!.on('error', () => {}); // EPIPE after a death; the exit handler reports it.
    const last = processes.at(-1)!.stdout!;
    last.setEncoding('utf8');
    last.on('data', (text: string) => {
      running.output += text;
      for (let end = running.output.indexOf('\0'); end >= 0; end = running.output.indexOf('\0')) {
        const block = running.output.slice(0, end);
        running.output = running.output.slice(end + 1);
        const waiter = running.waiting.shift();
        if (!waiter) return stop(running, 'wrote a block nobody asked for');
        clearTimeout(waiter.timer);
        waiter.resolve(block);
      }
    });
    return running;
  }

  return {
    run(block) {
      const running = current ?? (current = start());
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => stop(running, `no answer within ${options.timeoutMs} ms`), options.timeoutMs);
        running.waiting.push({ resolve, reject, timer });
        running.processes[0]!.stdin!.write(`${block}\0`);
      });
    },
    pids: () => current?.processes.flatMap((p) => (p.pid === undefined ? [] : [p.pid])) ?? [],
    async close() {
      const running = current;
      if (!running) return;
      stop(running, 'closed');
      await running.exited;
    },
  };
}
