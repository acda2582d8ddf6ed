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
  /** Process id of the running chain's shell, which leads the process group of its programs (null when stopped). */
  pid(): number | null;
  /** Stops the processes (SIGTERM, then SIGKILL) and waits until all of them have exited. */
  close(): Promise<void>;
}

interface Waiting {
  resolve: (block: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Running {
  shell: ChildProcess;
  waiting: Waiting[];
  output: string;
  stderr: string;
  ending: boolean;
  stopped: boolean;
  /** Resolves when the shell and every program of its group have exited. */
  exited: Promise<void>;
}

/** Wait between the first sign of a death and stopping the chain: time for the stderr that explains it. */
const DEATH_SETTLE_MS = 25;

/** A word for `sh -c`, single-quoted. */
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** Signals a process group; false when it has no process left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `stages` (argument vectors, e.g. an Apertium mode's programs in null-flush mode) as one pipeline and keeps
 * it running between blocks: a block costs only its own processing, not the start-up of every program.
 *
 * One `sh` per chain starts the programs, in a process group of their own: Node forks once per chain rather than
 * once per program (a fork of a large server process blocks its event loop for tens of milliseconds), and a
 * signal to the group stops every program. A program that dies (the pipeline's output closes or the shell
 * exits) or a block that times out stops the whole chain, since the programs' buffers can no longer be matched
 * to blocks; every block in flight fails and the next block starts a fresh chain.
 */
export function createProcessChain(stages: ReadonlyArray<readonly string[]>, options: ProcessChainOptions): ProcessChain {
  if (stages.length === 0 || stages.some((s) => s.length === 0)) throw new Error(`${options.name}: empty process chain`);
  // The shell hands its stdin to the first program and its stdout to the last, keeps no copy of either (so the
  // output ends as soon as any program dies: the programs after it see end of input and exit in turn), and waits
  // for the programs, through a SIGTERM to the group too, so that it reaps them itself before it exits.
  const programs = stages.map((argv, i) => `${argv.map(quote).join(' ')} ${i === 0 ? '<&4 ' : ''}${i === stages.length - 1 ? '>&3 ' : ''}3>&- 4<&-`);
  const commandLine = `trap : TERM; exec 3>&1 4<&0 >/dev/null </dev/null; ${programs.join(' | ')} & exec 3>&- 4<&-; until wait; do :; done`;
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
    running.shell.ref(); // Until it has exited, so that close() can wait for it.
    const pgid = running.shell.pid;
    if (pgid === undefined || !signalGroup(pgid, 'SIGTERM')) return;
    setTimeout(() => signalGroup(pgid, 'SIGKILL'), options.killGraceMs).unref();
  }

  function start(): Running {
    const shell = spawn('sh', ['-c', commandLine], { stdio: 'pipe', detached: true });
    const running: Running = { shell, waiting: [], output: '', stderr: '', ending: false, stopped: false, exited: Promise.resolve() };
    const ended = (reason: string) => {
      if (running.ending) return;
      running.ending = true;
      setTimeout(() => stop(running, reason), DEATH_SETTLE_MS);
    };
    running.exited = new Promise<void>((resolve) => {
      const gone = async () => {
        // The shell is gone; its programs may take a moment longer to die of the group signal.
        for (let i = 0; shell.pid !== undefined && signalGroup(shell.pid, 0) && i < 200; i++) await new Promise((r) => setTimeout(r, 10));
        resolve();
      };
      shell.once('exit', gone);
      shell.once('error', gone);
    });
    shell.once('error', (error) => stop(running, `could not start: ${error.message}`));
    shell.once('exit', (code, signal) => ended(`the pipeline ended (${signal ?? `exit code ${code}`})`));
    shell.stdout.once('end', () => ended('a program of the pipeline ended'));
    shell.stdin.on('error', () => {}); // EPIPE after a death; the handlers above report it.
    shell.stderr.setEncoding('utf8');
    shell.stderr.on('data', (text: string) => (running.stderr = (running.stderr + text).slice(-1000)));
    shell.stdout.setEncoding('utf8');
    shell.stdout.on('data', (text: string) => {
      running.output += text;
      for (let end = running.output.indexOf('\0'); end >= 0; end = running.output.indexOf('\0')) {
        const block = running.output.slice(0, end);
        running.output = running.output.slice(end + 1);
        const waiter = running.waiting.shift();
        if (!waiter) return stop(running, 'the pipeline wrote a block nobody asked for');
        clearTimeout(waiter.timer);
        waiter.resolve(block);
      }
    });
    // An idle chain does not keep the event loop alive: a waiting block's timer does.
    shell.unref();
    for (const stream of [shell.stdin, shell.stdout, shell.stderr]) (stream as unknown as Socket).unref();
    return running;
  }

  return {
    run(block) {
      const running = current ?? (current = start());
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => stop(running, `no answer within ${options.timeoutMs} ms`), options.timeoutMs);
        running.waiting.push({ resolve, reject, timer });
        running.shell.stdin!.write(`${block}\0`);
      });
    },
    pid: () => current?.shell.pid ?? null,
    async close() {
      const running = current;
      if (!running) return;
      stop(running, 'closed');
      await running.exited;
    },
  };
}
