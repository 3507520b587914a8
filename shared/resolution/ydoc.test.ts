import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { readFileSync } from 'node:fs';
import { importResolution } from '../import/index.ts';
import { CORPUS_DIR, CORPUS_RESOLUTIONS, loadCorpusFixture } from '../../test/fixtures/corpus-json.ts';
import { sequentialIds } from './ids.ts';
import { resolutionSchema } from './schema.ts';
import type { ResolutionJSON } from './types.ts';
import {
  docJSONToResolution, emptyResolution, readResolutionFromYDoc, readSponsors, resolutionToDocJSON, writeResolutionToYDoc,
} from './ydoc.ts';

function roundTrip(res: ResolutionJSON): { doc: Y.Doc; back: ResolutionJSON } {
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, res, { newId: sequentialIds('x') });
  return { doc, back: readResolutionFromYDoc(doc) };
}

function countBlocks(res: ResolutionJSON): number {
  const subs = (list: { subparagraphs: unknown[] }[]): number =>
    list.reduce((n, s) => n + 1 + subs(s.subparagraphs as { subparagraphs: unknown[] }[]), 0);
  return res.title.split('\n').length + res.organ.split('\n').length + subs(res.preamble) + subs(res.operative)
    + (res.closing ? res.closing.split('\n').length : 0);
}

describe('corpus round trip (ResolutionJSON → Y.Doc → ResolutionJSON)', () => {
  for (const name of CORPUS_RESOLUTIONS) {
    it(name, () => {
      const res = loadCorpusFixture(name);
      res.symbol = name.replace(/\.txt$/, '').replace(/-/g, '/');
      res.sponsors = ['Belarus', 'China', 'Russian Federation'];
      expect(res.operative.length).toBeGreaterThan(1);
      const { doc, back } = roundTrip(res);
      expect(back).toEqual(res);
      // The Collaboration binding reads the same fragment without dropping or deleting anything.
      const before = Y.encodeStateAsUpdate(doc);
      const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('body'), resolutionSchema);
      pm.check();
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
      expect(pm.childCount).toBe(countBlocks(res));
      let markers = 0;
      pm.descendants((n) => { if (n.type.name === 'footnote') markers++; return true; });
      expect(markers).toBe(res.footnotes.length);
      const state = EditorState.create({ schema: resolutionSchema, doc: pm });
      expect(docJSONToResolution(state.doc.toJSON(), { ...res })).toEqual(res);
    });
  }

  it.each(CORPUS_RESOLUTIONS)('importer output round-trips exactly: %s', (name) => {
    const imported = importResolution(readFileSync(`${CORPUS_DIR}/${name}`, 'utf8'), { newId: sequentialIds('imp') });
    if (!imported.ok) throw new Error(`importer refused ${name}: ${imported.message}`);
    const { back } = roundTrip(imported.resolution);
    expect(back).toEqual(imported.resolution);
  });

  it('fixtures cover decimal sub-paragraphs, UN sub-paragraphs and footnotes', () => {
    const r73 = loadCorpusFixture('A-RES-73-27.txt');
    expect(r73.operative[0].subparagraphs.map((s) => s.label).slice(0, 3)).toEqual(['1.1', '1.2', '1.3']);
    expect(r73.operative[3].subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)', '(d)']);
    expect(r73.footnotes.length).toBeGreaterThanOrEqual(5);
  });
});

describe('writeResolutionToYDoc', () => {
  it('writes the fixed root layout and nothing else', () => {
    const res = emptyResolution();
    res.sponsors = ['France', 'Chad', 'France'];
    const doc = new Y.Doc();
    writeResolutionToYDoc(doc, res, { now: '2026-01-01T00:00:00.000Z' });
    expect([...doc.share.keys()].sort()).toEqual(['body', 'meta', 'sponsors']);
    expect(doc.getMap('meta').get('kind')).toBe('draft-resolution');
    expect(doc.getMap('meta').get('organName')).toBe('General Assembly');
    expect(readSponsors(doc)).toEqual([
      { name: 'France', entry: { order: 0, kind: 'main', at: '2026-01-01T00:00:00.000Z' } },
      { name: 'Chad', entry: { order: 1, kind: 'main', at: '2026-01-01T00:00:00.000Z' } },
    ]);
  });

  it('writes in one transaction and replaces earlier content', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    writeResolutionToYDoc(doc, loadCorpusFixture('A-RES-78-16.txt'));
    expect(updates).toBe(1);
    const res = emptyResolution();
    writeResolutionToYDoc(doc, res);
    expect(readResolutionFromYDoc(doc)).toEqual(res);
  });

  it('encodes attributes the way y-tiptap does (numbers stay numbers, labelStyle on operatives)', () => {
    const res = emptyResolution();
    res.operative[0].subparagraphs = [{ id: 's1', label: '1.1', text: 'x', subparagraphs: [] }];
    const doc = new Y.Doc();
    writeResolutionToYDoc(doc, res);
    const els = doc.getXmlFragment('body').toArray() as Y.XmlElement[];
    const sub = els.find((e) => e.getAttribute('id') === 's1');
    expect(sub?.nodeName).toBe('operative');
    expect(sub?.getAttribute('level')).toBe(1);
    expect(sub?.getAttribute('labelStyle')).toBe('decimal');
    expect(readResolutionFromYDoc(doc).operative[0].subparagraphs[0].label).toBe('1.1');
  });

  it('anchors footnotes at paragraph offsets, several per paragraph, and unanchored ones in the title', () => {
    const res = emptyResolution();
    res.title = 'A title';
    res.preamble[0].text = 'Recalling resolution 1 and 2,';
    const id = res.preamble[0].id;
    res.footnotes = [
      { number: 1, text: 'Title note', paragraphId: '', offset: 7 },
      { number: 2, text: 'one', paragraphId: id, offset: 22 },
      { number: 3, text: 'two', paragraphId: id, offset: 28 },
    ];
    const { doc, back } = roundTrip(res);
    expect(back).toEqual(res);
    const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('body'), resolutionSchema);
    expect(pm.child(2).toString()).toBe('preambular("Recalling resolution 1", footnote, " and 2", footnote, ",")');
  });
});

describe('readResolutionFromYDoc on odd content', () => {
  it('never throws and keeps the text of unknown or malformed nodes', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    const weird = new Y.XmlElement('heading');
    weird.insert(0, [new Y.XmlText('Stray heading')]);
    const sub = new Y.XmlElement('operative');
    sub.setAttribute('id', 'orphan');
    sub.setAttribute('level', '7' as unknown as string);
    sub.insert(0, [new Y.XmlText('Sub without parent')]);
    const strayNote = new Y.XmlElement('footnote');
    strayNote.setAttribute('text', 'stray note');
    body.insert(0, [weird, new Y.XmlText('loose text'), sub, strayNote]);
    doc.getMap('meta').set('kind', 42);
    doc.getMap('sponsors').set('Chad', 'junk');
    const res = readResolutionFromYDoc(doc);
    expect(res.kind).toBe('draft-resolution');
    expect(res.sponsors).toEqual(['Chad']);
    expect(res.preamble.map((p) => p.text)).toEqual(['Stray heading', 'loose text', '']);
    expect(res.footnotes).toEqual([{ number: 1, text: 'stray note', paragraphId: '', offset: 0 }]);
    expect(res.operative).toEqual([{ id: 'orphan', number: 1, text: 'Sub without parent', subparagraphs: [] }]);
  });

  it('rebuilds nesting from levels, clamping jumps', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'operative', attrs: { id: 'a', level: 0 }, content: [{ type: 'text', text: 'Decides' }] },
        { type: 'operative', attrs: { id: 'b', level: 2 } },
        { type: 'operative', attrs: { id: 'c', level: 2 } },
        { type: 'operative', attrs: { id: 'd', level: 1 } },
        { type: 'operative', attrs: { id: 'e', level: 0 } },
      ],
    };
    const res = docJSONToResolution(json);
    expect(res.operative.map((o) => o.number)).toEqual([1, 2]);
    const subs = res.operative[0].subparagraphs;
    expect(subs.map((s) => [s.id, s.label])).toEqual([['b', '(a)'], ['d', '(b)']]);
    expect(subs[0].subparagraphs.map((s) => [s.id, s.label])).toEqual([['c', '(i)']]);
  });

  it('resolutionToDocJSON builds a schema-valid document', () => {
    const json = resolutionToDocJSON(loadCorpusFixture('A-RES-73-27.txt'));
    expect(() => PMNode.fromJSON(resolutionSchema, json).check()).not.toThrow();
  });
});
