/**
 * One open draft: its live Y.Doc, its sessions and its presence. Socket-free: frames come in as
 * bytes through `handleFrame`, go out through `Session.send`.
 *
 * Update pipeline (order matters): size check → decode → vet on a scratch doc → UpdateGate →
 * durable append → apply to the live doc (recording history rows) → fan out to the other sessions
 * → the gate's server-origin follow-up, if any, through the same pipeline (minus the gate).
 * A bad frame closes only its session, with a named code (after a 'refused' message saying why),
 * and never reaches the store or the document.
 */
import * as Y from 'yjs';
import { CLOSE, type CloseSpec } from './close-codes.ts';
import {
  KEEPALIVE, decodeMessage, encodeAwareness, encodeRefused, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate, type AwarenessEntry,
} from './protocol.ts';
import { PresenceTable, type AwarenessStamp } from './awareness.ts';
import { applyRecording, EditThrottle } from '../auth/history.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import type { HistoryEvent } from '../auth/store.ts';
import { checkUpdate } from './update-check.ts';
import type { DocStore } from './storage.ts';
import type { Fanout } from './fanout.ts';
import type { Session } from './session.ts';
import { buildOnClone, RoomClosingError, SerialQueue, serverSession, type ServerWriteResult } from './server-write.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';

export type { Session } from './session.ts';

/** Fanout origin of server-origin updates: matches no session, so everyone receives them. */
const SERVER_ORIGIN = '\u0000server';

export { allowAllGate, MISSING_DEPENDENCIES } from './update-gate.ts';
export type { FollowUp, GateResult, UpdateGate } from './update-gate.ts';
import { InFlightUpdates } from './in-flight.ts';
import { allowAllGate, MISSING_DEPENDENCIES, type FollowUp, type GateResult, type UpdateGate } from './update-gate.ts';

export const DEFAULT_MAX_FRAME_BYTES = 2 * 1024 * 1024;
export const DEFAULT_COMPACT_AFTER = 500;

export interface RoomOptions {
  draftId: string;
  /** Already holds everything in the store's log. The room owns it from now on. */
  doc: Y.Doc;
  /** Highest stored seq already applied to `doc`. */
  lastSeq: number;
  /** Rows currently in the store's log for this draft. */
  logSize: number;
  store: DocStore;
  fanout: Fanout;
  gate?: UpdateGate;
  awarenessStamp?: AwarenessStamp;
  maxFrameBytes?: number;
  /** Compact once the log holds more rows than this. */
  compactAfter?: number;
  /** Called after the last session left. */
  onEmpty?: (room: Room) => void;
  /** Called after each applied update (the registry debounces list-metadata refreshes on it). */
  onUpdate?: (room: Room) => void;
  /** Receives the history rows of each applied update (positions, statuses, sponsorship...). */
  history?: (events: HistoryEvent[]) => Promise<void>;
  log?: (message: string) => void;
}

interface Member {
  session: Session;
  lastSentAt: number;
}

export class Room {
  readonly draftId: string;
  readonly doc: Y.Doc;
  private readonly store: DocStore;
  private readonly fanout: Fanout;
  private readonly gate: UpdateGate;
  /** One 'amendment-edited' row per amendment per actor per minute. */
  private readonly editThrottle = new EditThrottle();
  private readonly maxFrameBytes: number;
  private readonly compactAfter: number;
  private readonly presence: PresenceTable;
  private readonly members = new Map<string, Member>();
  private readonly unsubscribe: () => void;
  private readonly opts: RoomOptions;
  /** Serialises "apply after persist" so the doc sees updates in append order. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Server writes (merges, undo) one at a time, each built on everything accepted before it. */
  private readonly serverWrites = new SerialQueue();
  private lastSeq: number;
  private logSize: number;
  private compaction: Promise<void> | null = null;
  private closed = false;
  private closing = false;
  /** Accepted updates, in append order, not yet applied to `doc` (they wait for the store). */
  private readonly inFlight: InFlightUpdates;

  constructor(opts: RoomOptions) {
    this.opts = opts;
    this.draftId = opts.draftId;
    this.doc = opts.doc;
    this.inFlight = new InFlightUpdates(opts.doc);
    this.store = opts.store;
    this.fanout = opts.fanout;
    this.gate = opts.gate ?? allowAllGate;
    this.maxFrameBytes = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.compactAfter = opts.compactAfter ?? DEFAULT_COMPACT_AFTER;
    const stamp = opts.awarenessStamp;
    this.presence = new PresenceTable((sessionId, clientID, state) => {
      const member = this.members.get(sessionId);
      return stamp && member ? stamp.stamp(member.session, clientID, state) : state;
    });
    this.lastSeq = opts.lastSeq;
    this.logSize = opts.logSize;
    this.unsubscribe = this.fanout.subscribe(this.draftId, (frame, origin, node) => this.deliver(frame, origin, node));
    if (this.logSize > this.compactAfter) this.scheduleCompaction();
  }

  get sessionCount(): number {
    return this.members.size;
  }

  /** Rows in the store's log as far as this room knows (tests, diagnostics). */
  get storedRows(): number {
    return this.logSize;
  }

  /** Adds a session and tells it who is present. The client starts the sync handshake itself. */
  join(session: Session): void {
    // A room being unloaded cannot take sessions; 1001 is transient, so the client reconnects
    // and the registry opens a fresh room.
    if (this.closing) {
      session.close(CLOSE.goingAway.code, CLOSE.goingAway.reason);
      return;
    }
    this.members.set(session.id, { session, lastSentAt: Date.now() });
    const present = this.presence.snapshot();
    if (present.length > 0) this.sendTo(session.id, encodeAwareness(present));
  }

  /** Removes a session (idempotent) and broadcasts the removal of its presence. */
  leave(session: Session): void {
    if (!this.members.delete(session.id)) return;
    const removed = this.presence.removeSession(session.id);
    if (removed.length > 0) this.fanout.publish(this.draftId, encodeAwareness(removed), session.id);
    if (this.members.size === 0) this.opts.onEmpty?.(this);
  }

  /** Closes one session with a named reason and removes it. */
  closeSession(session: Session, spec: CloseSpec, detail?: string): void {
    if (detail) this.opts.log?.(`draft ${this.draftId} session ${session.id}: ${spec.reason} (${detail})`);
    this.leave(session);
    session.close(spec.code, spec.reason);
  }

  /** Tells the session why (a type-10 'refused' message), then closes it. */
  refuse(session: Session, spec: CloseSpec, reason: string, detail: string): void {
    this.sendTo(session.id, encodeRefused({ reason, detail }));
    this.closeSession(session, spec, `${reason}: ${detail}`);
    // The record keeps refusals too (who, why); the detail is capped so a hostile frame cannot bloat it.
    this.opts.history?.([{ draftId: this.draftId, at: new Date().toISOString(), actor: session.identity?.actor ?? null,
      kind: EVENT_KIND.updateRefused, target: 'draft', detail: { reason, detail: detail.slice(0, 500), close: spec.code } }])
      .catch((e: unknown) => this.opts.log?.(`draft ${this.draftId}: history append failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** Closes the sessions matching `pick` (e.g. those of a revoked invitation); returns how many. */
  closeWhere(pick: (session: Session) => boolean, spec: CloseSpec): number {
    const hit = [...this.members.values()].filter((m) => pick(m.session));
    for (const { session } of hit) this.closeSession(session, spec);
    return hit.length;
  }

  /** Closes every session, e.g. when the draft is deleted or the server stops. */
  closeAll(spec: CloseSpec): void {
    for (const { session } of [...this.members.values()]) this.closeSession(session, spec);
  }

  /**
   * Handles one inbound frame. Never throws; the promise settles once the frame's effects (store,
   * doc, broadcast) are done, which tests await.
   */
  handleFrame(session: Session, bytes: Uint8Array): Promise<void> {
    if (!this.members.has(session.id)) return Promise.resolve();
    if (bytes.byteLength > this.maxFrameBytes) {
      this.refuse(session, CLOSE.frameTooLarge, 'frame-too-large', `${bytes.byteLength} bytes > ${this.maxFrameBytes}`);
      return Promise.resolve();
    }
    const msg = decodeMessage(bytes);
    switch (msg.kind) {
      case 'invalid':
        this.refuse(session, CLOSE.malformedFrame, 'malformed-frame', msg.reason);
        return Promise.resolve();
      case 'sync-step1': {
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(this.doc, msg.stateVector);
        } catch {
          this.closeSession(session, CLOSE.malformedFrame, 'bad state vector');
          return Promise.resolve();
        }
        this.sendTo(session.id, encodeSyncStep2(diff));
        // Our step1 makes the client answer with whatever it has that we lack (offline edits).
        this.sendTo(session.id, encodeSyncStep1(Y.encodeStateVector(this.doc)));
        return Promise.resolve();
      }
      case 'sync-step2':
      case 'sync-update':
        return this.receiveUpdate(session, msg.update);
      case 'awareness':
        this.receiveAwareness(session, msg.entries);
        return Promise.resolve();
      case 'query-awareness':
        this.sendTo(session.id, encodeAwareness(this.presence.snapshot()));
        return Promise.resolve();
      case 'auth-denied':
        // Only servers send these; a client echoing one is harmless.
        return Promise.resolve();
    }
  }

  private receiveUpdate(session: Session, update: Uint8Array): Promise<void> {
    // Judge against everything already accepted, stored or not: an accepted status change (a merge,
    // a paragraph agreed) must bind the next update even while it waits for the disk.
    const judged = this.inFlight.judgeAgainst();
    const verdict = checkUpdate(update, Y.decodeStateVector(Y.encodeStateVector(judged)));
    if (!verdict.ok) {
      this.refuse(session, CLOSE.malformedFrame, 'malformed-update', verdict.reason);
      return Promise.resolve();
    }
    if (verdict.redundant) return Promise.resolve();
    const gate = this.runGate(session, update, judged);
    if (gate === 'closed') return Promise.resolve();
    if (gate === 'missing') {
      this.sendTo(session.id, encodeSyncStep1(Y.encodeStateVector(judged)));
      return Promise.resolve();
    }
    return this.accept(session, update, gate.followUp, false).then(() => {});
  }

  /**
   * A server write for `actor` (named in the history rows), e.g. a merge: `build` runs in one transaction
   * on a clone of the live doc once everything accepted is applied; the update then takes the client path
   * (stored, applied, broadcast) minus the gate — the caller checks permissions. Serialised per room; see
   * server-write.ts. Rejects with RoomClosingError (acquire again) or a store failure.
   */
  serverWrite<T>(actor: Actor | null, build: (doc: Y.Doc) => T): Promise<ServerWriteResult<T>> {
    return this.serverWrites.run(async () => {
      for (let t = this.tail; ; t = this.tail) {
        await t;
        if (t === this.tail) break;
      }
      if (this.closing) throw new RoomClosingError(this.draftId);
      const { value, update } = buildOnClone(this.doc, build);
      if (!update) return { value, seq: null };
      const seq = await this.accept(serverSession(actor), update, undefined, true);
      if (seq === null) throw new Error(`draft ${this.draftId}: the server write could not be stored`);
      return { value, seq };
    });
  }

  /** Stores `update` (issued now, so one tick's appends share a commit), then applies it in append order. */
  private accept(session: Session, update: Uint8Array, followUp: FollowUp | undefined, server: boolean): Promise<number | null> {
    this.inFlight.add(update);
    // Append now (appends of one tick share a commit), apply strictly in append order.
    const stored = this.store.appendUpdate(this.draftId, update);
    stored.catch(() => {}); // handled in applyWhenStored; avoids an unhandled rejection meanwhile
    const done = this.tail.then(() => this.applyWhenStored(session, update, stored, followUp, server));
    this.tail = done;
    return done;
  }

  /** Runs the gate on `doc`; closes the session on refusal. 'missing' = update lacks dependencies. */
  private runGate(session: Session, update: Uint8Array, doc: Y.Doc): { followUp?: FollowUp } | 'missing' | 'closed' {
    let gate: GateResult;
    try {
      gate = this.gate.check(session, update, doc);
    } catch (e) {
      this.closeSession(session, CLOSE.internalError, `gate failed: ${e instanceof Error ? e.message : String(e)}`);
      return 'closed';
    }
    if (gate.ok) return { followUp: gate.followUp };
    if (gate.reason === MISSING_DEPENDENCIES) return 'missing';
    this.refuse(session, CLOSE.updateRejected, gate.reason, gate.detail ?? '');
    return 'closed';
  }

  /**
   * `session` sent the update, or (`server`) caused the server-origin one: history rows name its
   * actor. A failing server-origin write is logged; the session that caused it keeps going.
   */
  private async applyWhenStored(
    session: Session, update: Uint8Array, stored: Promise<number>, followUp: FollowUp | undefined, server: boolean,
  ): Promise<number | null> {
    const fail = (what: string, e: unknown): void => {
      const detail = `${what} failed: ${e instanceof Error ? e.message : String(e)}`;
      if (server) this.opts.log?.(`draft ${this.draftId}: server write ${detail}`);
      else this.closeSession(session, CLOSE.internalError, detail);
    };
    let seq: number;
    try {
      seq = await stored;
    } catch (e) {
      this.inFlight.settle(update, true);
      fail('store', e);
      return null;
    }
    this.inFlight.settle(update);
    if (this.closed) return null;
    let events: HistoryEvent[];
    try {
      events = applyRecording(this.doc, update, server ? SERVER_ORIGIN : session, session.identity?.actor ?? null, this.draftId, this.editThrottle);
    } catch (e) {
      fail('apply', e);
      return null;
    }
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.logSize += 1;
    this.fanout.publish(this.draftId, encodeSyncUpdate(update), server ? SERVER_ORIGIN : session.id);
    this.opts.onUpdate?.(this);
    if (followUp) this.writeFollowUp(session, followUp);
    if (events.length > 0 && this.opts.history) {
      await this.opts.history(events).catch((e: unknown) => {
        this.opts.log?.(`draft ${this.draftId}: history append failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    }
    if (this.logSize > this.compactAfter) this.scheduleCompaction();
    return seq;
  }

  /** Builds the follow-up on the live doc and queues it behind everything already accepted. */
  private writeFollowUp(session: Session, followUp: FollowUp): void {
    let next: Uint8Array | null;
    try {
      next = followUp(this.doc);
    } catch (e) {
      this.opts.log?.(`draft ${this.draftId}: server write failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (next) void this.accept(session, next, undefined, true);
  }

  private receiveAwareness(session: Session, entries: AwarenessEntry[]): void {
    const forward = this.presence.apply(session.id, entries);
    if (forward.length > 0) this.fanout.publish(this.draftId, encodeAwareness(forward), session.id);
  }

  /** Fanout listener: our own publications go to local sessions except the origin. */
  private deliver(frame: Uint8Array, originSessionId: string, originNode: string): void {
    if (originNode !== this.fanout.nodeId) {
      // Another process stored this update already; mirror it so our doc and sessions keep up.
      const msg = decodeMessage(frame);
      if (msg.kind === 'sync-update') {
        try {
          Y.applyUpdate(this.doc, msg.update, 'fanout');
        } catch {
          return;
        }
      }
    }
    for (const [id] of this.members) if (id !== originSessionId) this.sendTo(id, frame);
  }

  private sendTo(sessionId: string, frame: Uint8Array): void {
    const m = this.members.get(sessionId);
    if (!m) return;
    m.lastSentAt = Date.now();
    m.session.send(frame);
  }

  /** Sends a no-op frame to sessions idle for `idleMs`, so lone clients' watchdogs stay calm. */
  keepalive(now: number, idleMs: number): void {
    for (const [id, m] of this.members) if (now - m.lastSentAt >= idleMs) this.sendTo(id, KEEPALIVE);
  }

  /** Resolves once every update received so far is stored and applied (and any compaction done). */
  async flush(): Promise<void> {
    for (;;) {
      const t = this.tail;
      await t;
      if (this.compaction) await this.compaction;
      if (t === this.tail && !this.compaction) return;
    }
  }

  private scheduleCompaction(): void {
    if (this.compaction || this.closed) return;
    this.compaction = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compactNow())
      .finally(() => { this.compaction = null; });
  }

  /**
   * Replaces the stored log by one snapshot of the live doc. Every stored seq up to `lastSeq` is
   * applied to the doc (we apply in append order), so the snapshot covers exactly those rows.
   */
  async compactNow(): Promise<void> {
    if (this.logSize <= 1) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const upTo = this.lastSeq;
    const before = this.logSize;
    try {
      await this.store.compact(this.draftId, snapshot, upTo);
      this.logSize = Math.max(1, this.logSize - before + 1);
    } catch (e) {
      this.opts.log?.(`draft ${this.draftId}: compaction failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Waits for pending work, optionally compacts, and releases the doc. Sessions must be gone. */
  async close(options: { compact: boolean }): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.flush();
    if (options.compact) await this.compactNow();
    this.closed = true;
    this.inFlight.drop();
    this.unsubscribe();
    this.doc.destroy();
  }
}
