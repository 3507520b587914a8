/**
 * Operations for the gate fuzz tests: random legitimate and illegitimate writes by random actors, each with
 * the verdict rules.ts intends for it (computed without the gate). Test support only.
 */
import * as Y from 'yjs';
import * as A from '../negotiation/actions.ts';
import { NEGOTIATION_ROOT, PARAGRAPH_STATUSES, PHASES, STANCES, type Actor, type AmendmentStatus } from '../negotiation/layout.ts';
import { ROOT } from '../resolution/ydoc.ts';
import {
  ALLOW, canCosignAmendment, canEditAmendment, canEditMasthead, canEditParagraph, canEditText, canProposeAmendment,
  canRecordPosition, canSetAmendmentStatus, canSetParagraphStatus, canSetPhase, canWriteDraftSponsor,
  canWriteParagraphSponsor, type Verdict,
} from './rules.ts';
import { ACTORS, element, setAttr } from './testkit.ts';
import { mulberry32 } from '../../test/helpers/prng.ts';

/** The tests' seeded generator (test/helpers/prng.ts). */
export const rng = mulberry32;

export const CAST: Actor[] = Object.values(ACTORS);
const NAMES = ['Brazil', 'Chile', 'Peru', 'Mexico'];
const deny = (reason: NonNullable<Extract<Verdict, { ok: false }>['reason']>): Verdict => ({ ok: false, reason });
const observerFirst = (actor: Actor, v: Verdict): Verdict => (actor.role === 'observer' ? deny('observer-read-only') : v);

export interface Op { name: string; expected: Verdict; run: (doc: Y.Doc) => void }

/** Top-level body elements by id (test-only, O(document)). */
export function elements(doc: Y.Doc): Y.XmlElement[] {
  return doc.getXmlFragment(ROOT.body).toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
}
const idOf = (el: Y.XmlElement): string => String(el.getAttribute('id') ?? '');

export function planOp(server: Y.Doc, actor: Actor, rand: () => number, nextId: () => string): Op {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const phase = A.readPhase(server);
  const tabled = A.readTabledAt(server) !== '';
  const ids = elements(server).map(idOf).filter(Boolean);
  const pid = ids.length ? pick(ids) : 'none';
  const status = A.readStatus(server, pid);
  const someone = rand() < 0.6 && actor.delegation ? actor.delegation : pick(NAMES);
  const amendments = A.readAmendments(server);
  const am = amendments.length ? pick(amendments) : null;
  const at = { now: () => '2026-03-03T00:00:00.000Z', newId: nextId };
  const find = (doc: Y.Doc, id: string) => elements(doc).find((e) => idOf(e) === id);
  const positionOp = (): Op => {
    const stance = pick(STANCES);
    return {
      name: `position ${pid} ${someone} ${stance}`, expected: canRecordPosition(actor, { delegation: someone, phase }),
      run: (d) => A.recordPosition(d, pid, someone, stance, 'n', at),
    };
  };
  switch (Math.floor(rand() * 17)) {
    case 0: return {
      name: `type in ${pid}`, expected: canEditParagraph(actor, { phase, status }),
      run: (d) => {
        const el = find(d, pid);
        if (!el) return;
        const t = el.toArray().find((c) => c instanceof Y.XmlText);
        if (t instanceof Y.XmlText) t.insert(Math.floor(rand() * (t.length + 1)), 'w'); else el.insert(0, [new Y.XmlText('w')]);
      },
    };
    case 1: return {
      name: `delete ${pid}`, expected: ids.length > 1 ? canEditParagraph(actor, { phase, status }) : ALLOW,
      run: (d) => { const el = find(d, pid); if (el && ids.length > 1) d.getXmlFragment(ROOT.body).delete(elements(d).indexOf(el), 1); },
    };
    case 2: return {
      name: 'insert paragraph', expected: canEditText(actor, { phase }),
      run: (d) => { const el = element('operative'); d.getXmlFragment(ROOT.body).insert(0, [el]); el.setAttribute('id', nextId()); setAttr(el, 'level', 0); },
    };
    case 3: {
      const to = pick(PARAGRAPH_STATUSES);
      return { name: `status ${pid} ${to}`, expected: canSetParagraphStatus(actor, { phase }), run: (d) => A.setParagraphStatus(d, pid, to, actor.participant, at) };
    }
    case 4: {
      const to = pick(PHASES);
      return { name: `phase ${to}`, expected: canSetPhase(actor), run: (d) => A.setPhase(d, to) };
    }
    case 5: return { name: 'tabled', expected: canSetPhase(actor), run: (d) => A.markTabled(d, at) };
    case 6: return { name: 'masthead', expected: canEditMasthead(actor, { phase }), run: (d) => d.getMap(ROOT.meta).set('date', `d${rand()}`) };
    case 7: {
      const kind = pick([undefined, 'main', 'co', 'additional'] as const);
      const effective = kind ?? (tabled ? 'additional' : 'co');
      return {
        name: `sponsor ${someone} ${effective}`, expected: canWriteDraftSponsor(actor, { delegation: someone, phase, kind: effective, tabled }),
        run: (d) => A.joinDraftSponsors(d, someone, kind, at),
      };
    }
    case 8: return {
      name: `unsponsor ${someone}`,
      expected: server.getMap(ROOT.sponsors).has(someone) ? canWriteDraftSponsor(actor, { delegation: someone, phase }) : ALLOW,
      run: (d) => A.leaveDraftSponsors(d, someone),
    };
    case 9: return {
      name: `co-sponsor ${pid} ${someone}`, expected: canWriteParagraphSponsor(actor, { delegation: someone, role: 'co', phase }),
      run: (d) => A.joinParagraph(d, pid, someone, 'co', at),
    };
    case 10: {
      const insert = rand() < 0.3;
      const targetStatus = insert ? undefined : status;
      const can = canProposeAmendment(actor, { phase, targetStatus });
      return {
        name: `propose by ${someone} on ${pid}`,
        expected: can.ok && someone !== actor.delegation ? deny('not-your-delegation') : can,
        run: (d) => A.proposeAmendment(d, { author: someone, kind: insert ? 'insert' : 'wording', target: insert ? '' : pid, after: pid, text: 'x' }, at),
      };
    }
    case 11: if (am) {
      return {
        name: `edit ${am.id}`, expected: canEditAmendment(actor, { amendment: am, phase, targetStatus: am.target ? A.readStatus(server, am.target) : undefined }),
        run: (d) => A.editAmendmentText(d, am.id, `${am.text}y`, at),
      };
    }
      return positionOp();
    case 12: if (am) {
      const to: AmendmentStatus = pick(['proposed', 'withdrawn', 'accepted', 'rejected'] as const);
      return { name: `${am.id} ${am.status}→${to}`, expected: canSetAmendmentStatus(actor, { amendment: am, to, phase }), run: (d) => A.setAmendmentStatus(d, am.id, to, at) };
    }
      return positionOp();
    case 13: if (am) {
      return {
        name: `cosign ${am.id} ${someone}`, expected: canCosignAmendment(actor, { delegation: someone, amendment: am, phase }),
        run: (d) => A.cosignAmendment(d, am.id, someone, at),
      };
    }
      return positionOp();
    case 14: return positionOp();
    case 15: return { name: 'unknown root', expected: observerFirst(actor, deny('unknown-root')), run: (d) => d.getMap('notes').set('k', 1) };
    default: return am
      ? { name: `delete ${am.id}`, expected: observerFirst(actor, deny('amendment-not-deletable')), run: (d) => d.getMap(NEGOTIATION_ROOT.amendments).delete(am.id) }
      : { name: 'noop', expected: ALLOW, run: () => undefined };
  }
}

/** Every root's content as plain JSON, for convergence checks. */
export function snapshot(doc: Y.Doc): string {
  // Map key order depends on integration order, not content: sort keys.
  const sorted = (_k: string, v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v;
  return JSON.stringify({
    body: doc.getXmlFragment(ROOT.body).toString(),
    meta: doc.getMap(ROOT.meta).toJSON(),
    sponsors: doc.getMap(ROOT.sponsors).toJSON(),
    ...Object.fromEntries(Object.values(NEGOTIATION_ROOT).map((r) => [r, doc.getMap(r).toJSON()])),
  }, sorted);
}

