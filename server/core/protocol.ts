/**
 * y-websocket wire format, decoded into a discriminated union. Decoding never throws: anything
 * that does not parse exactly (unknown type, truncated length prefix, trailing bytes, bad JSON in
 * awareness) comes back as `{ kind: 'invalid', reason }` so the room can close the session by name.
 *
 * Frame = varUint messageType, then
 *   0 sync:      varUint syncType (0 step1 | 1 step2 | 2 update), varUint8Array payload
 *   1 awareness: varUint8Array awarenessUpdate
 *   2 auth:      varUint authType (0 permission denied), varString reason
 *   3 queryAwareness: nothing
 *   10 refused (server → client only): varString JSON {reason, detail}, sent before a refusal close
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, refused: 10 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

/** One client's entry in an awareness update. `state === null` means the client left. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }
  | { kind: 'auth-denied'; reason: string }
  | { kind: 'invalid'; reason: string };

/** Thrown only inside this module; always caught by `decodeMessage`. */
class Malformed extends Error {}

/** Reads a length-prefixed byte array, checking the prefix against what is actually there. */
function readBytes(d: decoding.Decoder): Uint8Array {
  const len = readUint(d);
  if (len > d.arr.length - d.pos) throw new Malformed(`length prefix ${len} exceeds remaining ${d.arr.length - d.pos} bytes`);
  // Copy: callers keep the bytes (stored, broadcast) and must not pin the socket's buffer.
  const out = d.arr.slice(d.pos, d.pos + len);
  d.pos += len;
  return out;
}

function readUint(d: decoding.Decoder): number {
  if (d.pos >= d.arr.length) throw new Malformed('unexpected end of frame');
  try {
    const n = decoding.readVarUint(d);
    if (!Number.isSafeInteger(n) || n < 0) throw new Malformed('varint out of range');
    return n;
  } catch (e) {
    throw e instanceof Malformed ? e : new Malformed('unexpected end of frame');
  }
}

function readString(d: decoding.Decoder): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readBytes(d));
}

function expectEnd(d: decoding.Decoder): void {
  if (d.pos !== d.arr.length) throw new Malformed(`${d.arr.length - d.pos} trailing bytes`);
}

/** Parses the body of an awareness update (the payload of a type-1 message). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] | { invalid: string } {
  try {
    const d = decoding.createDecoder(update);
    const n = readUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientID = readUint(d);
      const clock = readUint(d);
      const raw = readString(d);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new Malformed('awareness state is not JSON');
      }
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
        throw new Malformed('awareness state must be an object or null');
      }
      entries.push({ clientID, clock, state: parsed as Record<string, unknown> | null });
    }
    expectEnd(d);
    return entries;
  } catch (e) {
    return { invalid: e instanceof Error ? e.message : 'bad awareness update' };
  }
}

/** Encodes awareness entries exactly as y-protocols' encodeAwarenessUpdate does. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientID);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}

/** Decodes one client frame. Never throws. */
export function decodeMessage(frame: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(frame);
    const type = readUint(d);
    switch (type) {
      case MESSAGE.sync: {
        const syncType = readUint(d);
        const payload = readBytes(d);
        expectEnd(d);
        if (syncType === SYNC.step1) return { kind: 'sync-step1', stateVector: payload };
        if (syncType === SYNC.step2) return { kind: 'sync-step2', update: payload };
        if (syncType === SYNC.update) return { kind: 'sync-update', update: payload };
        return { kind: 'invalid', reason: `unknown sync message type ${syncType}` };
      }
      case MESSAGE.awareness: {
        const payload = readBytes(d);
        expectEnd(d);
        const entries = decodeAwarenessUpdate(payload);
        if ('invalid' in entries) return { kind: 'invalid', reason: entries.invalid };
        return { kind: 'awareness', entries };
      }
      case MESSAGE.queryAwareness:
        expectEnd(d);
        return { kind: 'query-awareness' };
      case MESSAGE.auth: {
        const authType = readUint(d);
        if (authType !== 0) return { kind: 'invalid', reason: `unknown auth message type ${authType}` };
        const reason = readString(d);
        expectEnd(d);
        return { kind: 'auth-denied', reason };
      }
      default:
        return { kind: 'invalid', reason: `unknown message type ${type}` };
    }
  } catch (e) {
    return { kind: 'invalid', reason: e instanceof Error ? e.message : 'undecodable frame' };
  }
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => { encoding.writeVarUint(e, MESSAGE.sync); encoding.writeVarUint(e, SYNC.step1); encoding.writeVarUint8Array(e, stateVector); });

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => { encoding.writeVarUint(e, MESSAGE.sync); encoding.writeVarUint(e, SYNC.step2); encoding.writeVarUint8Array(e, update); });

export const encodeSyncUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => { encoding.writeVarUint(e, MESSAGE.sync); encoding.writeVarUint(e, SYNC.update); encoding.writeVarUint8Array(e, update); });

export const encodeAwareness = (entries: readonly AwarenessEntry[]): Uint8Array =>
  frame((e) => { encoding.writeVarUint(e, MESSAGE.awareness); encoding.writeVarUint8Array(e, encodeAwarenessUpdate(entries)); });

export const encodeQueryAwareness = (): Uint8Array => frame((e) => encoding.writeVarUint(e, MESSAGE.queryAwareness));

export const encodeAuthDenied = (reason: string): Uint8Array =>
  frame((e) => { encoding.writeVarUint(e, MESSAGE.auth); encoding.writeVarUint(e, 0); encoding.writeVarString(e, reason); });

/**
 * An awareness message with zero entries: a no-op for y-websocket clients, but it resets their
 * 30 s "no message received" watchdog when a client is alone in a room (we never echo its own
 * awareness back, unlike the stock server).
 */
export const KEEPALIVE = frame((e) => { encoding.writeVarUint(e, MESSAGE.awareness); encoding.writeVarUint8Array(e, new Uint8Array([0])); });

/** Why the server refused something the client sent. `detail` is human-readable. */
export interface Refusal {
  reason: string;
  detail: string;
}

/** Penholder's own message (type 10): tells a client why its update was refused, before the close. */
export const encodeRefused = (refusal: Refusal): Uint8Array =>
  frame((e) => { encoding.writeVarUint(e, MESSAGE.refused); encoding.writeVarString(e, JSON.stringify(refusal)); });

/** Reads a type-10 frame; null for any other frame or a malformed one. */
export function decodeRefused(bytes: Uint8Array): Refusal | null {
  try {
    const d = decoding.createDecoder(bytes);
    if (readUint(d) !== MESSAGE.refused) return null;
    const parsed: unknown = JSON.parse(readString(d));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { reason, detail } = parsed as Record<string, unknown>;
    return typeof reason === 'string' ? { reason, detail: typeof detail === 'string' ? detail : '' } : null;
  } catch {
    return null;
  }
}
