/**
 * The revision timeline's pure helpers: who issued a revision, the labels the issue form suggests
 * (the next "Rev.N" and an informal dated one) and the check of a typed label before it is sent.
 */
import type { Actor } from '../../shared/negotiation/layout.ts';
import { checkLabel, labelTaken, nextRevLabel } from '../../shared/revisions/labels.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Chair (chair)", "Brazil (penholder)", "Ana Silva (delegation of Brazil)". */
export function issuerText(actor: Actor): string {
  const ofDelegation = actor.delegation && actor.delegation !== actor.participant ? ` of ${actor.delegation}` : '';
  return `${actor.participant} (${actor.role}${ofDelegation})`;
}

/** "Informal 12 March 2026" for the local date of `now`. */
export function informalLabel(now: Date): string {
  return `Informal ${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
}

/**
 * Labels to offer: the next "Rev.N" first, then an informal dated label not used yet
 * ("Informal 12 March 2026", else "… (2)", "… (3)").
 */
export function suggestedLabels(labels: readonly string[], now: Date): string[] {
  const base = informalLabel(now);
  let informal = base;
  for (let n = 2; labelTaken(labels, informal); n++) informal = `${base} (${n})`;
  return [nextRevLabel(labels), informal];
}

export type LabelVerdict = { ok: true; label: string } | { ok: false; message: string };

/** The server's label rule plus the duplicate check against the timeline the user sees. */
export function checkNewLabel(labels: readonly string[], raw: string): LabelVerdict {
  const checked = checkLabel(raw);
  if (!checked.ok) return { ok: false, message: checked.message.replace('"label"', 'The label') };
  if (labelTaken(labels, checked.label)) return { ok: false, message: `A revision labelled "${checked.label}" already exists.` };
  return checked;
}
