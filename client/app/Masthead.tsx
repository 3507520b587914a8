/**
 * The L-document masthead, sponsor line included, drawn from the `meta` and `sponsors` maps.
 * Additional sponsors (joined after tabling) are listed apart, under the line. Read-only here.
 */
import type { ResolutionHead } from '../../shared/resolution/blocks.ts';
import { formatSponsorLine, joinNames } from '../../shared/sponsorship/sponsor-line.ts';
import type { SponsorEntry } from '../../shared/resolution/ydoc.ts';

/** Sponsors for the line (main and co, in order) and additional sponsors, printed apart. */
export function splitSponsors(rows: readonly { name: string; entry: SponsorEntry }[]): { line: string[]; additional: string[] } {
  return {
    line: rows.filter((r) => r.entry.kind !== 'additional').map((r) => r.name),
    additional: rows.filter((r) => r.entry.kind === 'additional').map((r) => r.name),
  };
}

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

export function Masthead({ head, sponsors }: { head: ResolutionHead; sponsors?: readonly { name: string; entry: SponsorEntry }[] }) {
  const split = sponsors ? splitSponsors(sponsors) : { line: head.sponsors, additional: [] };
  const sponsorLine = formatSponsorLine(split.line, head.kind);
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
      {split.additional.length > 0 && (
        <p className="ph-additional-sponsors" data-testid="additional-sponsors">Additional sponsors: {joinNames(split.additional)}</p>
      )}
    </header>
  );
}
