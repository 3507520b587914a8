/**
 * TEST SUPPORT for the DOCX export tests: a small draft with footnotes and sub-paragraphs, a
 * negotiation layer (wording, insert, delete and move amendments, statuses, positions) and an unzipper
 * that returns the DOCX parts as text.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { NegotiationLayer } from '../../shared/export/compilation.ts';
import type { Amendment } from '../../shared/negotiation/read.ts';
import type { PositionRecord } from '../../shared/negotiation/read.ts';
import type { StatusEntry } from '../../shared/negotiation/layout.ts';
import { emptyMasthead, type ResolutionJSON } from '../../shared/resolution/types.ts';

/** A short L-document with a footnote in a PP and in an OP, sub-paragraphs two deep, and a title footnote. */
export function sampleDraft(over: Partial<ResolutionJSON> = {}): ResolutionJSON {
  return {
    ...emptyMasthead(),
    symbol: 'A/C.1/79/L.7',
    distribution: 'Limited',
    date: '14 October 2024',
    originalLanguage: 'English',
    session: 'Seventy-ninth session',
    organName: 'General Assembly',
    committee: 'First Committee',
    agendaItem: '98',
    agendaTitle: 'General and complete disarmament',
    kind: 'draft-resolution',
    sponsors: ['Norway', 'Brazil', 'Kenya'],
    title: 'Cooperation on testing',
    organ: 'The General Assembly,',
    preamble: [
      { id: 'pp1', text: 'Recalling its resolution 78/1 of 1 December 2023,', subparagraphs: [] },
      { id: 'pp2', text: 'Bearing in mind the following:', subparagraphs: [{ id: 'pp2a', label: '(a)', text: 'the Charter;', subparagraphs: [] }] },
    ],
    operative: [
      { id: 'op1', number: 1, text: 'Welcomes the report of the Secretary-General;', subparagraphs: [] },
      {
        id: 'op2', number: 2, text: 'Calls upon States to:',
        subparagraphs: [
          { id: 'op2a', label: '(a)', text: 'Cooperate closely;', subparagraphs: [
            { id: 'op2ai', label: '(i)', text: 'Bilaterally;', subparagraphs: [] },
          ] },
          { id: 'op2b', label: '(b)', text: 'Report regularly;', subparagraphs: [] },
        ],
      },
      { id: 'op3', number: 3, text: 'Decides to remain seized of the matter.', subparagraphs: [] },
    ],
    footnotes: [
      { number: 1, text: 'Official Records of the General Assembly, Seventy-eighth Session.', paragraphId: 'pp1', offset: 29 },
      { number: 2, text: 'A/79/100.', paragraphId: 'op1', offset: 44 },
    ],
    closing: '',
    ...over,
  };
}

/** A pending amendment with defaults filled in. */
export function amendment(over: Partial<Amendment> & Pick<Amendment, 'id' | 'author' | 'kind'>): Amendment {
  return {
    target: '', after: '', paragraphKind: 'operative', level: 0, baseText: '', rationale: '', status: 'proposed',
    createdAt: '2024-10-20T10:00:00Z', updatedAt: '2024-10-20T10:00:00Z', text: '', cosigners: [],
    ...over,
  };
}

const AT = '2024-10-20T10:00:00Z';
const position = (targetId: string, delegation: string, stance: PositionRecord['entry']['stance']): PositionRecord =>
  ({ targetId, delegation, entry: { stance, note: '', at: AT } });

/**
 * Negotiation on sampleDraft: Brazil rewords OP1, Chile (with Peru) proposes a new OP after OP1, Kenya
 * would delete OP3, Egypt would move OP3 after OP1; OP2 is bracketed and OP1 agreed ad ref.
 */
export function sampleLayer(): NegotiationLayer {
  const statuses: Record<string, StatusEntry> = {
    op2: { status: 'bracketed', by: 'Chair', at: AT },
    op1: { status: 'agreed-ad-ref', by: 'Chair', at: AT },
  };
  return {
    amendments: [
      amendment({ id: 'am1', author: 'Brazil', kind: 'wording', target: 'op1', text: 'Welcomes the annual report of the Secretary-General;',
        baseText: 'Welcomes the report of the Secretary-General;', rationale: 'Precision.' }),
      amendment({ id: 'am2', author: 'Chile', kind: 'insert', after: 'op1', text: 'Encourages regional cooperation;', cosigners: ['Peru'] }),
      amendment({ id: 'am3', author: 'Kenya', kind: 'delete', target: 'op3' }),
      amendment({ id: 'am4', author: 'Egypt', kind: 'move', target: 'op3', after: 'op1' }),
    ],
    statuses,
    positions: [
      position('op1', 'Norway', 'support'), position('op1', 'Argentina', 'support'), position('op1', 'Cuba', 'oppose'),
      position('op1', 'Fiji', 'none'),
    ],
  };
}

/** The text parts of a DOCX (XML and relationships), by part name. Throws if the bytes are not a zip. */
export function unzipDocx(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) out.set(name, strFromU8(data));
  return out;
}
