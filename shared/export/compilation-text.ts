/**
 * The compilation as plain text (CLI, e-mail, tests): the masthead, then every paragraph under a heading
 * line with its reference and status ("OP5 bis [Brazil] — proposed"), its text with the pending changes
 * tagged ("[Brazil: delete] old [/delete] [Brazil: add] new [/add]"), bracketed paragraphs in [ ], the
 * proposals on it and a positions summary. Not meant to be imported back. Pure.
 */
import type { ParagraphStatus, Stance } from '../negotiation/layout.ts';
import type { BlockNegotiation, ExportBlock, ExportDocument, Inline, Proposal } from './document.ts';
import { endLines, inlinesToText, mastheadLines } from './text.ts';

const STATUS_WORDS: Readonly<Record<ParagraphStatus, string>> = {
  pending: 'pending', bracketed: 'bracketed', 'agreed-ad-ref': 'agreed ad referendum', agreed: 'agreed',
};

const STANCE_WORDS: readonly [Exclude<Stance, 'none'>, string][] = [
  ['support', 'support'], ['can-accept', 'can accept'], ['oppose', 'oppose'], ['reservation', 'reservation'],
];

/** "[Brazil: add] new words [/add]": the tag around the words, outer spaces kept outside the tag. */
export function tagRun(run: Extract<Inline, { kind: 'ins' | 'del' }>): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? ['', '', run.text, ''];
  if (m[2] === '') return run.kind === 'ins' ? run.text : '';
  const verb = run.kind === 'ins' ? 'add' : 'delete';
  return `${m[1]}[${run.by}: ${verb}] ${m[2]} [/${verb}]${m[3]}`;
}

const tagged = (inlines: readonly Inline[]): string => inlinesToText(inlines, tagRun).replace(/\s*\n\s*/g, ' ');

/** "Brazil (with Chile and Mexico)". */
function whoWith(by: string, cosigners: readonly string[]): string {
  if (cosigners.length === 0) return by;
  const list = cosigners.length === 1 ? cosigners[0] : `${cosigners.slice(0, -1).join(', ')} and ${cosigners[cosigners.length - 1]}`;
  return `${by} (with ${list})`;
}

/** "Positions: support 2 (Brazil, Chile); oppose 1 (France)", or '' when nobody recorded one. */
export function positionsSummary(n: BlockNegotiation): string {
  const parts: string[] = [];
  for (const [stance, word] of STANCE_WORDS) {
    const count = n.positions[stance] ?? 0;
    if (count > 0) parts.push(`${word} ${count} (${(n.positionsBy[stance] ?? []).join(', ')})`);
  }
  return parts.length > 0 ? `Positions: ${parts.join('; ')}` : '';
}

function proposalLine(p: Proposal, inline: boolean, label: string): string {
  const who = whoWith(p.by, p.cosigners);
  let what: string;
  switch (p.kind) {
    case 'wording': what = inline ? 'new wording (shown above)' : `new wording: ${label ? `${label} ` : ''}${tagged(p.inlines)}`; break;
    case 'delete': what = 'delete the paragraph'; break;
    case 'move': what = p.moveAfter ? `move after ${p.moveAfter}` : 'move to the start'; break;
    default: what = p.kind;
  }
  const notes = [p.stale ? 'drafted against an earlier text of the paragraph' : '', p.rationale ? `reason: ${p.rationale.replace(/\s+/g, ' ').trim()}` : '']
    .filter((s) => s !== '');
  return `  - ${who}: ${what}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function heading(block: ExportBlock, n: BlockNegotiation | undefined): string {
  if (!n) return block.ref;
  if (n.proposedBy) return `${block.ref} [${whoWith(n.proposedBy.delegation, n.proposedBy.cosigners)}] — proposed`;
  return `${block.ref} — ${STATUS_WORDS[n.status]}`;
}

function blockText(block: ExportBlock): string[] {
  const n = block.negotiation;
  const body = tagged(block.inlines);
  let line = block.label ? `${block.label} ${body}` : body;
  if (n?.status === 'bracketed') line = `[${line}]`;
  const lines = [heading(block, n), line];
  if (!n) return lines;
  const inlineWording = n.proposals.filter((p) => p.kind === 'wording').length === 1;
  for (const p of n.proposals) lines.push(proposalLine(p, inlineWording && p.kind === 'wording', block.label));
  const positions = positionsSummary(n);
  if (positions) lines.push(`  ${positions}`);
  return lines;
}

/** Counts for the heading: how many amendments are pending, and of which kinds. */
function pendingSummary(doc: ExportDocument): string {
  const ids = new Set<string>();
  for (const b of [...doc.preamble, ...doc.operative]) {
    if (b.negotiation?.proposedBy) ids.add(b.negotiation.proposedBy.amendmentId);
    for (const p of b.negotiation?.proposals ?? []) ids.add(p.amendmentId);
  }
  return ids.size === 1 ? '1 pending amendment' : `${ids.size} pending amendments`;
}

/** The compilation (or any export document) as annotated plain text. */
export function renderCompilationText(doc: ExportDocument): string {
  const parts: string[] = [
    `COMPILATION TEXT — ${pendingSummary(doc)}`,
    ...mastheadLines(doc),
  ];
  if (doc.organ) parts.push(doc.organ);
  for (const block of [...doc.preamble, ...doc.operative]) parts.push(blockText(block).join('\n'));
  parts.push(...endLines(doc));
  return `${parts.join('\n\n')}\n`;
}
