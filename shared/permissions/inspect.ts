/**
 * What does a Yjs update touch? `inspectUpdate` decodes an update and, without applying it, resolves
 * every struct and every deleted range to a path in the document (root → paragraph / key → field), so the
 * gate can judge it before the room applies, stores or broadcasts anything.
 *
 * Parent resolution follows Yjs' own integration rules (Item.getMissing): an item carries its parent
 * (a root name or the id of a type's item) only when it has neither origin; otherwise it inherits parent
 * and map key from its left origin, or else its right origin, and becomes garbage (no effect) when either
 * neighbour is garbage-collected. Work is proportional to the update (plus the deleted ranges), never to
 * the document: each lookup in the live doc is a binary search in one client's struct list.
 */
import * as Y from 'yjs';
import { NEGOTIATION_ROOT } from '../negotiation/layout.ts';
import { ROOT } from '../resolution/ydoc.ts';

/** How a body paragraph is touched. 'insert'/'delete' = a top-level block added/removed. */
export type BodyChange = 'text' | 'attrs' | 'insert' | 'delete';
/** Map writes: set a key, delete a key, or edit inside a nested type stored under it. */
export type MapOp = 'set' | 'delete' | 'edit';
/** Decoded kind of a written value. */
export type ValueType = 'any' | 'string' | 'map' | 'text' | 'xmlText' | 'xmlElement' | 'xmlFragment' | 'array' | 'other';

/** Roots of the negotiation layer and the masthead/sponsor maps: plain key → value maps. */
export type MapRoot = 'meta' | 'sponsors' | 'paragraphSponsors' | 'positions' | 'status' | 'control';

export type Effect =
  | { root: 'body'; paragraphId: string; change: BodyChange; nodeName?: string; level?: unknown }
  | { root: MapRoot; key: string; op: MapOp; value?: unknown; valueType?: ValueType }
  | {
    root: 'amendments'; amendmentId: string; op: MapOp;
    /** Absent when the amendment entry itself is set or deleted. */
    field?: string;
    /** Key inside `cosigners`. */
    key?: string;
    /** The amendment's map is created by this very update. */
    created?: boolean;
    value?: unknown; valueType?: ValueType;
  }
  | { root: 'unknown'; name: string };

export type InspectReason = 'missing-dependencies' | 'malformed-update';
export type InspectResult = { ok: true; effects: Effect[] } | { ok: false; reason: InspectReason; detail: string };

const MAP_ROOTS: ReadonlySet<string> = new Set<string>([
  ROOT.meta, ROOT.sponsors, NEGOTIATION_ROOT.paragraphSponsors, NEGOTIATION_ROOT.positions,
  NEGOTIATION_ROOT.status, NEGOTIATION_ROOT.control,
]);

type Struct = Y.Item | Y.GC | Y.Skip;
/** A struct found by id: live (integrated in the doc) or new (from the update). */
type Found = { kind: 'item'; item: Y.Item; live: boolean } | { kind: 'gone' } | { kind: 'missing' };
type Parent = { kind: 'root'; name: string } | { kind: 'item'; item: Y.Item; live: boolean } | { kind: 'gone' } | { kind: 'missing' } | { kind: 'malformed' };
interface Resolved { parent: Parent; sub: string | null }
interface Segment { item: Y.Item; live: boolean; sub: string | null }

/** A struct may only build on earlier clocks of its own client (Yjs would throw mid-apply otherwise). */
function forwardRef(item: Y.Item): boolean {
  const { client, clock } = item.id;
  const p = item.parent as unknown;
  const refs = [item.origin, item.rightOrigin, p instanceof Y.ID ? p : null];
  return refs.some((r) => r !== null && r.client === client && r.clock >= clock);
}

class Fail extends Error {
  constructor(readonly reason: InspectReason, detail: string) { super(detail); }
}

function valueOf(item: Y.Item): { value?: unknown; valueType: ValueType } {
  const c = item.content;
  if (c instanceof Y.ContentAny) return { value: c.arr[c.arr.length - 1] as unknown, valueType: 'any' };
  if (c instanceof Y.ContentString) return { value: c.str, valueType: 'string' };
  if (c instanceof Y.ContentType) {
    const t = c.type;
    if (t instanceof Y.XmlText) return { valueType: 'xmlText' };
    if (t instanceof Y.Text) return { valueType: 'text' };
    if (t instanceof Y.XmlElement) return { value: t.nodeName, valueType: 'xmlElement' };
    if (t instanceof Y.XmlFragment) return { valueType: 'xmlFragment' };
    if (t instanceof Y.XmlHook) return { valueType: 'other' };
    if (t instanceof Y.Map) return { valueType: 'map' };
    if (t instanceof Y.Array) return { valueType: 'array' };
  }
  return { valueType: 'other' };
}

/** Per-client sorted structs of the update, for id lookups within the update. */
class UpdateIndex {
  private readonly byClient = new Map<number, Struct[]>();
  constructor(structs: readonly Struct[]) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s); else this.byClient.set(s.id.client, [s]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }
  find(client: number, clock: number): Struct | null {
    const list = this.byClient.get(client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (clock < s.id.clock) hi = mid - 1;
      else if (clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }
  clients(): IterableIterator<[number, Struct[]]> { return this.byClient.entries(); }
}

class Inspector {
  private readonly store: Y.Doc['store'];
  private readonly rootNames = new Map<unknown, string>();
  private readonly memo = new Map<Y.Item, Resolved>();
  /** Attributes written by the update into containers it creates: container item → key → value. */
  private readonly newAttrs = new Map<Y.Item, Map<string, unknown>>();
  private readonly effects: Effect[] = [];
  private readonly seen = new Set<string>();
  private readonly index: UpdateIndex;

  constructor(private readonly doc: Y.Doc, private readonly structs: readonly Struct[]) {
    this.store = doc.store;
    for (const [name, type] of doc.share) this.rootNames.set(type, name);
    this.index = new UpdateIndex(structs);
  }

  private state(client: number): number { return Y.getState(this.store, client); }

  private find(id: Y.ID): Found {
    if (id.clock < this.state(id.client)) {
      const s = Y.getItem(this.store, id) as Y.Item | Y.GC;
      return s instanceof Y.Item ? { kind: 'item', item: s, live: true } : { kind: 'gone' };
    }
    const s = this.index.find(id.client, id.clock);
    if (s instanceof Y.Item) return { kind: 'item', item: s, live: false };
    if (s instanceof Y.GC) return { kind: 'gone' };
    return { kind: 'missing' };
  }

  private liveParent(item: Y.Item): Resolved {
    const type = item.parent as Y.AbstractType<unknown> | null;
    if (!type) return { parent: { kind: 'gone' }, sub: null };
    const owner = type._item;
    if (owner === null) {
      const name = this.rootNames.get(type) ?? Y.findRootTypeKey(type);
      return { parent: { kind: 'root', name }, sub: item.parentSub };
    }
    return { parent: owner.deleted ? { kind: 'gone' } : { kind: 'item', item: owner, live: true }, sub: item.parentSub };
  }

  /** Parent of a new (update) item with explicit parent info. */
  private explicitParent(item: Y.Item): Resolved {
    const p = item.parent as unknown;
    if (typeof p === 'string') return { parent: { kind: 'root', name: p }, sub: item.parentSub };
    if (!(p instanceof Y.ID)) return { parent: { kind: 'gone' }, sub: null };
    const f = this.find(p);
    if (f.kind !== 'item') return { parent: f, sub: item.parentSub };
    if (!(f.item.content instanceof Y.ContentType)) return { parent: { kind: 'malformed' }, sub: null };
    if (f.live && f.item.deleted) return { parent: { kind: 'gone' }, sub: null };
    return { parent: f, sub: item.parentSub };
  }

  resolve(item: Y.Item, live: boolean): Resolved {
    if (live) return this.liveParent(item);
    const chain: Y.Item[] = [];
    let cur = item;
    let res: Resolved | undefined;
    for (;;) {
      const memo = this.memo.get(cur);
      if (memo) { res = memo; break; }
      if (forwardRef(cur)) { res = { parent: { kind: 'malformed' }, sub: null }; break; }
      if (cur.origin === null && cur.rightOrigin === null) { res = this.explicitParent(cur); break; }
      const left = cur.origin ? this.find(cur.origin) : null;
      const right = cur.rightOrigin ? this.find(cur.rightOrigin) : null;
      if (left?.kind === 'missing' || right?.kind === 'missing') { res = { parent: { kind: 'missing' }, sub: null }; break; }
      if (left?.kind === 'gone' || right?.kind === 'gone') { res = { parent: { kind: 'gone' }, sub: null }; break; }
      const next = left?.kind === 'item' ? left : right?.kind === 'item' ? right : null;
      if (!next) { res = { parent: { kind: 'gone' }, sub: null }; break; }
      if (next.live) { res = this.liveParent(next.item); break; }
      chain.push(cur);
      cur = next.item;
    }
    this.memo.set(cur, res);
    for (const c of chain) this.memo.set(c, res);
    return res;
  }

  /** Segments from the root's child down to `item`, or the reason there is no path. */
  private path(item: Y.Item, live: boolean): { root: string; segs: Segment[] } | Parent {
    const segs: Segment[] = [];
    let cur = item;
    let curLive = live;
    for (let depth = 0; depth < 64; depth++) {
      const r = this.resolve(cur, curLive);
      segs.push({ item: cur, live: curLive, sub: r.sub });
      if (r.parent.kind === 'root') return { root: r.parent.name, segs: segs.reverse() };
      if (r.parent.kind !== 'item') return r.parent;
      cur = r.parent.item;
      curLive = r.parent.live;
    }
    return { kind: 'malformed' };
  }

  /** Pass 1: check clocks and dependencies of every new struct; collect attributes of new containers. */
  prepare(): void {
    for (const [client, list] of this.index.clients()) {
      let expected = this.state(client);
      for (const s of list) {
        if (s.id.clock + s.length <= this.state(client)) continue;
        if (s.id.clock > expected) throw new Fail('missing-dependencies', `client ${client} skips from clock ${expected} to ${s.id.clock}`);
        if (s instanceof Y.Skip) throw new Fail('missing-dependencies', `client ${client} has a gap at clock ${s.id.clock}`);
        expected = s.id.clock + s.length;
        if (!(s instanceof Y.Item)) continue;
        const r = this.resolve(s, false);
        if (r.parent.kind === 'missing') throw new Fail('missing-dependencies', `struct ${client}:${s.id.clock} refers to content the server lacks`);
        if (r.parent.kind === 'malformed') throw new Fail('malformed-update', `struct ${client}:${s.id.clock} has a parent that is not a type`);
        if (r.parent.kind === 'item' && !r.parent.live && r.sub !== null) {
          const attrs = this.newAttrs.get(r.parent.item) ?? new Map<string, unknown>();
          attrs.set(r.sub, valueOf(s).value);
          this.newAttrs.set(r.parent.item, attrs);
        }
      }
    }
  }

  private push(effect: Effect, dedupe: string | null): void {
    if (dedupe !== null) {
      if (this.seen.has(dedupe)) return;
      this.seen.add(dedupe);
    }
    this.effects.push(effect);
  }

  private attr(seg: Segment, key: string): unknown {
    if (!seg.live) return this.newAttrs.get(seg.item)?.get(key);
    const c = seg.item.content;
    return c instanceof Y.ContentType && c.type instanceof Y.XmlElement ? c.type.getAttribute(key) : undefined;
  }

  /** Record the effect of inserting (`deleted` false) or deleting a struct. */
  classify(item: Y.Item, live: boolean, deleted: boolean): void {
    const p = this.path(item, live);
    if (!('segs' in p)) {
      if (p.kind === 'missing') throw new Fail('missing-dependencies', `struct ${item.id.client}:${item.id.clock} refers to content the server lacks`);
      if (p.kind === 'malformed') throw new Fail('malformed-update', `struct ${item.id.client}:${item.id.clock} has no valid path`);
      return; // gone: Yjs turns it into garbage, nothing changes
    }
    const { root, segs } = p;
    const top = segs[0];
    const leaf = segs.length === 1;
    const op: MapOp = leaf ? (deleted ? 'delete' : 'set') : 'edit';
    if (root === ROOT.body) {
      if (top.sub !== null) { this.push({ root: 'body', paragraphId: '', change: 'attrs' }, 'body||attrs'); return; }
      const rawId = this.attr(top, 'id');
      const paragraphId = typeof rawId === 'string' ? rawId : '';
      if (!top.live || leaf) {
        const change: BodyChange = top.live ? 'delete' : deleted ? 'text' : 'insert';
        if (change === 'text') return; // inserted and deleted in the same update: the insert says it all
        const v = valueOf(top.item);
        const nodeName = v.valueType === 'xmlElement' ? String(v.value) : v.valueType;
        this.push({ root: 'body', paragraphId, change, nodeName, level: this.attr(top, 'level') },
          `body|${top.item.id.client}:${top.item.id.clock}|${change}`);
        return;
      }
      const change: BodyChange = segs.length === 2 && segs[1].sub !== null ? 'attrs' : 'text';
      this.push({ root: 'body', paragraphId, change }, `body|${paragraphId}|${change}`);
      return;
    }
    if (root === NEGOTIATION_ROOT.amendments) {
      const amendmentId = top.sub ?? '';
      const created = !top.live;
      if (leaf) {
        this.push({ root: 'amendments', amendmentId, op, created, ...valueOf(item) }, null);
        return;
      }
      const field = segs[1].sub ?? '';
      if (segs.length === 2) {
        const v = deleted ? {} : valueOf(item);
        this.push({ root: 'amendments', amendmentId, field, op: deleted ? 'delete' : 'set', created, ...v }, null);
        return;
      }
      if (segs.length === 3 && segs[2].sub !== null) {
        const v = deleted ? {} : valueOf(item);
        this.push({ root: 'amendments', amendmentId, field, key: segs[2].sub, op: deleted ? 'delete' : 'set', created, ...v }, null);
        return;
      }
      this.push({ root: 'amendments', amendmentId, field, op: 'edit', created }, `am|${amendmentId}|${field}|edit`);
      return;
    }
    if (MAP_ROOTS.has(root)) {
      const key = top.sub ?? '';
      if (leaf && !deleted) this.push({ root: root as MapRoot, key, op, ...valueOf(item) }, null);
      else this.push({ root: root as MapRoot, key, op }, `${root}|${key}|${op}`);
      return;
    }
    this.push({ root: 'unknown', name: root }, `unknown|${root}`);
  }

  /** Pass 2: effects of new structs, then of the delete set. */
  run(ds: { clients: Map<number, { clock: number; len: number }[]> }): Effect[] {
    for (const s of this.structs) {
      if (!(s instanceof Y.Item)) continue;
      if (s.id.clock + s.length <= this.state(s.id.client)) continue;
      this.classify(s, false, false);
    }
    for (const [client, ranges] of ds.clients) {
      const state = this.state(client);
      const live = this.store.clients.get(client) as (Y.Item | Y.GC)[] | undefined;
      for (const { clock, len } of ranges) {
        const end = clock + len;
        if (clock < state && live) {
          const stop = Math.min(end, state);
          for (let i = Y.findIndexSS(live, clock); i < live.length && live[i].id.clock < stop; i++) {
            const s = live[i];
            if (s instanceof Y.Item && !s.deleted) this.classify(s, true, true);
          }
        }
        // Deletions of content created by this same update need no effect of their own; content neither
        // here nor in the update means the client knows something the server does not.
        for (let c = Math.max(clock, state); c < end;) {
          const s = this.index.find(client, c);
          if (!s || s instanceof Y.Skip) throw new Fail('missing-dependencies', `delete of unknown content ${client}:${c}`);
          c = s.id.clock + s.length;
        }
      }
    }
    return this.effects;
  }
}

/**
 * Every place `update` would touch in `doc`, without applying it. `doc` is not modified.
 * Refuses undecodable or inconsistent updates ('malformed-update') and updates that depend on content
 * the server does not have ('missing-dependencies': answer with a resync, not a penalty).
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): InspectResult {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch (e) {
    return { ok: false, reason: 'malformed-update', detail: `undecodable update: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    const inspector = new Inspector(doc, decoded.structs);
    inspector.prepare();
    return { ok: true, effects: inspector.run(decoded.ds) };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, reason: e.reason, detail: e.message };
    return { ok: false, reason: 'malformed-update', detail: e instanceof Error ? e.message : String(e) };
  }
}
