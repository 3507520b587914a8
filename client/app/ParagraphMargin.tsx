/**
 * The right margin of the sheet: one entry per preambular / operative paragraph, "OP5 · Brazil +2"
 * (reference, proposer or first sponsor, how many more) with the status, and a popover with the full
 * sponsor list, join / leave for the reader's own delegation, the delegation's position on the
 * paragraph (client/negotiation PositionControl), and the chair's status menu.
 * Entries follow the paragraphs' rendered positions (recomputed after each change and on resize).
 */
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type * as Y from 'yjs';
import type { Editor } from '@tiptap/react';
import { PARAGRAPH_STATUSES, type Actor, type ParagraphStatus } from '../../shared/negotiation/layout.ts';
import { canSetParagraphStatus, canWriteParagraphSponsor, isLocked, speaksForDelegation } from '../../shared/permissions/rules.ts';
import { joinParagraph, leaveParagraph, setParagraphStatus } from '../../shared/negotiation/actions.ts';
import { STATUS_WORDS, sponsorSummary, type NegotiationState } from '../collab/negotiation-state.ts';
import { PositionControl } from '../negotiation/PositionControl.tsx';

interface Row {
  id: string;
  ref: string;
  top: number;
}

export interface ParagraphMarginProps {
  editor: Editor;
  /** The positioned sheet the margin is drawn beside. */
  sheet: RefObject<HTMLElement | null>;
  doc: Y.Doc;
  state: NegotiationState;
  actor: Actor | null;
  /** Nothing can be sent (connection closed). */
  disabled: boolean;
}

/** The paragraphs the margin annotates: top-level blocks with a reference (PP/OP), with their offsets. */
function measure(editor: Editor, sheet: HTMLElement): Row[] {
  if (editor.isDestroyed) return [];
  const base = sheet.getBoundingClientRect().top;
  const rows: Row[] = [];
  for (const el of Array.from(editor.view.dom.children)) {
    const id = el.getAttribute('data-id');
    const ref = el.getAttribute('data-ref');
    if (!id || !ref) continue;
    rows.push({ id, ref, top: Math.round(el.getBoundingClientRect().top - base) });
  }
  return rows;
}

const sameRows = (a: readonly Row[], b: readonly Row[]) =>
  a.length === b.length && a.every((r, i) => r.id === b[i].id && r.ref === b[i].ref && r.top === b[i].top);

export function ParagraphMargin({ editor, sheet, doc, state, actor, disabled }: ParagraphMarginProps) {
  const [rows, setRows] = useState<Row[]>([]);
  const [open, setOpen] = useState<string | null>(null);

  const remeasure = useCallback(() => {
    const el = sheet.current;
    if (!el) return;
    const next = measure(editor, el);
    setRows((prev) => (sameRows(prev, next) ? prev : next));
  }, [editor, sheet]);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(remeasure);
    };
    editor.on('update', schedule);
    editor.on('create', schedule);
    window.addEventListener('resize', schedule);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    if (!editor.isDestroyed) observer?.observe(editor.view.dom);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', schedule);
      editor.off('create', schedule);
      window.removeEventListener('resize', schedule);
      observer?.disconnect();
    };
  }, [editor, remeasure]);
  // Brackets and lock markers can re-wrap a paragraph.
  useLayoutEffect(remeasure, [state, remeasure]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const own = actor && speaksForDelegation(actor) ? actor.delegation : null;
  const maySponsor = !disabled && actor !== null && own !== null && canWriteParagraphSponsor(actor, { delegation: own, phase: state.phase }).ok;
  const maySetStatus = !disabled && actor !== null && canSetParagraphStatus(actor, { phase: state.phase }).ok;

  return (
    <div className="ph-margin" aria-label="Paragraph sponsors and status" data-testid="paragraph-margin">
      {rows.map((row) => {
        const sponsors = state.sponsors.get(row.id);
        const status: ParagraphStatus = state.statuses.get(row.id) ?? 'pending';
        const summary = sponsorSummary(sponsors);
        const all = sponsors ? (sponsors.proposer ? [sponsors.proposer, ...sponsors.cosponsors] : sponsors.cosponsors) : [];
        const joined = own !== null && all.includes(own);
        const isOpen = open === row.id;
        return (
          <div key={row.id} className={`ph-margin-entry ph-status-${status}`} style={{ top: row.top }}
            data-testid="margin-entry" data-para-id={row.id} data-status={status}>
            <button type="button" className="ph-margin-toggle" data-testid="margin-toggle" aria-expanded={isOpen}
              onClick={() => setOpen(isOpen ? null : row.id)}>
              {summary ? `${row.ref} · ${summary}` : row.ref}
              {status !== 'pending' && (
                <span className="ph-status-chip" data-testid="status-chip" data-locked={isLocked(status) ? 'true' : 'false'}>
                  {STATUS_WORDS[status]}{isLocked(status) ? ' (locked)' : ''}
                </span>
              )}
            </button>
            {isOpen && (
              <div className="ph-popover" role="dialog" aria-label={`${row.ref}: sponsors and status`} data-testid="margin-popover">
                <p className="ph-pop-title">{row.ref}</p>
                {all.length === 0 ? (
                  <p className="ph-muted">No sponsors yet.</p>
                ) : (
                  <ul className="ph-pop-list" data-testid="paragraph-sponsors">
                    {sponsors?.proposer && <li data-testid="paragraph-sponsor" data-name={sponsors.proposer}>{sponsors.proposer} <span className="ph-muted">(proposer)</span></li>}
                    {sponsors?.cosponsors.map((n) => <li key={n} data-testid="paragraph-sponsor" data-name={n}>{n}</li>)}
                  </ul>
                )}
                {maySponsor && own && (joined ? (
                  <button type="button" className="ph-button ph-small" data-testid="leave-paragraph"
                    onClick={() => leaveParagraph(doc, row.id, own)}>Leave co-sponsors</button>
                ) : (
                  <button type="button" className="ph-button ph-small" data-testid="join-paragraph"
                    onClick={() => joinParagraph(doc, row.id, own, 'co')}>Co-sponsor {row.ref}</button>
                ))}
                {actor && <PositionControl doc={doc} actor={actor} target={row.id} label={row.ref} />}
                <p className="ph-pop-status">Status: <strong>{STATUS_WORDS[status]}</strong></p>
                {maySetStatus && actor && (
                  <div className="ph-row ph-status-menu" role="group" aria-label="Set the status">
                    {PARAGRAPH_STATUSES.map((s) => (
                      <button key={s} type="button" className="ph-button ph-small" data-testid="set-status" data-status={s}
                        aria-pressed={s === status} onClick={() => setParagraphStatus(doc, row.id, s, actor.participant)}>
                        {STATUS_WORDS[s]}
                      </button>
                    ))}
                  </div>
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
