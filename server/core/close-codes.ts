/**
 * Named WebSocket close codes. The 4400-4499 range mirrors HTTP 4xx: y-websocket 3 treats it as
 * permanent and stops reconnecting, which is what we want for every deliberate refusal below.
 * 1011 stays in the transient range so clients retry after a server-side fault.
 */
export const CLOSE = {
  /** The frame could not be decoded, or carried an undecodable Yjs update / awareness payload. */
  malformedFrame: { code: 4400, reason: 'malformed-frame' },
  /** No token, or a token nobody issued. Sent before any data. */
  unauthorized: { code: 4401, reason: 'unauthorized' },
  /** The token was revoked (at connect time, or while the session was open). */
  tokenRevoked: { code: 4401, reason: 'token-revoked' },
  /** A valid token for another draft. Sent before any data. */
  forbidden: { code: 4403, reason: 'forbidden' },
  /** The draft id in the URL does not exist. Sent before any data. */
  draftNotFound: { code: 4404, reason: 'draft-not-found' },
  /** An update was refused by the UpdateGate (a 'refused' message with the reason precedes it). */
  updateRejected: { code: 4409, reason: 'update-rejected' },
  /** The draft was deleted while the session was open. */
  draftDeleted: { code: 4410, reason: 'draft-deleted' },
  /** The frame exceeded the configured maximum size. */
  frameTooLarge: { code: 4413, reason: 'frame-too-large' },
  /** The client reads too slowly and its outgoing buffer overflowed; transient (45xx), it resyncs on reconnect. */
  slowConsumer: { code: 4503, reason: 'too-slow' },
  /** The server is shutting down; clients should reconnect later. */
  goingAway: { code: 1001, reason: 'server-shutdown' },
  /** Persisting or applying failed on the server side; transient, clients retry. */
  internalError: { code: 1011, reason: 'internal-error' },
} as const;

export type CloseName = keyof typeof CLOSE;
export type CloseSpec = (typeof CLOSE)[CloseName];
