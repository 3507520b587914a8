/**
 * The positions matrix as the UI shows it: rows for paragraphs (PP/OP, document order) and open or
 * decided amendments (not withdrawn), columns for delegations, built on shared positionsMatrix(); filters
 * for "only opposed", "only amendments" and one delegation. Pure.
 */
import { positionsMatrix, type MatrixRow, type PositionRecord } from '../../shared/negotiation/read.ts';
import type { Stance } from '../../shared/negotiation/layout.ts';
import { amendmentRefs, groupAmendments, type AmendmentView, type ParagraphInfo } from './model.ts';

export interface LabelledRow extends MatrixRow {
  /** "OP1", or for an amendment "OP1 · Brazil (wording)". */
  label: string;
}

export interface MatrixFilters {
  onlyOpposed: boolean;
  onlyAmendments: boolean;
  /** Show one delegation's column only ('' = all). Rows stay; with onlyOpposed, a row must be opposed by it. */
  delegation: string;
}

export const NO_FILTERS: MatrixFilters = { onlyOpposed: false, onlyAmendments: false, delegation: '' };

/** Columns: draft sponsors first (in their order), then every other delegation that proposed, co-signed or took a stance, by name. */
export function matrixDelegations(sponsors: readonly string[], amendments: readonly AmendmentView[], positions: readonly PositionRecord[]): string[] {
  const seen = new Set(sponsors);
  const others = new Set<string>();
  for (const a of amendments) for (const d of [a.author, ...a.cosigners]) if (d && !seen.has(d)) others.add(d);
  for (const p of positions) if (!seen.has(p.delegation)) others.add(p.delegation);
  return [...sponsors, ...[...others].sort()];
}

/** All rows with labels. */
export function labelledMatrix(
  paragraphs: readonly ParagraphInfo[], amendments: readonly AmendmentView[], positions: readonly PositionRecord[], delegations: readonly string[],
): { delegations: string[]; rows: LabelledRow[] } {
  const paras = paragraphs.filter((p) => p.id && p.kind !== null);
  // Amendment rows in document order (as the panel groups them), not creation order.
  const shown = groupAmendments(paragraphs, amendments.filter((a) => a.status !== 'withdrawn'), amendments).flatMap((g) => g.amendments);
  const refs = amendmentRefs(paragraphs, amendments);
  const labels = new Map<string, string>();
  for (const p of paras) labels.set(p.id, p.ref);
  for (const a of shown) labels.set(a.id, `${refs.get(a.id) ?? ''} · ${a.author} (${a.kind})`);
  const m = positionsMatrix(positions, { paragraphIds: paras.map((p) => p.id), amendmentIds: shown.map((a) => a.id), delegations });
  return { delegations: m.delegations, rows: m.rows.map((r) => ({ ...r, label: labels.get(r.targetId) ?? r.targetId })) };
}

/** Apply the filters: rows kept and the delegation columns shown. */
export function filterMatrix(
  matrix: { delegations: string[]; rows: LabelledRow[] }, filters: MatrixFilters,
): { delegations: string[]; rows: LabelledRow[] } {
  const delegations = filters.delegation ? matrix.delegations.filter((d) => d === filters.delegation) : matrix.delegations;
  const opposed = (r: LabelledRow): boolean => (filters.delegation ? r.stances[filters.delegation] === 'oppose' : r.openOpposition);
  const rows = matrix.rows.filter((r) => (!filters.onlyAmendments || r.kind === 'amendment') && (!filters.onlyOpposed || opposed(r)));
  return { delegations, rows };
}

export const STANCE_LABEL: Readonly<Record<Stance, string>> = {
  support: 'Support', 'can-accept': 'Can accept', oppose: 'Oppose', reservation: 'Reservation', none: '—',
};

/** "2 support · 1 oppose" (stances with no votes left out; '' when nobody took one). */
export function describeCounts(counts: Readonly<Record<Stance, number>>): string {
  return (['support', 'can-accept', 'oppose', 'reservation'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STANCE_LABEL[s].toLowerCase()}`)
    .join(' · ');
}
