import type { Actor } from '../../shared/negotiation/layout.ts';

/** Who a session is, as established from its token before it joined. */
export interface SessionIdentity {
  actor: Actor;
  /** The invitation the token belongs to (revoking it closes the session). */
  invitationId: string;
}

/**
 * What a Room needs from a connection. No websocket types: the HTTP adapter wraps a socket, tests
 * use plain objects.
 */
export interface Session {
  /** Unique per connection; used as the fanout origin so a sender never gets its own update back. */
  readonly id: string;
  /** Set for every authenticated connection; absent only in core tests that do not care. */
  readonly identity?: SessionIdentity;
  /** Sends one binary frame. Must not throw if the connection is already gone. */
  send(bytes: Uint8Array): void;
  /** Closes the connection with a named code and reason. Idempotent. */
  close(code: number, reason: string): void;
}
