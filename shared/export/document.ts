/**
 * The export document: one layout-ready model of a draft that every exporter (plain text, DOCX,
 * Akoma Ntoso, HTML print, compilation) renders, so all formats print the same numbers, labels,
 * italic openers, footnote numbers, symbol and sponsor line. Pure data, no Yjs, no I/O.
 *
 * Built by `buildExportDocument` (build.ts) from an {@link ExportInput}; the compilation variant
 * (compilation.ts) adds pending proposals, statuses and positions to the same blocks.
 */
import type { AmendmentKind, ParagraphStatus, Stance } from '../negotiation/layout.ts';
import type { Masthead, ResolutionJSON, ResolutionKind } from '../resolution/types.ts';

/** Export formats offered everywhere (API, CLI, UI). */
export type ExportFormat = 'docx' | 'akn' | 'html' | 'txt' | 'compilation';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'akn', 'html', 'txt', 'compilation'];

/** What an export is made from. */
export interface ExportInput {
  /** The text (ids, derived numbers and labels as the Y.Doc reader or the importer gives them). */
  resolution: ResolutionJSON;
  /**
   * Sponsors on the sponsor line (main and co-sponsors), any order: the line is alphabetical.
   * Defaults to `resolution.sponsors`.
   */
  sponsors?: readonly string[];
  /** Sponsors who joined after tabling: listed apart, under the sponsor line. */
  additionalSponsors?: readonly string[];
  /** 0 = the original document; N ≥ 1 = "/Rev.N" on the symbol and "revised draft resolution". */
  revision?: number;
}

/** One run of a paragraph's inline content, in order. */
export type Inline =
  /** Plain text; `italic` marks the opening participle (PP) or operative verb (OP). */
  | { kind: 'text'; text: string; italic: boolean }
  /** A footnote reference: the marker printed as a superscript number. */
  | { kind: 'footnote'; number: number }
  /** Compilation only: words a pending amendment adds / removes, attributed to its proposer. */
  | { kind: 'ins'; text: string; by: string; amendmentId: string }
  | { kind: 'del'; text: string; by: string; amendmentId: string };

/** Compilation only: what is pending on a block, and where the room stands on it. */
export interface BlockNegotiation {
  status: ParagraphStatus;
  /** The paragraph is proposed by a pending insert amendment ("OP5 bis [Brazil]"). */
  proposedBy: { delegation: string; amendmentId: string; cosigners: string[] } | null;
  /** Pending wording / delete / move amendments on this block, each as an attributed variant. */
  proposals: Proposal[];
  /** Position counts on the paragraph (stance → number of delegations), 'none' excluded. */
  positions: Partial<Record<Exclude<Stance, 'none'>, number>>;
  /** Delegations per stance, for the positions summary (alphabetical). */
  positionsBy: Partial<Record<Exclude<Stance, 'none'>, string[]>>;
}

/** A pending amendment shown against its paragraph. */
export interface Proposal {
  amendmentId: string;
  kind: AmendmentKind;
  /** Proposer delegation and co-signers. */
  by: string;
  cosigners: string[];
  /** The paragraph as the amendment would leave it, as ins/del/text runs (wording); empty for delete/move. */
  inlines: Inline[];
  /** For move: the reference of the paragraph it would follow ("OP7"), '' for the start. */
  moveAfter: string;
  /** The amendment was drafted against an older text of the paragraph (it is out of date). */
  stale: boolean;
  rationale: string;
}

/** One paragraph or sub-paragraph, in document order. */
export interface ExportBlock {
  /** Paragraph id from the draft: the source of stable eIds and anchors. */
  id: string;
  kind: 'preambular' | 'operative';
  /** 0 = paragraph; 1.. = sub-paragraph depth. */
  depth: number;
  /** 1-based PP or OP number this block is or belongs to. */
  number: number;
  /** Printed label: "5." for OP5, "(a)", "(i)", "a.", "i.", "5.1"; '' for PPs. "5 bis." for a proposed new OP. */
  label: string;
  /** Negotiators' reference: "PP3", "OP5", "OP5 (a)", "OP5 bis". */
  ref: string;
  /** Plain text exactly as in the draft (no markers). */
  text: string;
  /** The text as runs: italic opener, plain text, footnote markers at their offsets. */
  inlines: Inline[];
  /** Present only in a compilation. */
  negotiation?: BlockNegotiation;
}

/** A footnote, numbered in document order. */
export interface ExportFootnote {
  number: number;
  text: string;
  /** Block carrying the marker ('' when not anchored in a paragraph, e.g. on the title). */
  paragraphId: string;
}

/** The layout-ready document. */
export interface ExportDocument {
  kind: ResolutionKind;
  /** Masthead with `symbol` already carrying "/Rev.N" for a revision. */
  masthead: Masthead;
  /** The symbol without the revision suffix. */
  baseSymbol: string;
  revision: number;
  /** "A, B and C: draft resolution" / "...: revised draft resolution"; '' for adopted texts. */
  sponsorLine: string;
  /** Sponsor names on the line, alphabetical. */
  sponsors: string[];
  /** Additional sponsors (joined after tabling), alphabetical, printed apart; [] if none. */
  additionalSponsors: string[];
  title: string;
  /** "The General Assembly," */
  organ: string;
  preamble: ExportBlock[];
  operative: ExportBlock[];
  footnotes: ExportFootnote[];
  /** Closing line(s) of adopted texts; '' for drafts. */
  closing: string;
  /** True for a compilation (blocks carry `negotiation`, inserts appear as "bis" blocks). */
  compilation: boolean;
}
