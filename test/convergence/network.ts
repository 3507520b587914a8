/**
 * An in-memory, adversarial network between N Y.Docs for convergence tests. Messages are the
 * y-protocols sync messages y-websocket uses (update, sync step 1, sync step 2). The network delays,
 * reorders, duplicates and drops them according to a seeded PRNG; dropped updates are recovered by a
 * periodic sync-step exchange between peers, like y-websocket's resync.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

export { prng, type Rng } from '../helpers/prng.ts';
import type { Rng } from '../helpers/prng.ts';

/** Fault model of the network, as probabilities per message and ticks of delay. */
export interface Faults {
  drop: number;
  duplicate: number;
  /** Max extra delay in ticks; delivery order among due messages is random too. */
  maxDelay: number;
}

interface Message { from: number; to: number; at: number; data: Uint8Array }

/** Origin used for transactions applied by the network (so they are not re-broadcast as local edits). */
const remote = (peer: number): { remoteFrom: number } => ({ remoteFrom: peer });

export class Network {
  readonly docs: Y.Doc[];
  private queue: Message[] = [];
  private tick = 0;
  /** Counters for the test report. */
  readonly stats = { sent: 0, delivered: 0, dropped: 0, duplicated: 0, resyncs: 0 };

  constructor(docs: Y.Doc[], private rng: Rng, private faults: Faults) {
    this.docs = docs;
    docs.forEach((doc, i) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Forward local edits only; remote ones reached us from their author and are forwarded by them.
        if (typeof origin === 'object' && origin !== null && 'remoteFrom' in origin) return;
        const enc = encoding.createEncoder();
        syncProtocol.writeUpdate(enc, update);
        this.broadcast(i, encoding.toUint8Array(enc));
      });
    });
  }

  private send(from: number, to: number, data: Uint8Array, faulty = true): void {
    this.stats.sent++;
    if (faulty && this.rng.chance(this.faults.drop)) {
      this.stats.dropped++;
      return;
    }
    const delay = faulty ? this.rng.int(this.faults.maxDelay + 1) : 0;
    this.queue.push({ from, to, at: this.tick + delay, data });
    if (faulty && this.rng.chance(this.faults.duplicate)) {
      this.stats.duplicated++;
      this.queue.push({ from, to, at: this.tick + this.rng.int(this.faults.maxDelay + 1), data });
    }
  }

  private broadcast(from: number, data: Uint8Array): void {
    for (let to = 0; to < this.docs.length; to++) if (to !== from) this.send(from, to, data);
  }

  /** Apply one message at its receiver; a sync step 1 produces a sync step 2 reply. */
  private deliver(m: Message, faulty: boolean): void {
    this.stats.delivered++;
    const dec = decoding.createDecoder(m.data);
    const reply = encoding.createEncoder();
    syncProtocol.readSyncMessage(dec, reply, this.docs[m.to], remote(m.from));
    if (encoding.length(reply) > 0) this.send(m.to, m.from, encoding.toUint8Array(reply), faulty);
  }

  /** Ask `a` to start a sync-step exchange with `b` (what y-websocket does on (re)connect/resync). */
  resync(a: number, b: number, faulty = true): void {
    this.stats.resyncs++;
    const enc = encoding.createEncoder();
    syncProtocol.writeSyncStep1(enc, this.docs[a]);
    this.send(a, b, encoding.toUint8Array(enc), faulty);
  }

  /** Advance time by one tick: deliver due messages in random order; every `resyncEvery` ticks, resync a random pair. */
  step(resyncEvery = 3): void {
    this.tick++;
    const due = this.queue.filter((m) => m.at <= this.tick);
    this.queue = this.queue.filter((m) => m.at > this.tick);
    while (due.length > 0) {
      const [m] = due.splice(this.rng.int(due.length), 1);
      this.deliver(m, true);
    }
    if (this.tick % resyncEvery === 0 && this.docs.length > 1) {
      const a = this.rng.int(this.docs.length);
      let b = this.rng.int(this.docs.length - 1);
      if (b >= a) b++;
      this.resync(a, b);
    }
  }

  /** Heal the network: deliver everything in flight, then full pairwise sync-step exchanges without faults. */
  settle(): void {
    for (let guard = 0; this.queue.length > 0 && guard < 10_000; guard++) {
      const m = this.queue.shift() as Message;
      this.deliver(m, false);
    }
    for (let round = 0; round < 3; round++) {
      for (let a = 0; a < this.docs.length; a++) for (let b = 0; b < this.docs.length; b++) if (a !== b) this.resync(a, b, false);
      for (let guard = 0; this.queue.length > 0 && guard < 10_000; guard++) this.deliver(this.queue.shift() as Message, false);
    }
  }

  /** Messages still in flight. */
  get inFlight(): number {
    return this.queue.length;
  }
}
