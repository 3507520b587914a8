/**
 * Turns an applied transaction into history rows: changes to positions, sponsorship (draft and
 * paragraph level), amendments (creation and status), paragraph status and the negotiation phase.
 * Read from the transaction's changed keys after the update is applied, so the rows describe what
 * the document now says, not what the client claimed.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { NEGOTIATION_ROOT, splitKey } from '../../shared/negotiation/layout.ts';
import type { HistoryEvent } from './store.ts';

type Change = Omit<HistoryEvent, 'draftId' | 'at' | 'actor'>;

const TRACKED_ROOTS: readonly string[] = [...Object.values(NEGOTIATION_ROOT), 'sponsors'];

const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v ?? null);

function rootName(doc: Y.Doc, type: object): string | null {
  for (const [name, t] of doc.share) if (t === type) return name;
  return null;
}

/** History rows for one transaction on `doc` (only roots of the negotiation layer and `sponsors`). */
export function changesOf(doc: Y.Doc, tr: Y.Transaction): Change[] {
  const out: Change[] = [];
  for (const [type, keys] of tr.changed) {
    if (!(type instanceof Y.Map)) continue;
    const map = type as Y.Map<unknown>;
    const name = type._item === null ? rootName(doc, type) : null;
    for (const key of keys) {
      if (key === null) continue;
      const value = map.has(key) ? plain(map.get(key)) : null;
      const removed = !map.has(key);
      if (name !== null) {
        const change = rootChange(name, key, value, removed);
        if (change) out.push(change);
        continue;
      }
      // A nested map: an amendment's fields live in a Y.Map under the amendments root.
      const parent = type._item?.parent;
      const amendmentId = type._item?.parentSub;
      if (key === 'status' && amendmentId && parent instanceof Y.Map && rootName(doc, parent) === NEGOTIATION_ROOT.amendments) {
        out.push({ kind: 'amendment-status', target: amendmentId, detail: { status: value } });
      }
    }
  }
  return out;
}

function rootChange(root: string, key: string, value: unknown, removed: boolean): Change | null {
  switch (root) {
    case NEGOTIATION_ROOT.positions: {
      const [target, delegation] = splitKey(key) ?? [key, ''];
      return { kind: 'position', target, detail: removed ? { delegation, removed: true } : { delegation, ...(value as object) } };
    }
    case NEGOTIATION_ROOT.paragraphSponsors: {
      const [target, delegation] = splitKey(key) ?? [key, ''];
      return { kind: 'paragraph-sponsor', target, detail: removed ? { delegation, removed: true } : { delegation, ...(value as object) } };
    }
    case 'sponsors':
      return { kind: 'sponsor', target: key, detail: removed ? { removed: true } : value };
    case NEGOTIATION_ROOT.status:
      return { kind: 'paragraph-status', target: key, detail: removed ? { removed: true } : value };
    case NEGOTIATION_ROOT.control:
      return { kind: key === 'phase' ? 'phase' : 'control', target: 'draft', detail: { key, value } };
    case NEGOTIATION_ROOT.amendments: {
      if (removed) return { kind: 'amendment', target: key, detail: { removed: true } };
      const v = (value ?? {}) as Record<string, unknown>;
      return { kind: 'amendment', target: key, detail: { author: v.author, kind: v.kind, target: v.target, status: v.status } };
    }
    default:
      return null;
  }
}

/** Applies `update` to `doc` with `origin` and returns the history rows it produced. Throws like Y.applyUpdate. */
export function applyRecording(doc: Y.Doc, update: Uint8Array, origin: unknown, actor: Actor | null, draftId: string): HistoryEvent[] {
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
  const at = new Date().toISOString();
  return changes.map((c) => ({ ...c, draftId, at, actor }));
}
