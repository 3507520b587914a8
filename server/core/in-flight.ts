/**
 * Updates a room has accepted but not yet stored and applied to its live doc, and the "head": the
 * live doc plus those updates. Incoming updates are judged against the head, so an accepted change
 * of permissions (a merge, a paragraph agreed, a phase) binds the next update even while it waits for
 * the disk. The head is built on demand and dropped once nothing is in flight, so a quiet room keeps
 * one document.
 */
import * as Y from 'yjs';

export class InFlightUpdates {
  private readonly pending: Uint8Array[] = [];
  private head: Y.Doc | null = null;

  constructor(private readonly live: Y.Doc) {}

  get size(): number {
    return this.pending.length;
  }

  /** The doc an incoming update is judged against: the live doc, or the head while updates are in flight. */
  judgeAgainst(): Y.Doc {
    return this.pending.length > 0 ? this.headDoc() : this.live;
  }

  /** Records an accepted update (not yet stored), keeping an existing head current. */
  add(update: Uint8Array): void {
    if (this.head) {
      try {
        Y.applyUpdate(this.head, update);
      } catch {
        this.drop();
      }
    }
    this.pending.push(update);
  }

  /** Takes a stored update off the list; `failed`: it will never be stored, so the head is rebuilt from what is. */
  settle(update: Uint8Array, failed = false): void {
    const i = this.pending.indexOf(update);
    if (i >= 0) this.pending.splice(i, 1);
    if (failed || this.pending.length === 0) this.drop();
  }

  private headDoc(): Y.Doc {
    if (!this.head) {
      const head = new Y.Doc({ gc: false });
      Y.applyUpdate(head, Y.encodeStateAsUpdate(this.live));
      for (const u of this.pending) {
        try {
          Y.applyUpdate(head, u);
        } catch {
          // Vetted before it was accepted; a failure here only makes later checks stricter.
        }
      }
      this.head = head;
    }
    return this.head;
  }

  /** Releases the head (also when the room closes). */
  drop(): void {
    this.head?.destroy();
    this.head = null;
  }
}
