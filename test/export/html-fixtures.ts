/**
 * TEST SUPPORT for the HTML print view tests: a small draft (sub-paragraphs, footnotes, one on the
 * title), a negotiation layer on it (wording, insert, delete, move, statuses, positions), and the L.11
 * corpus draft with the symbol set and a few pending proposals.
 */
import { buildExportDocument } from '../../shared/export/build.ts';
import { compileNegotiation, type NegotiationLayer } from '../../shared/export/compilation.ts';
import type { ExportDocument } from '../../shared/export/document.ts';
import { importResolution } from '../../shared/import/index.ts';
import type { StatusEntry } from '../../shared/negotiation/layout.ts';
import type { Amendment, PositionRecord } from '../../shared/negotiation/read.ts';
import { emptyMasthead, type ResolutionJSON } from '../../shared/resolution/types.ts';
import { corpusText } from '../fixtures/corpus.ts';

export const L11_SYMBOL = 'A/C.1/78/L.11';
const AT = '2024-10-20T10:00:00Z';

/** A short L-document: PP with a sub-paragraph, OPs two levels deep, footnotes in a PP, an OP and on the title. */
export function smallDraft(over: Partial<ResolutionJSON> = {}): ResolutionJSON {
  return {
    ...emptyMasthead(),
    symbol: 'A/C.1/79/L.7', distribution: 'Limited', date: '14 October 2024', originalLanguage: 'English',
    session: 'Seventy-ninth session', organName: 'General Assembly', committee: 'First Committee',
    agendaItem: '98', agendaTitle: 'General and complete disarmament',
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
          { id: 'op2a', label: '(a)', text: 'Cooperate closely;', subparagraphs: [{ id: 'op2ai', label: '(i)', text: 'Bilaterally;', subparagraphs: [] }] },
          { id: 'op2b', label: '(b)', text: 'Report regularly;', subparagraphs: [] },
        ],
      },
      { id: 'op3', number: 3, text: 'Decides to remain seized of the matter.', subparagraphs: [] },
    ],
    footnotes: [
      { number: 1, text: 'Official Records of the General Assembly, Seventy-eighth Session.', paragraphId: 'pp1', offset: 29 },
      { number: 2, text: 'A/79/100.', paragraphId: 'op1', offset: 44 },
      { number: 3, text: 'Circulated in all official languages.', paragraphId: '', offset: 0 },
    ],
    closing: '',
    ...over,
  };
}

/** A pending amendment with defaults filled in. */
export function amendment(over: Partial<Amendment> & Pick<Amendment, 'id' | 'author' | 'kind'>): Amendment {
  return {
    target: '', after: '', paragraphKind: 'operative', level: 0, baseText: '', rationale: '', status: 'proposed',
    createdAt: AT, updatedAt: AT, text: '', cosigners: [], ...over,
  };
}

export const position = (targetId: string, delegation: string, stance: PositionRecord['entry']['stance']): PositionRecord =>
  ({ targetId, delegation, entry: { stance, note: '', at: AT } });

const status = (s: StatusEntry['status']): StatusEntry => ({ status: s, by: 'Chair', at: AT });

/**
 * Negotiation on smallDraft: Brazil rewords OP1; Chile (with Peru and Fiji) proposes a new OP after OP1;
 * Kenya would delete OP3 and Egypt move it after OP1; OP2 bracketed, OP1 agreed ad ref, PP1 agreed.
 */
export function smallLayer(): NegotiationLayer {
  return {
    amendments: [
      amendment({ id: 'am1', author: 'Brazil', kind: 'wording', target: 'op1', text: 'Welcomes the annual report of the Secretary-General;',
        baseText: 'Welcomes the report of the Secretary-General;', rationale: 'Precision.' }),
      amendment({ id: 'am2', author: 'Chile', kind: 'insert', after: 'op1', text: 'Encourages regional cooperation;', cosigners: ['Fiji', 'Peru'] }),
      amendment({ id: 'am3', author: 'Kenya', kind: 'delete', target: 'op3' }),
      amendment({ id: 'am4', author: 'Egypt', kind: 'move', target: 'op3', after: 'op1' }),
    ],
    statuses: { op2: status('bracketed'), op1: status('agreed-ad-ref'), pp1: status('agreed') },
    positions: [
      position('op1', 'Norway', 'support'), position('op1', 'Argentina', 'support'), position('op1', 'Cuba', 'oppose'),
      position('op1', 'Fiji', 'none'), position('am2', 'Peru', 'support'),
    ],
  };
}

export function smallCompilation(): ExportDocument {
  return compileNegotiation(buildExportDocument({ resolution: smallDraft() }), smallLayer());
}

/** The L.11 corpus draft as imported, with the symbol the secretariat sets. */
export function l11(): ResolutionJSON {
  const imported = importResolution(corpusText('A-C.1-78-L.11'));
  if (!imported.ok) throw new Error(`corpus L.11 does not import: ${imported.message}`);
  return { ...imported.resolution, symbol: L11_SYMBOL };
}

/**
 * L.11 with pending proposals: Norway rewords OP1, Brazil (with Chile) proposes OP5 bis, Cuba would
 * delete OP9; OP5 bracketed, OP1 agreed ad ref; positions on OP1.
 */
export function l11Compilation(): ExportDocument {
  const base = buildExportDocument({ resolution: l11() });
  const ops = base.operative.filter((b) => b.depth === 0);
  const [op1, op5, op9] = [ops[0], ops[4], ops[8]];
  return compileNegotiation(base, {
    amendments: [
      amendment({ id: 'am-w', author: 'Norway', kind: 'wording', target: op1.id, baseText: op1.text, text: op1.text.replace('Supports', 'Strongly supports') }),
      amendment({ id: 'am-bis', author: 'Brazil', kind: 'insert', after: op5.id, text: 'Stresses the importance of capacity-building for all States;', cosigners: ['Chile'] }),
      amendment({ id: 'am-del', author: 'Cuba', kind: 'delete', target: op9.id, baseText: op9.text }),
    ],
    statuses: { [op5.id]: status('bracketed'), [op1.id]: status('agreed-ad-ref') },
    positions: [position(op1.id, 'Kenya', 'support'), position(op1.id, 'Mexico', 'support'), position(op1.id, 'Peru', 'oppose')],
  });
}
