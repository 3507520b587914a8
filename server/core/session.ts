/**
 * What a Room needs from a connection. No websocket types: the HTTP adapter wraps a socket, tests
 * use plain objects. Extend here (e.g. an authenticated user) when permissions land.
 */
export interface Session {
  /** Unique per connection; used as the fanout origin so a sender never gets its own update back. */
  readonly id: string;
  /** Sends one binary frame. Must not throw if the connection is already gone. */
  send(bytes: Uint8Array): void;
  /** Closes the connection with a named code and reason. Idempotent. */
  close(code: number, reason: string): void;
}
