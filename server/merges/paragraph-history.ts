/**
 * A paragraph's history, read from the record: amendments drafted against it (proposed, co-signed,
 * withdrawn, accepted, rejected), the merges that changed or created it (citing the amendment, its
 * author and co-signers and the chair who accepted it), undone merges, its status, sponsors and positions.
 */
import type * as Y from 'yjs';
import type { ParagraphHistoryEntry } from '../../shared/merge/merge-info.ts';
import { readAmendments } from '../../shared/negotiation/read.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import { amendmentsOfParagraph } from '../audit/paragraph.ts';
import type { StoredEvent } from '../auth/store.ts';
import { mergedDetail } from './log.ts';

const field = (detail: unknown, key: string): string => {
  const v = (detail as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
};
const cosignedBy = (names: readonly string[]): string => (names.length > 0 ? `, co-signed by ${names.join(', ')}` : '');

/** The history of paragraph `paragraphId` from the draft's record rows (`events`, oldest first) and the live doc. */
export function paragraphHistory(doc: Y.Doc, paragraphId: string, events: readonly StoredEvent[]): ParagraphHistoryEntry[] {
  const amendments = new Map(readAmendments(doc).map((a) => [a.id, a] as const));
  // Amendments about this paragraph: those targeting it now, and the insert that created it.
  const related = new Set([...amendments.values()].filter((a) => a.target === paragraphId && paragraphId !== '').map((a) => a.id));
  // ...and those the record ties to it (drafted against it, or merged into it), even if since removed.
  for (const id of amendmentsOfParagraph(paragraphId, events)) related.add(id);
  const out: ParagraphHistoryEntry[] = [];
  for (const e of events) {
    const actor = e.actor?.participant ?? null;
    const base = { at: e.at, kind: e.kind, actor, amendmentId: null, amendmentKind: null, author: null, cosigners: [], acceptedBy: null };
    if (e.target === paragraphId) {
      const m = mergedDetail(e);
      if (m) {
        out.push({ ...base, amendmentId: m.amendmentId, amendmentKind: m.kind, author: m.author, cosigners: m.cosigners, acceptedBy: m.acceptedBy,
          summary: `${m.acceptedBy || 'The chair'} accepted ${m.author}'s ${m.kind} amendment ${m.amendmentId}${cosignedBy(m.cosigners)}` });
        continue;
      }
      if (e.kind === EVENT_KIND.mergeUndone) {
        const id = field(e.detail, 'amendmentId');
        out.push({ ...base, amendmentId: id || null, summary: `${actor ?? 'The chair'} undid the merge of amendment ${id}` });
        continue;
      }
      out.push({ ...base, summary: describeParagraphRow(e) });
      continue;
    }
    if (!related.has(e.target) || !e.kind.startsWith('amendment-')) continue;
    const a = amendments.get(e.target);
    const author = a?.author ?? (field(e.detail, 'author') || null);
    out.push({ ...base, amendmentId: e.target, amendmentKind: a?.kind ?? (field(e.detail, 'kind') || null), author, cosigners: a?.cosigners ?? [],
      acceptedBy: e.kind === EVENT_KIND.amendmentAccepted ? actor : null, summary: describeAmendmentRow(e, author ?? '') });
  }
  return out;
}

function describeParagraphRow(e: StoredEvent): string {
  const d = e.detail;
  switch (e.kind) {
    case EVENT_KIND.paragraphStatus:
      return field(d, 'removed') === 'true' ? 'status cleared' : `status set to ${field(d, 'status')}`;
    case EVENT_KIND.paragraphSponsor:
      return `${field(d, 'delegation')} ${field(d, 'change')} as paragraph sponsor${field(d, 'role') ? ` (${field(d, 'role')})` : ''}`;
    case EVENT_KIND.position:
      return `${field(d, 'delegation')} position ${field(d, 'change')}${field(d, 'stance') ? `: ${field(d, 'stance')}` : ''}`;
    default:
      return e.kind;
  }
}

function describeAmendmentRow(e: StoredEvent, author: string): string {
  const d = e.detail;
  switch (e.kind) {
    case EVENT_KIND.amendmentProposed: return `${author} proposed amendment ${e.target} (${field(d, 'kind')})`;
    case EVENT_KIND.amendmentEdited: return `amendment ${e.target} edited`;
    case EVENT_KIND.amendmentCosigned: return `${field(d, 'delegation')} co-signed amendment ${e.target}`;
    case EVENT_KIND.amendmentCosignWithdrawn: return `${field(d, 'delegation')} withdrew its co-signature of amendment ${e.target}`;
    case EVENT_KIND.amendmentWithdrawn: return `${author} withdrew amendment ${e.target}`;
    case EVENT_KIND.amendmentAccepted: return `amendment ${e.target} accepted`;
    case EVENT_KIND.amendmentRejected: return `amendment ${e.target} rejected`;
    case EVENT_KIND.amendmentStatus: return `amendment ${e.target} set back to ${field(d, 'status')}`;
    default: return `${e.kind} (${e.target})`;
  }
}
