/**
 * Revision labels: the suggested next "Rev.N" and the check every label passes. Pure; the server
 * (server/revisions) enforces them and the client suggests with the same rules, so what the form
 * offers is what the server accepts.
 */

/** The default label: "Rev.N" with N one more than the highest "Rev.N" already issued. */
export function nextRevLabel(labels: readonly string[]): string {
  let max = 0;
  for (const l of labels) {
    const m = /^rev\.\s*(\d+)$/i.exec(l.trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `Rev.${max + 1}`;
}

export type LabelCheck = { ok: true; label: string } | { ok: false; message: string };

/** Longest label accepted, in characters after trimming. */
export const MAX_LABEL_LENGTH = 80;

/** A label is one line of 1-80 characters after trimming ("Rev.2", "informal 12 March"). */
export function checkLabel(raw: unknown): LabelCheck {
  if (typeof raw !== 'string') return { ok: false, message: '"label" must be a string' };
  const label = raw.trim();
  if (label.length === 0) return { ok: false, message: '"label" must not be empty' };
  if (label.length > MAX_LABEL_LENGTH) return { ok: false, message: `"label" must be at most ${MAX_LABEL_LENGTH} characters` };
  if (/[\r\n\u2028\u2029\p{Cc}]/u.test(label)) return { ok: false, message: '"label" must be a single line without control characters' };
  return { ok: true, label };
}

/** True when `label` is already used by one of `labels` (case-insensitive, as the server compares). */
export function labelTaken(labels: readonly string[], label: string): boolean {
  const wanted = label.trim().toLowerCase();
  return labels.some((l) => l.trim().toLowerCase() === wanted);
}
