/** Test double for a connection: records what the room sends and how it closed the session. */
import * as Y from 'yjs';
import { decodeMessage, encodeSyncUpdate, type ClientMessage } from './protocol.ts';
import type { Session, SessionIdentity } from './session.ts';

export class FakeSession implements Session {
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  constructor(readonly id: string, readonly identity?: SessionIdentity) {}

  send(bytes: Uint8Array): void {
    if (!this.closedWith) this.sent.push(bytes.slice());
  }

  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }

  /** Decoded messages received so far. */
  messages(): ClientMessage[] {
    return this.sent.map(decodeMessage);
  }

  /** Applies every update-carrying message received so far to a fresh doc. */
  replica(): Y.Doc {
    const doc = new Y.Doc();
    for (const m of this.messages()) if (m.kind === 'sync-step2' || m.kind === 'sync-update') Y.applyUpdate(doc, m.update);
    return doc;
  }
}

/** An edit made on `doc`, captured as the update frame a y-websocket client would send. */
export function editFrame(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array): void => { updates.push(u); };
  doc.on('update', onUpdate);
  edit(doc);
  doc.off('update', onUpdate);
  return encodeSyncUpdate(Y.mergeUpdates(updates));
}
