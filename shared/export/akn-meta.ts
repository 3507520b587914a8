/**
 * The `<meta>` and `<preface>` of the Akoma Ntoso export: FRBR identification built from the symbol,
 * a TLCOrganization per sponsor / organ / committee plus the penholder source, and the masthead as
 * preface containers (docNumber, docAuthority, docStatus, docDate, session, docCommittee,
 * docProponent, docType, docTitle). Pure.
 */
import type { ExportDocument } from './document.ts';
import { EidAllocator, STATEMENT_NAME, camelName, isoDate, symbolSegment } from './akn-ids.ts';
import { block, escText, inline } from './akn-xml.ts';

/** eId of the penholder TLC: the `source` of every metadata block. */
export const PENHOLDER_EID = 'penholder';

/** Fixed eIds of the document's frame, claimed first so no organisation name can take them. */
export const FRAME_EIDS = ['masthead', 'sponsors', 'adoptionNote', 'longTitle', 'enactingFormula', 'recitals'] as const;

/** Organisations named in a document, with their TLC eIds. */
export interface AknOrgs {
  organ: { eid: string; name: string } | null;
  committee: { eid: string; name: string } | null;
  /** Sponsor name → eId (line sponsors and additional sponsors). */
  sponsors: Map<string, string>;
}

/** "The General Assembly," → "General Assembly" (when the masthead has no organ name). */
function organNameOf(doc: ExportDocument): string {
  const fromMasthead = doc.masthead.organName.trim();
  if (fromMasthead) return fromMasthead;
  return doc.organ.trim().replace(/^The\s+/i, '').replace(/[,:;.\s]+$/, '');
}

/** Claims the TLC eIds (before any paragraph eId, so the names stay readable). */
export function allocateOrgs(doc: ExportDocument, eids: EidAllocator): AknOrgs {
  for (const eid of [PENHOLDER_EID, ...FRAME_EIDS]) eids.claim(eid);
  const organName = organNameOf(doc);
  const committee = doc.masthead.committee.trim();
  const sponsors = new Map<string, string>();
  for (const name of [...doc.sponsors, ...doc.additionalSponsors]) {
    if (!sponsors.has(name)) sponsors.set(name, eids.claim(camelName(name, 'delegation')));
  }
  return {
    organ: organName ? { eid: eids.claim(camelName(organName, 'organ')), name: organName } : null,
    committee: committee ? { eid: eids.claim(camelName(committee, 'committee')), name: committee } : null,
    sponsors,
  };
}

/** Today (or `now`) as an xsd:date. */
export function generationDate(now: string | undefined): string {
  const parsed = now !== undefined ? new Date(now) : new Date();
  const date = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  return date.toISOString().slice(0, 10);
}

function tlc(eid: string, name: string): string {
  return inline('TLCOrganization', [['eId', eid], ['href', `/akn/ontology/organizations/un/${eid}`], ['showAs', name]], '');
}

/** `<meta>`: identification (FRBR work / expression / manifestation) and references. */
export function renderMeta(doc: ExportDocument, orgs: AknOrgs, generated: string): string {
  const name = STATEMENT_NAME[doc.kind] ?? STATEMENT_NAME['draft-resolution'];
  const docDate = isoDate(doc.masthead.date);
  const work = `/akn/un/statement/${name}/${symbolSegment(doc.baseSymbol)}`;
  // The original is the "@" expression; a revision is its own expression of the same work.
  const expression = `${work}/eng@${doc.revision >= 1 ? `rev-${doc.revision}` : ''}`;
  const author = `#${orgs.organ?.eid ?? PENHOLDER_EID}`;
  const dateName = docDate ? (doc.kind === 'resolution' || doc.kind === 'decision' ? 'issued' : 'tabled') : 'generation';
  const el = (tag: string, attrs: ReadonlyArray<readonly [string, string | undefined]>): string => inline(tag, attrs, '');

  const frbrWork = block('FRBRWork', [], [
    el('FRBRthis', [['value', `${work}/!main`]]),
    el('FRBRuri', [['value', work]]),
    el('FRBRdate', [['date', docDate ?? generated], ['name', dateName]]),
    el('FRBRauthor', [['href', author]]),
    el('FRBRcountry', [['value', 'un']]),
    ...(doc.baseSymbol ? [el('FRBRnumber', [['value', doc.baseSymbol]])] : []),
    el('FRBRname', [['value', name]]),
  ]);
  const frbrExpression = block('FRBRExpression', [], [
    el('FRBRthis', [['value', `${expression}/!main`]]),
    el('FRBRuri', [['value', expression]]),
    el('FRBRdate', [['date', docDate ?? generated], ['name', dateName]]),
    el('FRBRauthor', [['href', author]]),
    ...(doc.revision >= 1 ? [el('FRBRversionNumber', [['value', `Rev.${doc.revision}`]])] : []),
    el('FRBRlanguage', [['language', 'eng']]),
  ]);
  const frbrManifestation = block('FRBRManifestation', [], [
    el('FRBRthis', [['value', `${expression}/!main.xml`]]),
    el('FRBRuri', [['value', `${expression}.akn`]]),
    el('FRBRdate', [['date', generated], ['name', 'generation']]),
    el('FRBRauthor', [['href', `#${PENHOLDER_EID}`]]),
    el('FRBRformat', [['value', 'application/akn+xml']]),
  ]);
  const refs = [
    ...(orgs.organ ? [tlc(orgs.organ.eid, orgs.organ.name)] : []),
    ...(orgs.committee ? [tlc(orgs.committee.eid, orgs.committee.name)] : []),
    ...[...orgs.sponsors].map(([sponsor, eid]) => tlc(eid, sponsor)),
    tlc(PENHOLDER_EID, 'Penholder'),
  ];
  return block('meta', [], [
    block('identification', [['source', `#${PENHOLDER_EID}`]], [frbrWork, frbrExpression, frbrManifestation]),
    block('references', [['source', `#${PENHOLDER_EID}`]], refs),
  ]);
}

function p(cls: string, inner: string): string {
  return inline('p', [['class', cls]], inner);
}

function proponent(name: string, orgs: AknOrgs): string {
  const eid = orgs.sponsors.get(name);
  return inline('docProponent', [['refersTo', eid ? `#${eid}` : undefined]], escText(name));
}

/**
 * The sponsor line exactly as the document prints it, with each sponsor marked as a docProponent and
 * the words after the colon ("draft resolution") as the docType.
 */
function sponsorLine(doc: ExportDocument, orgs: AknOrgs): string[] {
  const line = doc.sponsorLine;
  let out = '';
  let cursor = 0;
  const missing: string[] = [];
  for (const name of doc.sponsors) {
    const at = line.indexOf(name, cursor);
    if (at < 0) { missing.push(name); continue; }
    out += escText(line.slice(cursor, at)) + proponent(name, orgs);
    cursor = at + name.length;
  }
  const rest = line.slice(cursor);
  const typed = /^([^:]*:\s*)(\S[\s\S]*)$/.exec(rest);
  out += typed ? escText(typed[1]) + inline('docType', [], escText(typed[2])) : escText(rest);
  const lines = out === '' ? [] : [p('sponsorLine', out)];
  // Sponsors the line does not print (an adopted text, or a line out of step) are still listed.
  if (missing.length > 0) lines.push(p('sponsors', missing.map((n) => proponent(n, orgs)).join(', ')));
  if (doc.additionalSponsors.length > 0) {
    lines.push(p('additionalSponsors', doc.additionalSponsors.map((n) => proponent(n, orgs)).join(', ')));
  }
  return lines;
}

/** `<preface>` (null when the document has nothing to put there). `titleNotes`: unanchored footnotes. */
export function renderPreface(doc: ExportDocument, orgs: AknOrgs, titleNotes: string): string | null {
  const m = doc.masthead;
  const masthead: string[] = [];
  if (m.symbol) masthead.push(p('symbol', inline('docNumber', [], escText(m.symbol))));
  if (m.organName) {
    masthead.push(p('organName', inline('docAuthority', [['refersTo', orgs.organ ? `#${orgs.organ.eid}` : undefined]], escText(m.organName))));
  }
  if (m.distribution) masthead.push(p('distribution', `Distr.: ${inline('docStatus', [], escText(m.distribution))}`));
  if (m.date) {
    const iso = isoDate(m.date);
    masthead.push(p('date', iso ? inline('docDate', [['date', iso]], escText(m.date)) : inline('inline', [['name', 'date']], escText(m.date))));
  }
  if (m.originalLanguage) masthead.push(p('originalLanguage', `Original: ${inline('inline', [['name', 'originalLanguage']], escText(m.originalLanguage))}`));

  const parts: string[] = [];
  if (masthead.length > 0) parts.push(block('container', [['name', 'masthead'], ['eId', 'masthead']], masthead));
  if (m.session) parts.push(p('session', inline('session', [], escText(m.session))));
  if (m.committee) {
    parts.push(p('committee', inline('docCommittee', [['refersTo', orgs.committee ? `#${orgs.committee.eid}` : undefined]], escText(m.committee))));
  }
  if (m.agendaItem) parts.push(p('agendaItem', `Agenda item ${inline('inline', [['name', 'agendaItem']], escText(m.agendaItem))}`));
  if (m.agendaTitle) parts.push(p('agendaTitle', inline('inline', [['name', 'agendaTitle']], escText(m.agendaTitle))));
  const sponsors = sponsorLine(doc, orgs);
  if (sponsors.length > 0) parts.push(block('container', [['name', 'sponsors'], ['eId', 'sponsors']], sponsors));
  if (m.adoptionNote) {
    const lines = m.adoptionNote.split('\n').map((l) => p('adoptionNote', escText(l)));
    parts.push(block('container', [['name', 'adoptionNote'], ['eId', 'adoptionNote']], lines));
  }
  if (doc.title || titleNotes) {
    parts.push(block('longTitle', [['eId', 'longTitle']], [inline('p', [], (doc.title ? inline('docTitle', [], escText(doc.title)) : '') + titleNotes)]));
  }
  return parts.length > 0 ? block('preface', [], parts) : null;
}
