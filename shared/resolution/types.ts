/**
 * The structured JSON form of a resolution: what the importer produces, what
 * `GET /api/drafts/:id` returns, and what exporters consume. Pure data, no Yjs.
 */

/** What kind of document a text is. Anything that is not one of these is refused by the importer. */
export type ResolutionKind = 'draft-resolution' | 'resolution' | 'draft-decision' | 'decision';

/** Masthead fields: kept by the secretariat, stored in the Y.Map `meta`. Every field may be empty. */
export interface Masthead {
  /** e.g. "A/C.1/78/L.11", "A/RES/78/16", "S/2024/835". */
  symbol: string;
  /** e.g. "Limited", "General". */
  distribution: string;
  /** As printed, e.g. "12 October 2023". */
  date: string;
  /** e.g. "English and Russian". */
  originalLanguage: string;
  /** e.g. "Seventy-eighth session". */
  session: string;
  /** Principal organ, e.g. "General Assembly", "Security Council". */
  organName: string;
  /** Committee, e.g. "First Committee"; empty for plenary or the Council. */
  committee: string;
  /** Agenda item number as printed, e.g. "94" or "94 (b)". */
  agendaItem: string;
  /** Agenda item title. */
  agendaTitle: string;
  /** For adopted texts, the line "Resolution adopted by the General Assembly on 4 December 2023". */
  adoptionNote: string;
}

/** A footnote. `paragraphId` + `offset` anchor it where its marker stands in the paragraph text. */
export interface Footnote {
  /** Derived: 1-based order of appearance in the document. */
  number: number;
  text: string;
  /** Id of the paragraph or sub-paragraph whose text carries the marker ('' if not anchored, e.g. on the title). */
  paragraphId: string;
  /** Character offset in that paragraph's `text` where the marker stands. */
  offset: number;
}

/** A sub-paragraph; `label` is derived ("(a)", "(i)", "a.", or "1.1" for decimal-numbered texts). */
export interface SubParagraph {
  id: string;
  label: string;
  text: string;
  subparagraphs: SubParagraph[];
}

export interface PreambularParagraph {
  id: string;
  text: string;
  subparagraphs: SubParagraph[];
}

export interface OperativeParagraph {
  id: string;
  /** Derived, 1-based. */
  number: number;
  text: string;
  subparagraphs: SubParagraph[];
}

/** The whole document. Paragraph texts are plain text: no markers, no page artefacts, no markup. */
export interface ResolutionJSON extends Masthead {
  kind: ResolutionKind;
  /** Delegations as printed on the sponsor line, in order. */
  sponsors: string[];
  title: string;
  /** The organ line, e.g. "The General Assembly,". */
  organ: string;
  preamble: PreambularParagraph[];
  operative: OperativeParagraph[];
  footnotes: Footnote[];
  /** Closing line(s), e.g. "42nd plenary meeting\n4 December 2023"; empty for drafts. */
  closing: string;
}

/** Sub-paragraph numbering style: UN style (a)/(i)/a./i. or decimal 1.1/1.1.1 as some imported texts use. */
export type SubLabelStyle = 'un' | 'decimal';

/** An empty masthead, for new drafts. */
export const emptyMasthead = (): Masthead => ({
  symbol: '',
  distribution: '',
  date: '',
  originalLanguage: '',
  session: '',
  organName: '',
  committee: '',
  agendaItem: '',
  agendaTitle: '',
  adoptionNote: '',
});

/** The field names of the masthead, in display order. */
export const MASTHEAD_FIELDS: readonly (keyof Masthead)[] = [
  'symbol', 'distribution', 'date', 'originalLanguage', 'session', 'organName',
  'committee', 'agendaItem', 'agendaTitle', 'adoptionNote',
];
