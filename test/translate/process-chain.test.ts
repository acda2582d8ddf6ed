import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProcessChain, type ProcessChain } from '../../src/translate/process-chain.js';
import { alive, commandNames, descendants } from '../helpers/processes.js';

const chains: ProcessChain[] = [];
const chainOf = (stages: string[][], timeoutMs = 10_000) => {
  const chain = createProcessChain(stages, { name: 'test', timeoutMs, killGraceMs: 500 });
  chains.push(chain);
  return chain;
};
afterEach(async () => {
  await Promise.all(chains.splice(0).map((c) => c.close()));
});

/** The chain's shell and the programs it runs. */
const processesOf = (chain: ProcessChain) => [chain.pid()!, ...descendants(chain.pid()!)];

describe('createProcessChain', () => {
  it('answers NUL-terminated blocks in order through a chain of long-lived processes', async () => {
    const chain = chainOf([['cat'], ['sed', '-u', '-z', "s/^/l'écho > /"]]);
    const answers = await Promise.all(['un', 'deux\nlignes', 'trois'].map((block) => chain.run(block)));
    expect(answers).toEqual(["l'écho > un", "l'écho > deux\nlignes", "l'écho > trois"]);
    const processes = processesOf(chain);
    expect(commandNames(processes)).toEqual(['sh', 'cat', 'sed']);
    await chain.run('quatre');
    expect(processesOf(chain)).toEqual(processes);
  });

  it('starts a fresh chain for the next block after one of its processes was killed', async () => {
    const chain = chainOf([['cat'], ['cat'], ['cat']]);
    await chain.run('avant');
    const before = processesOf(chain);
    process.kill(before[2]!, 'SIGKILL');
    await vi.waitFor(() => expect(chain.pid()).toBeNull());
    expect(await chain.run('après')).toBe('après');
    expect(chain.pid()).not.toBe(before[0]);
    await vi.waitFor(() => expect(before.filter(alive)).toEqual([]));
  });

  it('fails a block that gets no answer within the timeout and kills the hung chain', async () => {
    const chain = chainOf([['cat'], ['sleep', '600']], 2_000);
    const run = chain.run('bloqué');
    const failed = expect(run).rejects.toThrow(/no answer within 2000 ms/);
    // The shell execs "sleep" a moment after the chain starts (later on a loaded machine): wait for it, well within
    // the chain's timeout, so that the processes checked below are the hung ones.
    let processes: number[] = [];
    await vi.waitFor(() => expect(commandNames((processes = processesOf(chain)))).toContain('sleep'), { timeout: 1_500, interval: 20 });
    await failed;
    expect(chain.pid()).toBeNull();
    await vi.waitFor(() => expect(processes.filter(alive)).toEqual([]));
  });

  it('fails every block in flight when a process dies, with what it wrote to stderr', async () => {
    const chain = chainOf([['cat'], ['sh', '-c', 'echo broken >&2; exit 3']]);
    await expect(Promise.all([chain.run('x'), chain.run('y')])).rejects.toThrow(/test: .*ended.*broken/);
  });

  it('reports a program that cannot be started', async () => {
    const chain = chainOf([['cat'], ['no-such-program-communiques']]);
    await expect(chain.run('x')).rejects.toThrow(/no-such-program-communiques: not found/);
  });

  it('leaves no process behind when closed', async () => {
    const chain = chainOf([['cat'], ['cat'], ['cat']]);
    await chain.run('x');
    const processes = processesOf(chain);
    expect(processes).toHaveLength(4);
    await chain.close();
    expect(processes.filter(alive)).toEqual([]);
    expect(chain.pid()).toBeNull();
  });
});
