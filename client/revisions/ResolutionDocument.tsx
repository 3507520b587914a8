/**
 * A resolution drawn read-only as a UN document page: masthead and sponsor line (the editor's
 * Masthead), title, organ, PPs with italic openers, numbered OPs, sub-paragraph labels, footnotes,
 * and each paragraph's status (bracketed text in [square brackets], agreed ones marked). Nothing here
 * is editable; the model comes from document-view.ts.
 */
import { useMemo } from 'react';
import type { StatusEntry } from '../../shared/negotiation/layout.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { Masthead } from '../app/Masthead.tsx';
import { documentModel, type DocLine, type DocSegment } from './document-view.ts';

const STATUS_WORDS: Readonly<Record<string, string>> = { agreed: 'Agreed', 'agreed-ad-ref': 'Agreed ad ref' };

function Segments({ segments }: { segments: readonly DocSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.kind === 'footnote'
        ? <sup key={i} className="ph-ro-fn" data-testid="ro-footnote-marker">{s.number}</sup>
        : s.italic ? <em key={i} className="ph-opener">{s.text}</em> : <span key={i}>{s.text}</span>))}
    </>
  );
}

function Line({ line }: { line: DocLine }) {
  const paragraph = line.type === 'preambular' || line.type === 'operative';
  const className = [
    'ph-ro-line', `ph-ro-${line.type}`, line.label ? 'ph-ro-labelled' : '', line.status !== 'pending' ? `ph-ro-status-${line.status}` : '',
  ].filter(Boolean).join(' ');
  return (
    <p className={className} data-testid={paragraph ? 'ro-paragraph' : `ro-${line.type}`} data-id={paragraph ? line.id : undefined}
      data-ref={line.ref || undefined} data-depth={line.depth >= 0 ? line.depth : undefined} data-status={paragraph ? line.status : undefined}>
      {line.label && <span className="ph-ro-label" aria-hidden="true">{line.label}</span>}
      {line.status === 'bracketed' && <span className="ph-ro-bracket" aria-label="bracketed">[</span>}
      <span className="ph-ro-text" data-testid="ro-text"><Segments segments={line.segments} /></span>
      {line.status === 'bracketed' && <span className="ph-ro-bracket" aria-hidden="true">]</span>}
      {STATUS_WORDS[line.status] && <span className="ph-ro-lock" title={`${STATUS_WORDS[line.status]}: locked`}>{STATUS_WORDS[line.status]}</span>}
    </p>
  );
}

export interface ResolutionDocumentProps {
  resolution: ResolutionJSON;
  /** Paragraph id → status (absent = pending). */
  statuses?: Readonly<Record<string, StatusEntry>>;
}

export function ResolutionDocument({ resolution, statuses }: ResolutionDocumentProps) {
  const model = useMemo(() => documentModel(resolution, statuses), [resolution, statuses]);
  return (
    <article className="ph-page ph-ro-page" aria-label="Revision text (read-only)" data-testid="revision-document" aria-readonly="true">
      <Masthead head={resolution} />
      <div className="ph-ro-body">
        {model.lines.map((line) => <Line key={line.id} line={line} />)}
      </div>
      {model.footnotes.length > 0 && (
        <footer className="ph-footnotes" data-testid="ro-footnotes">
          <ol>
            {model.footnotes.map((f) => (
              <li key={f.number} className="ph-footnote">
                <span className="ph-footnote-num">{f.number}</span>
                <span className="ph-ro-footnote-text">{f.text}</span>
              </li>
            ))}
          </ol>
        </footer>
      )}
    </article>
  );
}
