/** Display helpers for the draft list. Pure. */

/** "23 Nov 2026, 09:12" in the user's locale and time zone; the raw text when it is not a date. */
export function formatTimestamp(iso: string, locale?: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    .format(new Date(t));
}

/** Title shown for a draft with an empty title. */
export function displayTitle(title: string): string {
  return title.trim() || 'Untitled draft';
}

/** Newest first by updatedAt (then createdAt); unparsable dates sort last. */
export function sortDrafts<T extends { updatedAt: string; createdAt: string }>(drafts: readonly T[]): T[] {
  const key = (d: T) => {
    const t = Date.parse(d.updatedAt || d.createdAt);
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...drafts].sort((a, b) => key(b) - key(a));
}
