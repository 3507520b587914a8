/**
 * Building blocks of Room.serverWrite: writes the server makes itself (the chair's merges and their
 * undo), built on a private clone so the live doc only ever changes through the stored-update path.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/negotiation/layout.ts';
import type { Session } from './session.ts';

/** What a server write returns: the builder's value and the stored row (null: nothing changed). */
export interface ServerWriteResult<T> {
  value: T;
  seq: number | null;
}

/** The room is being unloaded: acquire it again and retry. */
export class RoomClosingError extends Error {
  constructor(draftId: string) {
    super(`draft ${draftId}: the room is closing`);
    this.name = 'RoomClosingError';
  }
}

/**
 * Runs `build` on a copy of `live` in one transaction and returns its value and the update it made
 * (null when it changed nothing). `live` is not touched. Throws what `build` throws.
 */
export function buildOnClone<T>(live: Y.Doc, build: (doc: Y.Doc) => T): { value: T; update: Uint8Array | null } {
  const clone = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(clone, Y.encodeStateAsUpdate(live));
    const updates: Uint8Array[] = [];
    clone.on('update', (u: Uint8Array) => { updates.push(u); });
    let value: T | undefined;
    let done = false;
    clone.transact(() => {
      value = build(clone);
      done = true;
    });
    if (!done) throw new Error('server write did not complete');
    return { value: value as T, update: updates.length === 0 ? null : Y.mergeUpdates(updates) };
  } finally {
    clone.destroy();
  }
}

/**
 * The stand-in session of a server write: it carries the actor for the history rows. Nothing is sent
 * to it (server-origin updates go to every real session).
 */
export function serverSession(actor: Actor | null): Session {
  return {
    id: '\u0000server-write',
    ...(actor ? { identity: { actor, invitationId: '' } } : {}),
    send: () => {},
    close: () => {},
  };
}

/** Runs async jobs one after another; a failing job does not stop the next. */
export class SerialQueue {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.last.then(job, job);
    this.last = next.catch(() => {});
    return next;
  }
}
