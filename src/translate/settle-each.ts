/**
 * Runs `work` on every item at once and waits for all: a rejection becomes null plus its message in `failures`,
 * and an abort of `signal` resolves at once with null for every item not finished (not counted as a failure).
 */
export async function settleEach<T, R>(items: readonly T[], work: (item: T) => Promise<R | null>, signal?: AbortSignal): Promise<{ results: Array<R | null>; failures: string[] }> {
  if (signal?.aborted) return { results: items.map(() => null), failures: [] };
  const failures: string[] = [];
  const results: Array<R | null> = items.map(() => null);
  const all = Promise.all(
    items.map(async (item, i) => {
      try {
        results[i] = await work(item);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }),
  );
  if (!signal) await all;
  else {
    let onAbort!: () => void;
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', (onAbort = () => resolve()), { once: true }));
    await Promise.race([all, aborted]);
    signal.removeEventListener('abort', onAbort);
  }
  // After an abort the work goes on in the background; what it finishes later no longer changes this answer.
  return { results: signal?.aborted ? results.map(() => null) : results, failures: signal?.aborted ? [] : failures };
}
