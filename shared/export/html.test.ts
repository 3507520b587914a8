import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { l11, l11Compilation, smallCompilation, smallDraft } from '../../test/export/fixtures.ts';
import { buildExportDocument } from './build.ts';
import type { ExportDocument } from './document.ts';
import { escapeHtml, printHeaderFooter, renderHtml } from './html.ts';

type Doc = ReturnType<DOMParser['parseFromString']>;
type El = ReturnType<Doc['getElementsByTagName']>[number];

/** Parses as HTML and fails on any parser complaint, so the markup is well formed. */
function parse(html: string): Doc {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { problems.push(`${level}: ${msg}`); } }).parseFromString(html, 'text/html');
  expect(problems).toEqual([]);
  return doc;
}

const all = (d: Doc, tag = '*'): El[] => Array.from(d.getElementsByTagName(tag));
const hasClass = (e: El, cls: string): boolean => (e.getAttribute('class') ?? '').split(/\s+/).includes(cls);
const byClass = (d: Doc, cls: string): El[] => all(d).filter((e) => hasClass(e, cls));
const one = (d: Doc, cls: string): El => {
  const found = byClass(d, cls);
  expect(found, `.${cls}`).toHaveLength(1);
  return found[0];
};
const text = (e: El | undefined): string => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const paras = (d: Doc): El[] => all(d, 'p').filter((p) => p.getAttribute('data-ref') !== null);
const small = (): ExportDocument => buildExportDocument({ resolution: smallDraft() });

describe('renderHtml: the page', () => {
  it('is a standalone UTF-8 HTML5 document in English titled with symbol and title, with no external resource', () => {
    const html = renderHtml(small());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const d = parse(html);
    expect(all(d, 'meta').some((m) => m.getAttribute('charset') === 'utf-8')).toBe(true);
    expect(text(all(d, 'title')[0])).toBe('A/C.1/79/L.7 — Cooperation on testing');
    expect(all(d, 'style')).toHaveLength(1);
    expect(all(d, 'link')).toHaveLength(0);
    expect(all(d, 'script')).toHaveLength(0);
    expect(html).not.toMatch(/\bsrc=|@import|url\(|https?:\/\//);
    const css = text(all(d, 'style')[0]);
    expect(css).toContain('size: A4');
    expect(css).toMatch(/font-family: "Times New Roman", "Liberation Serif", Times, serif/);
    expect(css).toMatch(/body \{[^}]*font-size: 10pt/);
  });

  it('prints the masthead in UN order, the sponsor line with its italic tail, the bold title and the organ line', () => {
    const doc = small();
    const d = parse(renderHtml(doc));
    const main = text(all(d, 'main')[0]);
    const order = ['United Nations', 'A/C.1/79/L.7', 'General Assembly', 'Distr.: Limited', '14 October 2024', 'Original: English',
      'Seventy-ninth session', 'First Committee', 'Agenda item 98', 'General and complete disarmament',
      'Brazil, Kenya and Norway: draft resolution', 'Cooperation on testing', 'The General Assembly,', 'Recalling'];
    const at = order.map((s) => main.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text(one(d, 'mh-symbol'))).toBe('A/C.1/79/L.7');
    expect(text(one(d, 'mh-agenda-title'))).toBe('General and complete disarmament');
    const line = one(d, 'sponsor-line');
    expect(text(line)).toBe(doc.sponsorLine);
    expect(text(byClass(d, 'names')[0])).toBe('Brazil, Kenya and Norway');
    expect(text(one(d, 'line-kind'))).toBe(': draft resolution');
    expect(all(d, 'h1').map(text)).toEqual(['Cooperation on testing3']);
    expect(text(one(d, 'organ'))).toBe('The General Assembly,');
    const css = text(all(d, 'style')[0]);
    for (const rule of [/\.mh-agenda-title \{[^}]*font-weight: bold/, /\.title \{[^}]*font-weight: bold/, /\.organ \{[^}]*font-style: italic/,
      /\.sponsor-line \.line-kind \{[^}]*font-style: italic/, /\.opener \{[^}]*font-style: italic/]) expect(css).toMatch(rule);
  });

  it('marks a revision: "/Rev.1" on the symbol and "revised draft resolution"; additional sponsors apart', () => {
    const doc = buildExportDocument({ resolution: smallDraft(), revision: 1, additionalSponsors: ['Chile', 'Austria'] });
    const d = parse(renderHtml(doc));
    expect(text(one(d, 'mh-symbol'))).toBe('A/C.1/79/L.7/Rev.1');
    expect(text(all(d, 'title')[0])).toMatch(/^A\/C\.1\/79\/L\.7\/Rev\.1 — /);
    expect(text(one(d, 'line-kind'))).toBe(': revised draft resolution');
    expect(text(one(d, 'additional-sponsors'))).toBe('Additional sponsors: Austria, Chile');
    expect(text(one(d, 'sponsor-line'))).not.toContain('Chile');
  });

  it('gives every paragraph an anchor from its id and its reference, in document order, with labels and italic runs', () => {
    const doc = small();
    const d = parse(renderHtml(doc));
    const ps = paras(d);
    expect(ps.map((p) => p.getAttribute('data-ref'))).toEqual([...doc.preamble, ...doc.operative].map((b) => b.ref));
    expect(ps.map((p) => p.getAttribute('id'))).toEqual(['para-pp1', 'para-pp2', 'para-pp2a', 'para-op1', 'para-op2', 'para-op2a', 'para-op2ai', 'para-op2b', 'para-op3']);
    expect(ps.map((p) => text(byClassIn(p, 'label')[0]))).toEqual(['', '', '(a)', '1.', '2.', '(a)', '(i)', '(b)', '3.']);
    expect(ps.map((p) => byClassIn(p, 'opener').map(text).join('|'))).toEqual(['Recalling', 'Bearing in mind', '', 'Welcomes', 'Calls upon', '', '', '', 'Decides']);
    expect(ps.map((p) => p.getAttribute('class'))).toEqual([
      'para pp depth-0', 'para pp depth-0', 'para pp depth-1 labelled pp-sub', 'para op depth-0 labelled', 'para op depth-0 labelled',
      'para op depth-1 labelled', 'para op depth-2 labelled', 'para op depth-1 labelled', 'para op depth-0 labelled',
    ]);
    expect(text(ps[3])).toBe('1. Welcomes the report of the Secretary-General2;');
  });

  it('links footnote markers to the notes printed at the end, a title note after the title', () => {
    const d = parse(renderHtml(small()));
    const sups = all(d, 'sup').filter((s) => hasClass(s, 'fn-ref'));
    expect(sups.map((s) => [s.getAttribute('id'), text(s), all2(s, 'a')[0]?.getAttribute('href')])).toEqual([
      ['fnref-3', '3', '#fn-3'], ['fnref-1', '1', '#fn-1'], ['fnref-2', '2', '#fn-2'],
    ]);
    expect(text(sups[0].parentNode as El)).toBe('Cooperation on testing3');
    const items = all(one(d, 'footnotes') as unknown as Doc, 'li');
    expect(items.map((li) => [li.getAttribute('id'), text(li)])).toEqual([
      ['fn-1', '1Official Records of the General Assembly, Seventy-eighth Session.↩'],
      ['fn-2', '2A/79/100.↩'],
      ['fn-3', '3Circulated in all official languages.↩'],
    ]);
    // The footnotes come after the last paragraph.
    const html = renderHtml(small());
    expect(html.indexOf('class="footnotes"')).toBeGreaterThan(html.indexOf('Decides</span> to remain seized'));
  });

  it('prints a marker with no footnote behind it as a plain superscript, never a dangling link', () => {
    const doc = small();
    const op3 = doc.operative[doc.operative.length - 1];
    const bad: ExportDocument = { ...doc, operative: [...doc.operative.slice(0, -1), { ...op3, inlines: [...op3.inlines, { kind: 'footnote', number: 9 }] }] };
    const d = parse(renderHtml(bad));
    const sup = all(d, 'sup').find((s) => s.getAttribute('data-footnote') === '9');
    expect(sup && text(sup)).toBe('9');
    expect(sup && all2(sup, 'a')).toHaveLength(0);
  });

  it('escapes every piece of text, in content, attributes and the CSS running header', () => {
    const evil = '</style><script>alert("x")</script> & \'q\'';
    const res = smallDraft({ symbol: `A/<b>${evil}`, title: `Title ${evil}`, agendaTitle: evil, sponsors: [`Land ${evil}`],
      footnotes: [{ number: 1, text: `Note ${evil}`, paragraphId: 'pp1', offset: 3 }] });
    res.preamble[0] = { ...res.preamble[0], id: 'pp "1" <x>', text: `Recalling ${evil}` };
    res.footnotes[0].paragraphId = res.preamble[0].id;
    const doc = buildExportDocument({ resolution: res });
    const html = renderHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    const d = parse(html);
    expect(all(d, 'script')).toHaveLength(0);
    expect(all(d, 'style')).toHaveLength(1);
    expect(text(one(d, 'mh-symbol'))).toBe(`A/<b>${evil}`.replace(/\s+/g, ' '));
    expect(text(all(d, 'h1')[0])).toBe(`Title ${evil}`);
    const pp1 = paras(d)[0];
    expect(pp1.getAttribute('data-id')).toBe('pp "1" <x>');
    expect(pp1.getAttribute('id')).toBe('para-pp__1___x_');
    expect(text(pp1)).toBe(`Rec1alling ${evil}`);
    expect(text(one(d, 'sponsor-line'))).toContain(`Land ${evil}`);
    expect(text(all(one(d, 'footnotes') as unknown as Doc, 'li')[0])).toContain(`Note ${evil}`);
    expect(escapeHtml('a\u0000b')).toBe('a\uFFFDb');
  });

  it('renders an empty draft as a valid page named after its kind, with the default distribution', () => {
    const empty = smallDraft({ symbol: '', title: '', organName: '', distribution: '', date: '', originalLanguage: '', session: '', committee: '',
      agendaItem: '', agendaTitle: '', sponsors: [], preamble: [], operative: [], footnotes: [], organ: '' });
    const d = parse(renderHtml(buildExportDocument({ resolution: empty })));
    expect(text(all(d, 'title')[0])).toBe('Draft resolution');
    expect(text(one(d, 'mh-organ'))).toBe('General Assembly');
    expect(text(one(d, 'mh-distr'))).toBe('Distr.: Limited');
    expect(paras(d)).toHaveLength(0);
    expect(byClass(d, 'footnotes')).toHaveLength(0);
    expect(all(d, 'h1')).toHaveLength(0);
  });

  it('keeps anchors unique when paragraph ids clash after cleaning', () => {
    const res = smallDraft();
    res.operative[0] = { ...res.operative[0], id: 'a b' };
    res.operative[2] = { ...res.operative[2], id: 'a/b' };
    const ids = paras(parse(renderHtml(buildExportDocument({ resolution: res })))).map((p) => p.getAttribute('id'));
    expect(ids).toContain('para-a_b');
    expect(ids).toContain('para-a_b-2');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints page boxes by default, none with marginBoxes: false, and opens the print dialog when asked', () => {
    const doc = small();
    expect(renderHtml(doc)).toMatch(/@top-right \{ content: "A\/C\.1\/79\/L\.7"/);
    expect(renderHtml(doc)).toContain('counter(page) "/" counter(pages)');
    expect(renderHtml(doc, { marginBoxes: false })).not.toContain('counter(pages)');
    const printing = parse(renderHtml(doc, { autoPrint: true }));
    expect(all(printing, 'script').map(text)).toEqual(['window.addEventListener("load", function () { window.print(); });']);
  });

  it('gives page.pdf header and footer templates with the escaped symbol and page number slots', () => {
    const { headerTemplate, footerTemplate } = printHeaderFooter(buildExportDocument({ resolution: smallDraft({ symbol: 'A/<x>' }) }));
    expect(headerTemplate).toContain('A/&lt;x&gt;');
    expect(footerTemplate).toContain('<span class="pageNumber"></span>/<span class="totalPages"></span>');
    expect(headerTemplate + footerTemplate).toContain('Times New Roman');
  });

  it('renders the whole L.11 corpus draft: every paragraph, both footnotes, no parser complaint', () => {
    const doc = buildExportDocument({ resolution: l11() });
    const d = parse(renderHtml(doc));
    expect(paras(d).map((p) => p.getAttribute('data-ref'))).toEqual([...doc.preamble, ...doc.operative].map((b) => b.ref));
    expect(byClass(d, 'opener')).toHaveLength(doc.preamble.length + doc.operative.filter((b) => b.depth === 0).length);
    expect(all(one(d, 'footnotes') as unknown as Doc, 'li').map(text)).toEqual(['1See A/78/265.↩', '2A/AC.292/2023/INF/5.↩']);
  });
});

describe('renderHtml: the compilation', () => {
  const d = parse(renderHtml(smallCompilation()));
  const block = (ref: string): El => {
    const p = paras(d).find((e) => e.getAttribute('data-ref') === ref);
    if (!p) throw new Error(`no paragraph ${ref}`);
    return p.parentNode as El;
  };

  it('explains the marks in a legend before the text', () => {
    const legend = one(d, 'legend');
    expect(text(legend)).toContain('Underlined words [Delegation] are added');
    expect(text(legend)).toContain('agreed ad ref');
    expect(renderHtml(smallCompilation()).indexOf('class="legend"')).toBeLessThan(renderHtml(smallCompilation()).indexOf('class="organ"'));
  });

  it('badges each paragraph with its status and brackets bracketed paragraphs', () => {
    const badges = paras(d).map((p) => text(byClassIn(p.parentNode as El, 'badge')[0]));
    expect(badges).toEqual(['agreed', 'pending', 'pending', 'agreed ad ref', 'proposed new paragraph', 'bracketed', 'pending', 'pending', 'pending', 'pending']);
    expect(text(byClassIn(block('OP2'), 'para')[0])).toBe('2. [Calls upon States to:]');
    expect(block('OP2').getAttribute('data-status')).toBe('bracketed');
  });

  it('shows a sole wording amendment in place as attributed <ins>/<del>, and lists it under the paragraph', () => {
    const op1 = block('OP1');
    const ins = all2(op1, 'ins');
    expect(ins.map((e) => [text(e), e.getAttribute('data-by'), e.getAttribute('data-amendment')])).toEqual([['annual', 'Brazil', 'am1']]);
    expect(text(byClassIn(op1, 'para')[0])).toBe('1. Welcomes the annual [Brazil] report of the Secretary-General2;');
    expect(byClassIn(op1, 'proposal').map(text)).toEqual(['[Brazil] new wording, shown in the paragraph above Reason: Precision.']);
    expect(text(byClassIn(op1, 'positions')[0])).toBe('Positions: support 2 (Argentina, Norway); oppose 1 (Cuba)');
  });

  it('prints a proposed paragraph as "OP1 bis [Chile, with Fiji and Peru]" with its positions', () => {
    const bis = block('OP1 bis');
    expect(text(byClassIn(bis, 'block-head')[0])).toBe('OP1 bis [Chile, with Fiji and Peru] proposed new paragraph');
    expect(text(byClassIn(bis, 'para')[0])).toBe('1 bis. Encourages regional cooperation;');
    const ins = all2(bis, 'ins');
    expect(ins.map((e) => [text(e), e.getAttribute('data-by'), e.getAttribute('data-amendment')])).toEqual([['Encourages regional cooperation;', 'Chile', 'am2']]);
    expect(byClassIn(bis, 'by')).toHaveLength(0);
    expect(text(byClassIn(bis, 'positions')[0])).toBe('Positions: support 1 (Peru)');
  });

  it('lists delete and move proposals under their paragraph', () => {
    expect(byClassIn(block('OP3'), 'proposal').map((li) => [li.getAttribute('data-kind'), text(li)])).toEqual([
      ['delete', '[Kenya] delete the paragraph'], ['move', '[Egypt] move after OP1'],
    ]);
  });

  it('strikes deletions and tags a replacement once, after both runs; a proposal not shown in place prints its own runs', () => {
    const doc = smallCompilation();
    const op3 = doc.operative.find((b) => b.ref === 'OP3');
    if (!op3?.negotiation) throw new Error('no OP3');
    op3.inlines = [{ kind: 'text', text: 'Decides', italic: true }, { kind: 'text', text: ' to ', italic: false },
      { kind: 'del', text: 'remain', by: 'Cuba', amendmentId: 'x' }, { kind: 'ins', text: 'stay ', by: 'Cuba', amendmentId: 'x' },
      { kind: 'text', text: 'seized of the matter.', italic: false }];
    op3.negotiation.proposals.push({ amendmentId: 'y', kind: 'wording', by: 'Peru', cosigners: ['Chile'], moveAfter: '', stale: true, rationale: '',
      inlines: [{ kind: 'text', text: 'Decides', italic: true }, { kind: 'del', text: ' to remain seized', by: 'Peru', amendmentId: 'y' }, { kind: 'text', text: '.', italic: false }] });
    const dd = parse(renderHtml(doc));
    const p = paras(dd).find((e) => e.getAttribute('data-ref') === 'OP3');
    expect(text(p)).toBe('3. Decides to remainstay [Cuba] seized of the matter.');
    expect(all2(p as El, 'del').map((e) => e.getAttribute('data-by'))).toEqual(['Cuba']);
    const peru = byClassIn(p?.parentNode as El, 'proposal').find((li) => li.getAttribute('data-amendment') === 'y');
    expect(text(peru)).toBe('[Peru, with Chile] new wording: 3. Decides to remain seized. (drafted against an earlier text of the paragraph)');
    expect(peru && all2(peru, 'del').map(text)).toEqual(['to remain seized']);
    expect(peru && byClassIn(peru, 'by')).toHaveLength(0);
  });

  it('renders the L.11 compilation with OP5 bis from Brazil and the bracketed OP5', () => {
    const doc = l11Compilation();
    const dd = parse(renderHtml(doc));
    const refs = paras(dd).map((p) => p.getAttribute('data-ref'));
    expect(refs.indexOf('OP5 bis')).toBe(refs.indexOf('OP5') + 1);
    expect(text(byClass(dd, 'block-head').find((h) => text(h).startsWith('OP5 bis')))).toBe('OP5 bis [Brazil, with Chile] proposed new paragraph');
    const changes = (tag: string): string[] => all(dd, tag).filter((e) => e.getAttribute('data-by') !== null).map((e) => `${text(e)}|${e.getAttribute('data-by')}`);
    expect(changes('ins')).toEqual(['Strongly supports|Norway', 'Stresses the importance of capacity-building for all States;|Brazil']);
    expect(changes('del')).toEqual(['Supports|Norway']);
    expect(text(paras(dd).find((p) => p.getAttribute('data-ref') === 'OP1'))).toMatch(/^1\. SupportsStrongly supports \[Norway\] the work/);
  });
});

function all2(e: El, tag: string): El[] {
  return Array.from(e.getElementsByTagName(tag));
}

function byClassIn(e: El, cls: string): El[] {
  return all2(e, '*').filter((x) => hasClass(x, cls));
}
