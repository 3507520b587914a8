import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, CORPUS_RESOLUTIONS, loadCorpusFixture } from '../../test/fixtures/corpus-json.ts';
import { OPERATIVE_HEADS, PREAMBULAR_HEADS } from './openers-lexicon.ts';
import { openerRange, operativeVerb, preambularOpener } from './openers.ts';

/** Real paragraph beginnings from the corpus with the phrase UN typesetting italicises. */
const CORPUS_PP: [string, string][] = [
  ['Recalling its resolutions 43/78 H of 7 December 1988, 53/70', 'Recalling'],
  ['Noting that considerable progress has been achieved', 'Noting'],
  ['Expressing concern that information technologies and means', 'Expressing concern'],
  ['Expressing concern also about malicious information', 'Expressing concern also'],
  ['Expressing concern about the possibility of embedding', 'Expressing concern'],
  ['Considering that it is necessary to prevent the use', 'Considering'],
  ['Stressing that it is in the interest of all States', 'Stressing'],
  ['Underlining the importance of respect for human rights', 'Underlining'],
  ['Calling upon Member States to be guided in their use', 'Calling upon'],
  ['Affirming that capacity-building measures should seek', 'Affirming'],
  ['Commemorating the twenty-fifth anniversary of discussions', 'Commemorating'],
  ['Confirming also that State sovereignty and international norms', 'Confirming also'],
  ['Confirming the conclusions of the Group of Governmental Experts', 'Confirming'],
  ['Emphasizing the value of further strengthening collaboration', 'Emphasizing'],
  ['Guided by the 2010, 2013 and 2015 reports of the Group', 'Guided by'],
  ['Highlighting the conclusions contained in the report', 'Highlighting'],
  ['Reaffirming also that the United Nations should continue', 'Reaffirming also'],
  ['Reaffirming that, in accordance with Article 2 (4) of the Charter', 'Reaffirming'],
  ['Recognizing also that the dissemination and use of information', 'Recognizing also'],
  ['Recognizing the duty of a State to abstain', 'Recognizing'],
  ['Supporting the open-ended working group on security', 'Supporting'],
  ['Underscoring the aspirations of the international community', 'Underscoring'],
  ['Welcoming also that, in considering the application', 'Welcoming also'],
  ['Welcoming the consensus recommendations of the second annual', 'Welcoming'],
];

const CORPUS_OP: [string, string][] = [
  ['Supports the work of the Open-ended Working Group', 'Supports'],
  ['Calls upon States to further engage constructively', 'Calls upon'],
  ['Welcomes the adoption by consensus of the second annual', 'Welcomes'],
  ['Also welcomes the establishment of the global intergovernmental', 'Also welcomes'],
  ['Recommends that Member States continue discussions', 'Recommends'],
  ['Encourages Member States to continue exchanging views', 'Encourages'],
  ['Invites Member States to share within the Open-ended', 'Invites'],
  ['Decides to include in the provisional agenda', 'Decides'],
  ['Considers that the purpose of such measures', 'Considers'],
  ['Also decides that the open-ended working group shall hold', 'Also decides'],
  ['Further decides to include in the provisional agenda', 'Further decides'],
  ['Recognizes the adoption of the consensus final report', 'Recognizes'],
  ['Underlines further that the', 'Underlines further'],
  ['Decides to establish a mechanism under the auspices', 'Decides'],
];

describe('openers on real corpus paragraphs', () => {
  it.each(CORPUS_PP)('PP %s', (text, phrase) => {
    expect(preambularOpener(text)?.phrase).toBe(phrase);
  });
  it.each(CORPUS_OP)('OP %s', (text, phrase) => {
    expect(operativeVerb(text)?.phrase).toBe(phrase);
  });

  it('the curated lines really occur in the corpus', () => {
    const corpus = CORPUS_RESOLUTIONS.map((f) => readFileSync(`${CORPUS_DIR}/${f}`, 'utf8').replace(/\*/g, '')).join('\n');
    for (const [text] of [...CORPUS_PP, ...CORPUS_OP]) expect(corpus).toContain(text.slice(0, 30));
  });

  it('finds an opener for every top-level paragraph of every corpus resolution', () => {
    for (const name of CORPUS_RESOLUTIONS) {
      const res = loadCorpusFixture(name);
      for (const pp of res.preamble) expect(preambularOpener(pp.text), pp.text.slice(0, 40)).not.toBeNull();
      for (const op of res.operative) expect(operativeVerb(op.text), op.text.slice(0, 40)).not.toBeNull();
    }
  });
});

describe('openers: lexicon phrases and qualifiers', () => {
  const pp: [string, string][] = [
    ['Bearing in mind that', 'Bearing in mind'],
    ['Noting with appreciation the work', 'Noting with appreciation'],
    ['Noting with deep concern also the', 'Noting with deep concern also'],
    ['Recognizing further the need', 'Recognizing further'],
    ['Expressing deep concern at', 'Expressing deep concern'],
    ['Expressing its appreciation to', 'Expressing its appreciation'],
    ['Taking note of the report', 'Taking note'],
    ['Taking into account the', 'Taking into account'],
    ['Deeply concerned by', 'Deeply concerned'],
    ['Gravely alarmed at', 'Gravely alarmed'],
    ['Having considered the report', 'Having considered'],
    ['Keeping in mind', 'Keeping in mind'],
    ['Mindful of', 'Mindful'],
    ['Convinced that', 'Convinced'],
    ['Acting under Chapter VII of the Charter of the United Nations,', 'Acting under Chapter VII of the Charter of the United Nations'],
    ['Recalling, in this regard, its', 'Recalling'],
    ['Reaffirming once again its', 'Reaffirming once again'],
    ['Attaching great importance to', 'Attaching great importance'],
  ];
  const op: [string, string][] = [
    ['Requests the Secretary-General to report', 'Requests'],
    ['Further requests the Secretary-General', 'Further requests'],
    ['Strongly condemns all acts', 'Strongly condemns'],
    ['Takes note of the report', 'Takes note'],
    ['Takes note with appreciation of the report', 'Takes note with appreciation'],
    ['Calls on all States', 'Calls on'],
    ['Once again calls upon', 'Once again calls upon'],
    ['Expresses its deep concern at', 'Expresses its deep concern'],
    ['Notes with concern', 'Notes with concern'],
    ['Welcomes with appreciation the', 'Welcomes with appreciation'],
    ['Draws the attention of', 'Draws the attention'],
    ['Pays tribute to', 'Pays tribute'],
    ['Looks forward to', 'Looks forward'],
    ['Urges again all States', 'Urges again'],
    ['Reaffirms also', 'Reaffirms also'],
    ['Decides to remain actively seized of the matter.', 'Decides'],
  ];
  it.each(pp)('PP %s', (text, phrase) => expect(preambularOpener(text)?.phrase).toBe(phrase));
  it.each(op)('OP %s', (text, phrase) => expect(operativeVerb(text)?.phrase).toBe(phrase));

  it('has a real lexicon', () => {
    expect(Object.keys(PREAMBULAR_HEADS).length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(OPERATIVE_HEADS).length).toBeGreaterThanOrEqual(60);
    for (const head of Object.keys(PREAMBULAR_HEADS)) {
      const cap = head[0].toUpperCase() + head.slice(1);
      expect(preambularOpener(`${cap} the report`)?.phrase, head).toBe(cap);
    }
    for (const head of Object.keys(OPERATIVE_HEADS)) {
      const cap = head[0].toUpperCase() + head.slice(1);
      expect(operativeVerb(`Also ${head} the report`)?.phrase, head).toBe(`Also ${head}`);
      expect(operativeVerb(`${cap} the report`)?.known, head).toBe(true);
    }
  });
});

describe('openers: fallback and refusals', () => {
  it('falls back to capitalised -ing words for PPs and 3rd-person verbs for OPs', () => {
    expect(preambularOpener('Reconfirming the need')).toMatchObject({ phrase: 'Reconfirming', known: false });
    expect(preambularOpener('Reconfirming also the need')?.phrase).toBe('Reconfirming also');
    expect(operativeVerb('Reconfirms its commitment')).toMatchObject({ phrase: 'Reconfirms', known: false });
    expect(operativeVerb('Further reconfirms its commitment')?.phrase).toBe('Further reconfirms');
  });
  it('refuses non-openers', () => {
    expect(preambularOpener('During its session')).toBeNull();
    expect(preambularOpener('the General Assembly')).toBeNull();
    expect(preambularOpener('')).toBeNull();
    expect(preambularOpener('1. Decides')).toBeNull();
    expect(operativeVerb('States should cooperate in developing')).toBeNull();
    expect(operativeVerb('Consistent with the purposes')).toBeNull();
    expect(operativeVerb('Progress made')).toBeNull();
    expect(operativeVerb('“Quoted text')).toBeNull();
  });
  it('openerRange gives [0, end)', () => {
    expect(openerRange('operative', 'Also welcomes the report;')).toEqual([0, 13]);
    expect(openerRange('preambular', 'Bearing in mind that')).toEqual([0, 15]);
    expect(openerRange('preambular', 'nothing here')).toBeNull();
  });
});
