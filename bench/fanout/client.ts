/**
 * One benchmark client: a real y-websocket WebsocketProvider over `ws`, holding the draft body in
 * the tiptap Collaboration encoding. A typist owns one `preambular` paragraph and appends edit
 * markers `[#<client>.<seq>@<monotonic ms>]` to its XmlText, moving its awareness cursor each time;
 * every client decodes incoming updates to timestamp the first sighting of each remote marker.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type { ClientTokens, TrafficCounters } from './types.ts';
import { monoMs } from './procs.ts';

const MARKER_RE = /\[#(\d+)\.(\d+)@(\d+(?:\.\d+)?)\]/g;
const PARAGRAPH_ID_PREFIX = 'bench-t';

/** A fresh zeroed counter set. */
export function emptyTraffic(): TrafficCounters {
  return { sentSync: 0, sentAwareness: 0, recvSync: 0, recvAwareness: 0, recvBytes: 0, echoesToTypists: 0 };
}

function toBytes(data: WebSocket.RawData | Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Whether a sync-update frame carries only structs created by `clientId` (i.e. an echo). */
function isEchoOf(frame: Uint8Array, clientId: number): boolean {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== 0) return false;
  if (decoding.readVarUint(decoder) !== 2) return false;
  const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  return structs.length > 0 && structs.every((s) => s.id.client === clientId);
}

/**
 * A `ws` WebSocket subclass that counts frames per y-websocket message type; one class per client
 * so the counts and the echo check know whose socket it is.
 */
function countingSocket(
  traffic: TrafficCounters,
  echoClientId: () => number | null,
): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      const originalSend = this.send.bind(this) as (data: unknown, ...rest: unknown[]) => void;
      const countedSend = (data: unknown, ...rest: unknown[]): void => {
        if (data instanceof Uint8Array || data instanceof ArrayBuffer) {
          if (toBytes(data)[0] === 1) traffic.sentAwareness++;
          else traffic.sentSync++;
        }
        originalSend(data, ...rest);
      };
      Object.defineProperty(this, 'send', { value: countedSend });
      this.on('message', (data: WebSocket.RawData) => {
        const bytes = toBytes(data);
        traffic.recvBytes += bytes.byteLength;
        if (bytes[0] === 1) {
          traffic.recvAwareness++;
          return;
        }
        traffic.recvSync++;
        const own = echoClientId();
        if (own !== null && isEchoOf(bytes, own)) traffic.echoesToTypists++;
      });
    }
  };
}

/** See the module comment. */
export class BenchClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly body: Y.XmlFragment;
  /** Remote edit keys (`client.seq`) seen live, in arrival order. */
  readonly seen = new Set<string>();
  sent = 0;
  private text: Y.XmlText | null = null;

  constructor(
    readonly index: number,
    readonly typist: boolean,
    wsBase: string,
    room: string,
    traffic: TrafficCounters,
    private readonly latencies: number[],
    tokens?: ClientTokens,
  ) {
    this.body = this.doc.getXmlFragment('body');
    const echoId = typist ? () => this.doc.clientID : () => null;
    this.provider = new WebsocketProvider(wsBase, room, this.doc, {
      WebSocketPolyfill: countingSocket(traffic, echoId) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: tokens ? { token: typist ? tokens.typist : tokens.reader } : {},
    });
    // With a token the server stamps `user` from the invitation (and tells a client claiming another name).
    if (!tokens) this.provider.awareness.setLocalStateField('user', { name: `bench ${index}`, color: '#3366cc' });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) this.recordMarkers(update);
    });
  }

  /** Decodes only the update (cost independent of document size) and records first sightings. */
  private recordMarkers(update: Uint8Array): void {
    const now = monoMs();
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
      for (const m of struct.content.str.matchAll(MARKER_RE)) {
        if (Number(m[1]) === this.index) continue;
        const key = `${m[1]}.${m[2]}`;
        if (this.seen.has(key)) continue;
        this.seen.add(key);
        this.latencies.push(now - Number(m[3]));
      }
    }
  }

  /** A typist adds its own paragraph once connected (tiptap encoding: element + XmlText child). */
  addParagraph(): void {
    if (!this.typist || this.text !== null) return;
    const paragraph = new Y.XmlElement('preambular');
    const text = new Y.XmlText();
    this.doc.transact(() => {
      paragraph.setAttribute('id', `${PARAGRAPH_ID_PREFIX}${this.index}`);
      paragraph.setAttribute('level', '0');
      paragraph.insert(0, [text]);
      this.body.push([paragraph]);
    });
    this.text = text;
  }

  /** Bench paragraphs visible in this client's copy of the body. */
  benchParagraphs(): number {
    let count = 0;
    for (const node of this.body.toArray()) {
      if (node instanceof Y.XmlElement && String(node.getAttribute('id') ?? '').startsWith(PARAGRAPH_ID_PREFIX)) count++;
    }
    return count;
  }

  /** One keystroke-sized edit with an embedded id and send time, then the cursor follows it. */
  typeEdit(moveCursor: boolean): void {
    const text = this.text;
    if (text === null) throw new Error(`client ${this.index} has no paragraph to type into`);
    const seq = this.sent++;
    const marker = `[#${this.index}.${seq}@${monoMs().toFixed(3)}] `;
    this.doc.transact(() => text.insert(text.length, marker));
    if (!moveCursor) return;
    const cursor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    this.provider.awareness.setLocalStateField('cursor', { anchor: cursor, head: cursor });
  }

  /** Edit keys present in the final document, read from the whole body. */
  finalKeys(): Set<string> {
    const keys = new Set<string>();
    for (const m of this.body.toString().matchAll(MARKER_RE)) keys.add(`${m[1]}.${m[2]}`);
    return keys;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
