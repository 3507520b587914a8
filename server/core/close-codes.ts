/**
 * Named WebSocket close codes. The 4400-4499 range mirrors HTTP 4xx: y-websocket 3 treats it as
 * permanent and stops reconnecting, which is what we want for every deliberate refusal below.
 * 1011 stays in the transient range so clients retry after a server-side fault.
 */
export const CLOSE = {
  /** The frame could not be decoded, or carried an undecodable Yjs update / awareness payload. */
  malformedFrame: { code: 4400, reason: 'malformed-frame' },
  /** Reserved for the permissions issue: no or bad token. */
  unauthorized: { code: 4401, reason: 'unauthorized' },
  /** The draft id in the URL does not exist. Sent before any data. */
  draftNotFound: { code: 4404, reason: 'draft-not-found' },
  /** An update was refused by the UpdateGate (e.g. missing permission). */
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
