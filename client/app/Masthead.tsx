/**
 * The L-document masthead, sponsor line included, drawn from the `meta` and `sponsors` maps.
 * Read-only here; the secretariat's editing of these fields comes later.
 */
import type { ResolutionHead } from '../../shared/resolution/blocks.ts';
import { formatSponsorLine } from '../../shared/sponsorship/sponsor-line.ts';

function Line({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  if (!text.trim()) return null;
  return <div className={className} data-testid={testId}>{text}</div>;
}

/** "Agenda item 94" unless the stored text already says so. */
export function agendaItemLine(item: string): string {
  const t = item.trim();
  if (!t) return '';
  return /^agenda item/i.test(t) ? t : `Agenda item ${t}`;
}

export function Masthead({ head }: { head: ResolutionHead }) {
  const sponsorLine = formatSponsorLine(head.sponsors, head.kind);
  return (
    <header className="ph-masthead" data-testid="masthead" aria-label="Document masthead">
      <div className="ph-mh-top">
        <span className="ph-mh-un">United Nations</span>
        <span className={`ph-mh-symbol${head.symbol ? '' : ' ph-placeholder'}`} data-testid="masthead-symbol">
          {head.symbol || 'No symbol yet'}
        </span>
      </div>
      <div className="ph-mh-second">
        <div className="ph-mh-organ" data-testid="masthead-organ">{head.organName || 'General Assembly'}</div>
        <div className="ph-mh-distr">
          <Line text={head.distribution ? `Distr.: ${head.distribution}` : ''} />
          <Line text={head.date} />
          <Line text={head.originalLanguage ? `Original: ${head.originalLanguage}` : ''} />
        </div>
      </div>
      <div className="ph-mh-agenda">
        <Line text={head.session} />
        <Line text={head.committee} />
        <Line text={agendaItemLine(head.agendaItem)} />
        <Line text={head.agendaTitle} className="ph-mh-agenda-title" />
      </div>
      <Line text={head.adoptionNote} className="ph-mh-adoption" />
      {sponsorLine && <p className="ph-sponsor-line" data-testid="sponsor-line">{sponsorLine}</p>}
    </header>
  );
}
