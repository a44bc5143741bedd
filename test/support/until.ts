/** Polls until `ok` holds; on timeout it throws with what it last saw, so a check after it cannot pass on a stale value. */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms; last saw ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
