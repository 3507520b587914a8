/**
 * The compilation parts of the HTML print view: the legend, each block's heading (reference and status
 * badge, or "OP5 bis [Brazil]" for a proposed paragraph), the pending proposals listed under their
 * paragraph and the positions summary. Renders only what the block's `negotiation` says.
 */
import type { ParagraphStatus, Stance } from '../negotiation/layout.ts';
import type { BlockNegotiation, ExportBlock, Proposal } from './document.ts';
import { escapeAttr, escapeHtml, inlinesHtml, type NoteContext } from './html-inline.ts';

/** Badge words: short, as on the chair's screen. */
export const STATUS_LABEL: Readonly<Record<ParagraphStatus, string>> = {
  pending: 'pending', bracketed: 'bracketed', 'agreed-ad-ref': 'agreed ad ref', agreed: 'agreed',
};

type CountedStance = Exclude<Stance, 'none'>;
const STANCES: readonly [CountedStance, string][] = [
  ['support', 'support'], ['can-accept', 'can accept'], ['oppose', 'oppose'], ['reservation', 'reservation'],
];

/** "A, B and C". */
export function andList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Brazil" or "Brazil, with Chile and Peru" (escaped). */
function whoWith(by: string, cosigners: readonly string[]): string {
  return cosigners.length > 0 ? `${escapeHtml(by)}, with ${escapeHtml(andList(cosigners))}` : escapeHtml(by);
}

/** The legend printed under the masthead of a compilation. */
export function legendHtml(): string {
  return `<section class="legend" aria-label="Legend">
<h2>How to read this compilation</h2>
<ul>
<li><ins>Underlined words</ins> <span class="by">[Delegation]</span> are added by a pending proposal of that delegation; <del>struck-through words</del> <span class="by">[Delegation]</span> are removed by it.</li>
<li><b>OP5 bis [Delegation]</b> heads a new paragraph a delegation proposes (co-signers named after "with").</li>
<li><span class="bracket">[</span> … <span class="bracket">]</span> encloses a bracketed paragraph. Each paragraph's status is boxed: <span class="badge">pending</span> <span class="badge">bracketed</span> <span class="badge">agreed ad ref</span> <span class="badge">agreed</span> (agreed ad referendum: agreed subject to confirmation by capitals).</li>
<li>Under each paragraph: the pending proposals on it, and "Positions": how many delegations support, can accept, oppose or hold a reservation, and which.</li>
</ul>
</section>`;
}

/** Heading line above a block: "OP5 [agreed]" or "OP5 bis [Brazil, with Chile] [proposed]". */
export function blockHeadHtml(block: ExportBlock, n: BlockNegotiation): string {
  const ref = `<span class="ref">${escapeHtml(block.ref)}</span>`;
  if (n.proposedBy) {
    const who = whoWith(n.proposedBy.delegation, n.proposedBy.cosigners);
    return `<p class="block-head">${ref} <span class="proposer" data-by="${escapeAttr(n.proposedBy.delegation)}">[${who}]</span>`
      + ' <span class="badge badge-proposed">proposed new paragraph</span></p>';
  }
  return `<p class="block-head">${ref} <span class="badge" data-status="${n.status}">${STATUS_LABEL[n.status]}</span></p>`;
}

/** The block's own runs already show this amendment (a sole wording proposal is shown in place). */
function shownInline(block: ExportBlock, p: Proposal): boolean {
  return block.inlines.some((r) => (r.kind === 'ins' || r.kind === 'del') && r.amendmentId === p.amendmentId);
}

function proposalHtml(block: ExportBlock, p: Proposal, ctx: NoteContext): string {
  const head = `<span class="proposal-head">[${whoWith(p.by, p.cosigners)}]</span>`;
  let what: string;
  switch (p.kind) {
    case 'wording':
      what = shownInline(block, p)
        ? 'new wording, shown in the paragraph above'
        : `new wording: ${block.label ? `${escapeHtml(block.label)} ` : ''}${inlinesHtml(p.inlines, ctx, p.by)}`;
      break;
    case 'delete': what = 'delete the paragraph'; break;
    case 'move': what = p.moveAfter ? `move after ${escapeHtml(p.moveAfter)}` : 'move to the start of its part'; break;
    default: what = escapeHtml(p.kind);
  }
  const notes: string[] = [];
  if (p.stale) notes.push('<span class="stale">(drafted against an earlier text of the paragraph)</span>');
  const why = p.rationale.replace(/\s+/g, ' ').trim();
  if (why) notes.push(`<span class="rationale">Reason: ${escapeHtml(why)}</span>`);
  const attrs = `data-amendment="${escapeAttr(p.amendmentId)}" data-kind="${p.kind}" data-by="${escapeAttr(p.by)}"`;
  return `<li class="proposal" ${attrs}>${head} ${what}${notes.length ? ` ${notes.join(' ')}` : ''}</li>`;
}

/** Pending proposals on a block, one item each; '' when there are none. */
export function proposalsHtml(block: ExportBlock, n: BlockNegotiation, ctx: NoteContext): string {
  if (n.proposals.length === 0) return '';
  return `<ul class="proposals">${n.proposals.map((p) => proposalHtml(block, p, ctx)).join('')}</ul>`;
}

/** "Positions: support 2 (Brazil, Chile); oppose 1 (France)"; '' when nobody recorded one. */
export function positionsHtml(n: BlockNegotiation): string {
  const parts: string[] = [];
  for (const [stance, word] of STANCES) {
    const count = n.positions[stance] ?? 0;
    if (count <= 0) continue;
    const names = n.positionsBy[stance] ?? [];
    parts.push(`<span data-stance="${stance}" data-count="${count}">${word} ${count}${names.length ? ` (${escapeHtml(names.join(', '))})` : ''}</span>`);
  }
  return parts.length ? `<p class="positions"><span class="caption">Positions:</span> ${parts.join('; ')}</p>` : '';
}
