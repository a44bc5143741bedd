import { StoredEvent, verifyChain } from '@vufo/engine';
import { decodeCursor, page, PageQuery, pageSize } from '../common/cursor';

/**
 * One page of an audited stream (a plan's, a consolidation's), as the history endpoints show it.
 * A stream is hundreds of events at most: read whole, paged in memory.
 */
export function historyPage(stream: StoredEvent[], q: PageQuery = {}) {
  const after = Number(decodeCursor(q.cursor, ['int'])?.[0] ?? 0);
  const events = stream.filter((e) => e.seq > after);
  const { items, nextCursor } = page(events, pageSize(q.limit, 500, 1000), (e) => [e.seq]);
  return {
    items: items.map((e) => ({
      seq: e.seq,
      type: e.type,
      occurredAt: e.occurredAt,
      actorId: e.actorId,
      actorName: e.actorName,
      actingForName: e.actingForName,
      organizationId: e.organizationId,
      payload: e.payload,
      hash: e.hash,
      prevHash: e.prevHash,
    })),
    nextCursor,
  };
}

/** The hash chain's verdict, as the verify endpoints answer it. */
export function chainVerdict(stream: StoredEvent[]) {
  const verdict = verifyChain(stream);
  return verdict.valid
    ? { valid: true, events: verdict.events }
    : {
        valid: false,
        events: verdict.events,
        brokenAt: verdict.brokenAt.seq,
        reason: verdict.brokenAt.reason,
      };
}
