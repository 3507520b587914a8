/**
 * Delivers encoded frames for a draft to every room replica that holds it. In one process that
 * is just the local Room; a Redis (pub/sub) implementation lets several server processes share a
 * draft: each room publishes what its sessions sent and applies what other processes published.
 */

/** Called for every frame published on a draft, including the subscriber's own publications. */
export type FanoutListener = (frame: Uint8Array, originSessionId: string, originNode: string) => void;

export interface Fanout {
  /** Identifies this process; a listener uses it to tell its own publications from remote ones. */
  readonly nodeId: string;
  publish(draftId: string, frame: Uint8Array, originSessionId: string): void;
  /** Returns the unsubscribe function. */
  subscribe(draftId: string, listener: FanoutListener): () => void;
}

/** Synchronous in-process fanout: publish calls every listener of the draft before returning. */
export class LocalFanout implements Fanout {
  readonly nodeId = 'local';
  private readonly listeners = new Map<string, Set<FanoutListener>>();

  publish(draftId: string, frame: Uint8Array, originSessionId: string): void {
    const set = this.listeners.get(draftId);
    if (!set) return;
    for (const l of [...set]) l(frame, originSessionId, this.nodeId);
  }

  subscribe(draftId: string, listener: FanoutListener): () => void {
    let set = this.listeners.get(draftId);
    if (!set) this.listeners.set(draftId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(draftId);
    };
  }
}
