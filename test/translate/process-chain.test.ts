import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProcessChain, type ProcessChain } from '../../src/translate/process-chain.js';

const chains: ProcessChain[] = [];
const chainOf = (stages: string[][], timeoutMs = 10_000) => {
  const chain = createProcessChain(stages, { name: 'test', timeoutMs, killGraceMs: 500 });
  chains.push(chain);
  return chain;
};
afterEach(async () => {
  await Promise.all(chains.splice(0).map((c) => c.close()));
});

/** Whether a process id is still alive (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('createProcessChain', () => {
  it('answers NUL-terminated blocks in order through a chain of long-lived processes', async () => {
    const chain = chainOf([['cat'], ['sed', '-u', '-z', 's/^/> /']]);
    const answers = await Promise.all(['un', 'deux\nlignes', 'trois'].map((block) => chain.run(block)));
    expect(answers).toEqual(['> un', '> deux\nlignes', '> trois']);
    const pids = chain.pids();
    expect(pids).toHaveLength(2);
    await chain.run('quatre');
    expect(chain.pids()).toEqual(pids);
  });

  it('starts a fresh chain for the next block after one of its processes was killed', async () => {
    const chain = chainOf([['cat'], ['cat']]);
    await chain.run('avant');
    const [first, second] = chain.pids();
    process.kill(second!, 'SIGKILL');
    await vi.waitFor(() => expect(chain.pids()).not.toContain(second));
    expect(await chain.run('après')).toBe('après');
    expect(chain.pids()).not.toContain(first);
    await vi.waitFor(() => expect(alive(first!)).toBe(false));
  });

  it('fails a block that gets no answer within the timeout and kills the hung chain', async () => {
    const chain = chainOf([['cat'], ['sleep', '600']], 300);
    const run = chain.run('bloqué');
    const pids = chain.pids();
    await expect(run).rejects.toThrow(/no answer within 300 ms/);
    expect(chain.pids()).toEqual([]);
    await vi.waitFor(() => expect(pids.filter(alive)).toEqual([]));
  });

  it('fails every block in flight when a process dies, naming it', async () => {
    const chain = chainOf([['cat'], ['sh', '-c', 'echo broken >&2; exit 3']]);
    await expect(chain.run('x')).rejects.toThrow(/sh exited \(code 3\).*broken/);
  });

  it('reports a program that cannot be started', async () => {
    const chain = chainOf([['cat'], ['no-such-program-communiques']]);
    await expect(chain.run('x')).rejects.toThrow(/no-such-program-communiques could not run/);
  });

  it('leaves no process behind when closed', async () => {
    const chain = chainOf([['cat'], ['cat'], ['cat']]);
    await chain.run('x');
    const pids = chain.pids();
    await chain.close();
    expect(pids.filter(alive)).toEqual([]);
    expect(chain.pids()).toEqual([]);
  });
});
