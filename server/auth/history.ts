/**
 * Turns an applied transaction into rows of the record (server/audit/chain.ts EVENT_KIND): positions
 * recorded/changed/removed, sponsorship joined/left (draft and paragraph level), amendments proposed,
 * edited, co-signed, withdrawn, accepted, rejected, paragraph status and the negotiation phase.
 * Read from the transaction's changed keys after the update is applied, so the rows describe what
 * the document now says, not what the client claimed.
 *
 * Amendment edits (its text or drafting fields) are throttled: at most one 'amendment-edited' row per
 * amendment per actor per minute (EditThrottle), and never more than one per update. The row marks the
 * start of a burst of edits; the text itself lives in the document.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { NEGOTIATION_ROOT, splitKey } from '../../shared/negotiation/layout.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import type { HistoryEvent } from './store.ts';

type Change = Omit<HistoryEvent, 'draftId' | 'at' | 'actor'>;
type Action = 'add' | 'update' | 'delete';

const TRACKED_ROOTS: readonly string[] = [...Object.values(NEGOTIATION_ROOT), 'sponsors'];
/** Amendment fields whose change counts as an edit (status, cosigners and bookkeeping are recorded otherwise or not at all). */
const EDIT_FIELDS = new Set(['kind', 'target', 'after', 'paragraphKind', 'level', 'rationale', 'text']);

const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v ?? null);

function rootName(doc: Y.Doc, type: object): string | null {
  for (const [name, t] of doc.share) if (t === type) return name;
  return null;
}

/** The amendment id when `type` is an amendment's nested map. */
function amendmentIdOf(doc: Y.Doc, type: { _item: Y.Item | null } | null | undefined): string | null {
  const item = type?._item;
  if (!item || typeof item.parentSub !== 'string') return null;
  return item.parent instanceof Y.Map && rootName(doc, item.parent) === NEGOTIATION_ROOT.amendments ? item.parentSub : null;
}

const STATUS_KIND: Record<string, string> = {
  withdrawn: EVENT_KIND.amendmentWithdrawn, accepted: EVENT_KIND.amendmentAccepted, rejected: EVENT_KIND.amendmentRejected,
};

/** Rows for one transaction on `doc` (only roots of the negotiation layer and `sponsors`). */
export function changesOf(doc: Y.Doc, tr: Y.Transaction): Change[] {
  const out: Change[] = [];
  const edited = new Map<string, Set<string>>();
  const markEdit = (id: string, field: string): void => { edited.set(id, (edited.get(id) ?? new Set()).add(field)); };
  for (const [type, keys] of tr.changed) {
    if (type instanceof Y.Text) {
      const id = type._item?.parentSub === 'text' ? amendmentIdOf(doc, type._item.parent as Y.AbstractType<unknown> | null) : null;
      if (id) markEdit(id, 'text');
      continue;
    }
    if (!(type instanceof Y.Map)) continue;
    const map = type as Y.Map<unknown>;
    const name = type._item === null ? rootName(doc, type) : null;
    const actions = new Y.YMapEvent(map, tr, keys).changes.keys;
    for (const key of keys) {
      if (key === null) continue;
      const action = (actions.get(key)?.action ?? (map.has(key) ? 'update' : 'delete')) as Action;
      const value = map.has(key) ? plain(map.get(key)) : null;
      const previous = plain(actions.get(key)?.oldValue);
      if (name !== null) {
        const change = rootChange(name, key, value, action, previous);
        if (change) out.push(change);
        continue;
      }
      const amendmentId = amendmentIdOf(doc, type);
      if (amendmentId) {
        if (key === 'status') {
          out.push({ kind: STATUS_KIND[String(value)] ?? EVENT_KIND.amendmentStatus, target: amendmentId, detail: { status: value, previous } });
        } else if (EDIT_FIELDS.has(key)) {
          markEdit(amendmentId, key);
        }
        continue;
      }
      // An amendment's `cosigners` map (key = delegation).
      const cosigned = type._item?.parentSub === 'cosigners' ? amendmentIdOf(doc, type._item.parent as Y.AbstractType<unknown> | null) : null;
      if (cosigned) {
        out.push(action === 'delete'
          ? { kind: EVENT_KIND.amendmentCosignWithdrawn, target: cosigned, detail: { delegation: key } }
          : { kind: EVENT_KIND.amendmentCosigned, target: cosigned, detail: { delegation: key, ...(value as object) } });
      }
    }
  }
  for (const [id, fields] of edited) {
    const text = ((doc.getMap(NEGOTIATION_ROOT.amendments).get(id) as Y.Map<unknown> | undefined)?.get('text'));
    out.push({ kind: EVENT_KIND.amendmentEdited, target: id,
      detail: { fields: [...fields].sort(), ...(text instanceof Y.Text ? { length: text.length } : {}) } });
  }
  return out;
}

function membership(action: Action): 'joined' | 'left' | 'changed' {
  return action === 'add' ? 'joined' : action === 'delete' ? 'left' : 'changed';
}

function rootChange(root: string, key: string, value: unknown, action: Action, previous: unknown): Change | null {
  const removed = action === 'delete';
  switch (root) {
    case NEGOTIATION_ROOT.positions: {
      const [target, delegation] = splitKey(key) ?? [key, ''];
      const change = action === 'add' ? 'recorded' : action === 'delete' ? 'removed' : 'changed';
      return { kind: EVENT_KIND.position, target,
        detail: removed ? { delegation, change, removed: true, previous } : { delegation, change, ...(value as object), ...(action === 'update' ? { previous } : {}) } };
    }
    case NEGOTIATION_ROOT.paragraphSponsors: {
      const [target, delegation] = splitKey(key) ?? [key, ''];
      return { kind: EVENT_KIND.paragraphSponsor, target,
        detail: removed ? { delegation, change: 'left', removed: true } : { delegation, change: membership(action), ...(value as object) } };
    }
    case 'sponsors':
      return { kind: EVENT_KIND.sponsor, target: key,
        detail: removed ? { change: 'left', removed: true } : { change: membership(action), ...(value as object) } };
    case NEGOTIATION_ROOT.status:
      return { kind: EVENT_KIND.paragraphStatus, target: key, detail: removed ? { removed: true, previous } : { ...(value as object), previous } };
    case NEGOTIATION_ROOT.control:
      return { kind: key === 'phase' ? EVENT_KIND.phase : EVENT_KIND.control, target: 'draft', detail: { key, value, previous } };
    case NEGOTIATION_ROOT.amendments: {
      if (removed) return { kind: EVENT_KIND.amendmentRemoved, target: key, detail: { removed: true } };
      const v = (value ?? {}) as Record<string, unknown>;
      return { kind: EVENT_KIND.amendmentProposed, target: key,
        detail: { author: v.author, kind: v.kind, target: v.target, status: v.status, ...(action === 'update' ? { replaced: true } : {}) } };
    }
    default:
      return null;
  }
}

/** Throttles 'amendment-edited' rows: one per amendment per actor per `windowMs` (default one minute). */
export class EditThrottle {
  private readonly last = new Map<string, number>();
  constructor(private readonly windowMs = 60_000) {}

  /** True when a row should be written for this amendment and actor at `now` (and notes it). */
  take(amendmentId: string, actor: Actor | null, now: number): boolean {
    const key = `${amendmentId}\u0000${actor ? `${actor.role}\u0000${actor.participant}` : ''}`;
    const prev = this.last.get(key);
    if (prev !== undefined && now - prev < this.windowMs) return false;
    if (this.last.size > 5000) for (const [k, t] of this.last) if (now - t >= this.windowMs) this.last.delete(k);
    this.last.set(key, now);
    return true;
  }
}

/**
 * Applies `update` to `doc` with `origin` and returns the rows it produced. Throws like Y.applyUpdate.
 * Without a throttle every edit-bearing update yields its 'amendment-edited' row.
 */
export function applyRecording(
  doc: Y.Doc, update: Uint8Array, origin: unknown, actor: Actor | null, draftId: string, throttle?: EditThrottle,
): HistoryEvent[] {
  // Roots first named by an incoming update are created as untyped AbstractTypes; define the ones
  // we read as maps so their changes are visible as Y.Map changes.
  for (const name of TRACKED_ROOTS) {
    try {
      doc.getMap(name);
    } catch {
      // Defined with another type (the gate refuses writes to it anyway); nothing to record there.
    }
  }
  const changes: Change[] = [];
  const onTr = (tr: Y.Transaction): void => { changes.push(...changesOf(doc, tr)); };
  doc.on('afterTransaction', onTr);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('afterTransaction', onTr);
  }
  const now = Date.now();
  const at = new Date(now).toISOString();
  return changes
    .filter((c) => c.kind !== EVENT_KIND.amendmentEdited || !throttle || throttle.take(c.target, actor, now))
    .map((c) => ({ ...c, draftId, at, actor }));
}
