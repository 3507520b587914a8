/**
 * Opens rooms lazily from the store and closes them (with compaction) once nobody has been in
 * them for a grace period. Also keeps the draft list's title/symbol in step with the document.
 */
import * as Y from 'yjs';
import { readResolutionFromYDoc } from '../../shared/resolution/ydoc.ts';
import type { DocStore, DraftMeta } from './storage.ts';
import { LocalFanout, type Fanout } from './fanout.ts';
import { Room, type UpdateGate } from './room.ts';
import type { AwarenessStamp } from './awareness.ts';
import type { CloseSpec } from './close-codes.ts';
import type { HistoryEvent } from '../auth/store.ts';
import type { Session } from './session.ts';

export interface RoomRegistryOptions {
  store: DocStore;
  fanout?: Fanout;
  gate?: UpdateGate;
  awarenessStamp?: AwarenessStamp;
  /** Where history rows of applied updates go (the access store's events table). */
  history?: (events: HistoryEvent[]) => Promise<void>;
  maxFrameBytes?: number;
  compactAfter?: number;
  /** How long an empty room stays loaded. Default 10 s. */
  unloadGraceMs?: number;
  /** Delay before list metadata (title, symbol) is refreshed after edits. Default 1 s. */
  metaDebounceMs?: number;
  /** Idle time after which a session gets a keepalive frame. Default 10 s. */
  keepaliveIdleMs?: number;
  log?: (message: string) => void;
}

/** Loads a draft's stored log into a fresh doc; a stored row that fails to apply is skipped and logged. */
export async function loadDoc(store: DocStore, draftId: string, log?: (m: string) => void): Promise<{ doc: Y.Doc; lastSeq: number; rows: number }> {
  const rows = await store.loadUpdates(draftId);
  const doc = new Y.Doc();
  let lastSeq = 0;
  doc.transact(() => {
    for (const row of rows) {
      try {
        Y.applyUpdate(doc, row.data);
      } catch (e) {
        log?.(`draft ${draftId}: stored update ${row.seq} skipped: ${e instanceof Error ? e.message : String(e)}`);
      }
      lastSeq = Math.max(lastSeq, row.seq);
    }
  });
  return { doc, lastSeq, rows: rows.length };
}

/** Title and symbol for the draft list; tolerant of a half-built document. */
export function listFields(doc: Y.Doc): Partial<Pick<DraftMeta, 'title' | 'symbol' | 'kind'>> {
  try {
    const r = readResolutionFromYDoc(doc);
    return { title: r.title, symbol: r.symbol, kind: r.kind };
  } catch {
    const meta = doc.getMap<unknown>('meta');
    const symbol = meta.get('symbol');
    return typeof symbol === 'string' ? { symbol } : {};
  }
}

export class RoomRegistry {
  readonly store: DocStore;
  private readonly opts: RoomRegistryOptions;
  private readonly fanout: Fanout;
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | null>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly metaTimers = new Map<string, NodeJS.Timeout>();
  private readonly keepaliveTimer: NodeJS.Timeout;
  private isStopped = false;

  constructor(opts: RoomRegistryOptions) {
    this.opts = opts;
    this.store = opts.store;
    this.fanout = opts.fanout ?? new LocalFanout();
    const idle = opts.keepaliveIdleMs ?? 10_000;
    this.keepaliveTimer = setInterval(() => {
      const now = Date.now();
      for (const room of this.rooms.values()) room.keepalive(now, idle);
    }, Math.max(50, Math.floor(idle / 2)));
    this.keepaliveTimer.unref();
  }

  /** The loaded room, if any. */
  peek(draftId: string): Room | undefined {
    return this.rooms.get(draftId);
  }

  /** True once `stop` was called: no room will be opened any more. */
  get stopped(): boolean {
    return this.isStopped;
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Returns the room for a draft, loading it if needed; null if the draft does not exist. */
  async acquire(draftId: string): Promise<Room | null> {
    if (this.isStopped) return null;
    const pendingUnload = this.unloading.get(draftId);
    if (pendingUnload) await pendingUnload;
    const open = this.rooms.get(draftId);
    if (open) {
      this.armUnload(open);
      return open;
    }
    let loading = this.loading.get(draftId);
    if (!loading) {
      loading = this.load(draftId).finally(() => this.loading.delete(draftId));
      this.loading.set(draftId, loading);
    }
    const room = await loading;
    if (room) this.armUnload(room);
    return room;
  }

  private async load(draftId: string): Promise<Room | null> {
    const meta = await this.store.getDraftMeta(draftId);
    if (!meta) return null;
    const { doc, lastSeq, rows } = await loadDoc(this.store, draftId, this.opts.log);
    const room = new Room({
      draftId, doc, lastSeq, logSize: rows,
      store: this.store, fanout: this.fanout, gate: this.opts.gate, awarenessStamp: this.opts.awarenessStamp, history: this.opts.history,
      maxFrameBytes: this.opts.maxFrameBytes, compactAfter: this.opts.compactAfter, log: this.opts.log,
      onEmpty: (r) => this.armUnload(r),
      onUpdate: (r) => this.scheduleMeta(r),
    });
    this.rooms.set(draftId, room);
    return room;
  }

  /** Unloads the room after the grace period unless a session is in it by then. */
  private armUnload(room: Room): void {
    clearTimeout(this.unloadTimers.get(room.draftId));
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.draftId);
      if (room.sessionCount === 0 && this.rooms.get(room.draftId) === room) void this.unload(room, { compact: true });
    }, this.opts.unloadGraceMs ?? 10_000);
    timer.unref();
    this.unloadTimers.set(room.draftId, timer);
  }

  private scheduleMeta(room: Room): void {
    if (this.metaTimers.has(room.draftId)) return;
    const timer = setTimeout(() => void this.refreshMeta(room), this.opts.metaDebounceMs ?? 1000);
    timer.unref();
    this.metaTimers.set(room.draftId, timer);
  }

  private async refreshMeta(room: Room): Promise<void> {
    clearTimeout(this.metaTimers.get(room.draftId));
    this.metaTimers.delete(room.draftId);
    if (this.rooms.get(room.draftId) !== room) return;
    try {
      await this.store.updateDraftMeta(room.draftId, listFields(room.doc));
    } catch (e) {
      this.opts.log?.(`draft ${room.draftId}: list metadata refresh failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private unload(room: Room, options: { compact: boolean }): Promise<void> {
    const existing = this.unloading.get(room.draftId);
    if (existing) return existing;
    const p = (async () => {
      clearTimeout(this.unloadTimers.get(room.draftId));
      this.unloadTimers.delete(room.draftId);
      if (this.metaTimers.has(room.draftId)) {
        await room.flush();
        if (options.compact) await this.refreshMeta(room);
      }
      clearTimeout(this.metaTimers.get(room.draftId));
      this.metaTimers.delete(room.draftId);
      await room.close(options);
      if (this.rooms.get(room.draftId) === room) this.rooms.delete(room.draftId);
    })().finally(() => this.unloading.delete(room.draftId));
    this.unloading.set(room.draftId, p);
    return p;
  }

  /** Closes the open sessions of a draft that `pick` selects (e.g. a revoked invitation's). */
  closeSessions(draftId: string, pick: (s: Session) => boolean, spec: CloseSpec): number {
    return this.rooms.get(draftId)?.closeWhere(pick, spec) ?? 0;
  }

  /** Closes every session of a draft with `spec` and unloads it without compacting (e.g. deletion). */
  async evict(draftId: string, spec: CloseSpec): Promise<void> {
    const loading = this.loading.get(draftId);
    if (loading) await loading;
    const room = this.rooms.get(draftId);
    if (!room) return;
    room.closeAll(spec);
    await this.unload(room, { compact: false });
  }

  /** Shutdown: closes all sessions, stores pending updates, compacts and unloads every room. */
  async stop(spec: CloseSpec): Promise<void> {
    this.isStopped = true;
    clearInterval(this.keepaliveTimer);
    await Promise.all([...this.loading.values()]);
    await Promise.all([...this.rooms.values()].map(async (room) => {
      room.closeAll(spec);
      await this.unload(room, { compact: true });
    }));
    await Promise.all([...this.unloading.values()]);
  }
}
