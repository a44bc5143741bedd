/**
 * A fixed pool of N concurrent clients working through a queue of steps. A step may enqueue the
 * steps it enables (the plan's next edit, the stage-1 reviews after a submission, …), so each
 * client is always busy with the oldest ready step of some plan: exactly N requests in flight.
 */
export type Step = () => Promise<Step[] | void>;

export async function runSteps(initial: Step[], concurrency: number): Promise<void> {
  const queue: Step[] = [...initial];
  let active = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const worker = async () => {
    for (;;) {
      if (failure) return;
      const step = queue.shift();
      if (!step) {
        if (active === 0) return signal();
        await new Promise<void>((r) => {
          const prev = wake;
          wake = () => {
            prev?.();
            r();
          };
        });
        continue;
      }
      active++;
      try {
        const next = await step();
        if (next) queue.push(...next);
      } catch (err) {
        failure ??= err;
      } finally {
        active--;
        signal();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failure) throw failure;
}

/** Runs `fn` over items with at most `concurrency` at once (set-up work). */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
