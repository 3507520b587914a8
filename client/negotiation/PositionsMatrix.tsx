/**
 * Paragraphs and amendments (rows) against delegations (columns), with counts per stance and filters
 * (only opposed, only amendments, one delegation). Rows with open opposition are highlighted.
 * Test hooks: `positions-matrix`; rows `matrix-row` with `data-target`, `data-kind`, `data-open-opposition`;
 * cells `matrix-cell` with `data-delegation` and `data-stance`.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { readAmendments, readPositions } from '../../shared/negotiation/actions.ts';
import { readBlocksFromYDoc, readSponsors } from '../../shared/resolution/ydoc.ts';
import { describeParagraphs } from './model.ts';
import { describeCounts, filterMatrix, labelledMatrix, matrixDelegations, NO_FILTERS, STANCE_LABEL, type MatrixFilters } from './matrix.ts';
import { useDocSnapshot } from './hooks.ts';
import './negotiation.css';

export interface PositionsMatrixProps {
  doc: Y.Doc;
  /** Extra columns to show even before they take a stance (e.g. the room's invited delegations). */
  delegations?: readonly string[];
  /** Start with these filters. */
  initialFilters?: Partial<MatrixFilters>;
  /** Leave out the "Positions" heading (when the page frames the matrix with its own). */
  hideHeading?: boolean;
}

function readMatrix(doc: Y.Doc, extra: readonly string[]) {
  const amendments = readAmendments(doc);
  const positions = readPositions(doc);
  const sponsors = readSponsors(doc).map((s) => s.name);
  const columns = matrixDelegations([...sponsors, ...extra.filter((d) => !sponsors.includes(d))], amendments, positions);
  return labelledMatrix(describeParagraphs(readBlocksFromYDoc(doc)), amendments, positions, columns);
}

export function PositionsMatrix({ doc, delegations = [], initialFilters, hideHeading = false }: PositionsMatrixProps) {
  const key = delegations.join('\u0000');
  const matrix = useDocSnapshot(doc, (d) => readMatrix(d, key ? key.split('\u0000') : []), key);
  const [filters, setFilters] = useState<MatrixFilters>({ ...NO_FILTERS, ...initialFilters });
  const shown = filterMatrix(matrix, filters);

  return (
    <section className="ph-neg-panel" data-testid="positions-matrix" aria-label="Positions">
      {!hideHeading && <h2>Positions</h2>}
      <div className="ph-neg-toolbar">
        <label><input type="checkbox" data-testid="matrix-only-opposed" checked={filters.onlyOpposed}
          onChange={(e) => setFilters({ ...filters, onlyOpposed: e.target.checked })} /> Only opposed</label>
        <label><input type="checkbox" data-testid="matrix-only-amendments" checked={filters.onlyAmendments}
          onChange={(e) => setFilters({ ...filters, onlyAmendments: e.target.checked })} /> Only amendments</label>
        <label>Delegation{' '}
          <select data-testid="matrix-delegation" value={filters.delegation} onChange={(e) => setFilters({ ...filters, delegation: e.target.value })}>
            <option value="">All</option>
            {matrix.delegations.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
      </div>
      {shown.rows.length === 0 ? (
        <p className="ph-muted" data-testid="matrix-empty">Nothing to show.</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className="ph-matrix">
            <thead>
              <tr>
                <th scope="col">Paragraph / amendment</th>
                <th scope="col">Counts</th>
                {shown.delegations.map((d) => <th scope="col" key={d}>{d}</th>)}
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((r) => (
                <tr key={r.targetId} data-testid="matrix-row" data-target={r.targetId} data-kind={r.kind} data-open-opposition={String(r.openOpposition)}>
                  <th scope="row">{r.label}</th>
                  <td data-testid="matrix-counts">{describeCounts(r.counts)}</td>
                  {shown.delegations.map((d) => {
                    const stance = r.stances[d] ?? 'none';
                    return (
                      <td key={d} data-testid="matrix-cell" data-delegation={d} data-stance={stance} title={r.notes[d] ? `${d}: ${r.notes[d]}` : undefined}>
                        {STANCE_LABEL[stance]}{r.notes[d] ? ' *' : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
