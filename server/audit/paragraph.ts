/**
 * The record of one paragraph: rows whose target is the paragraph (positions, status, sponsors, merges)
 * and rows about the amendments drafted against it. Which amendment belongs to which paragraph is read
 * from the record itself (the 'amendment-proposed' row carries the target; a merge row carries the
 * amendment that created or changed the paragraph), so the filter needs no live document and still
 * answers for amendments that were removed since.
 */
import { EVENT_KIND } from './chain.ts';

/** What the filter reads of a row. */
export interface ParagraphFilterRow {
  kind: string;
  target: string;
  detail: unknown;
}

const field = (detail: unknown, key: string): string => {
  const v = typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
};

/** Ids of the amendments about `paragraphId`, from the draft's rows (any order, any kinds). */
export function amendmentsOfParagraph(paragraphId: string, rows: readonly ParagraphFilterRow[]): Set<string> {
  const ids = new Set<string>();
  if (paragraphId === '') return ids;
  for (const r of rows) {
    if (r.kind === EVENT_KIND.amendmentProposed && field(r.detail, 'target') === paragraphId) ids.add(r.target);
    else if (r.kind === EVENT_KIND.amendmentMerged && r.target === paragraphId) {
      const id = field(r.detail, 'amendmentId');
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** Keeps the rows about `paragraphId` (itself, or one of `amendmentIds`), in the order given. */
export function aboutParagraph<T extends ParagraphFilterRow>(rows: readonly T[], paragraphId: string, amendmentIds: ReadonlySet<string>): T[] {
  return rows.filter((r) => r.target === paragraphId || amendmentIds.has(r.target));
}
