/**
 * A hostile client (raw yjs + y-protocols frames over `ws`, Kenya's delegation token) forges one
 * update per rule. Each is refused with a named reason, the sender is closed, and the honest
 * clients (y-websocket providers for the chair, Brazil as penholder, Chile) see nothing: their
 * documents are byte-identical before and after, they stay connected and keep working.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../server/main.ts';
import {
  decodeMessage, decodeRefused, encodeAwareness, encodeSyncStep1, encodeSyncUpdate, type Refusal,
} from '../../server/core/protocol.ts';
import {
  joinDraftSponsors, joinParagraph, proposeAmendment, recordPosition, setAmendmentStatus, setParagraphStatus, setPhase,
  editAmendmentText, readPositions,
} from '../../shared/negotiation/actions.ts';
import { connect, createDraft, invite, rawSocket, synced, tmpDataDir, waitFor, type Client, type Draft } from './helpers.ts';

const MAX_FRAME = 64 * 1024;
let server: RunningServer;
let dataDir: string;
let draft: Draft;
const tokens: Record<string, string> = {};
const honest: Record<'chair' | 'brazil' | 'chile', Client> = {} as Record<'chair' | 'brazil' | 'chile', Client>;
let ops: string[] = [];
let amendmentId = '';

/** Paragraph ids of the operative paragraphs, in document order. */
function operativeIds(doc: Y.Doc): string[] {
  return doc.getXmlFragment('body').toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'operative')
    .map((n) => String(n.getAttribute('id')));
}

function textOf(doc: Y.Doc, id: string): Y.XmlText {
  const el = doc.getXmlFragment('body').toArray().find((n) => n instanceof Y.XmlElement && n.getAttribute('id') === id) as Y.XmlElement;
  return el.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;
}

const allHonest = (): Client[] => Object.values(honest);
const converged = (): boolean => {
  const [first, ...rest] = allHonest().map((c) => Y.encodeStateVector(c.doc).toString());
  return rest.every((sv) => sv === first);
};

/** Barrier: an awareness change from the chair reaches both others, so anything sent before it has arrived. */
let tick = 0;
async function barrier(): Promise<void> {
  tick += 1;
  const n = tick;
  honest.chair.provider.awareness.setLocalStateField('tick', n);
  const chairId = honest.chair.doc.clientID;
  await waitFor(() => [honest.brazil, honest.chile].every((c) => (c.provider.awareness.getStates().get(chairId) as { tick?: number } | undefined)?.tick === n), 'barrier');
}

interface Outcome {
  close: { code: number; reason: string };
  refusal: Refusal | undefined;
}

/** Opens a raw connection, syncs a local doc from the server, sends `forge(doc)`'s frame, waits for the close. */
async function attempt(token: string, forge: (doc: Y.Doc) => Uint8Array): Promise<Outcome> {
  const raw = rawSocket(server.url, draft.id, token);
  await raw.opened;
  raw.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  const step2 = await waitFor(() => raw.received.map((b) => decodeMessage(new Uint8Array(b))).find((m) => m.kind === 'sync-step2'), 'raw sync');
  const doc = new Y.Doc();
  if (step2.kind === 'sync-step2') Y.applyUpdate(doc, step2.update);
  raw.ws.send(forge(doc));
  const close = await raw.closed;
  const refusal = raw.received.map((b) => decodeRefused(new Uint8Array(b))).find((r) => r !== null) ?? undefined;
  return { close, refusal };
}

/** The update a change makes on the hostile's local doc, as a sync-update frame. */
function forged(change: (doc: Y.Doc) => void): (doc: Y.Doc) => Uint8Array {
  return (doc) => {
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    change(doc);
    return encodeSyncUpdate(Y.mergeUpdates(updates));
  };
}

beforeAll(async () => {
  dataDir = tmpDataDir('penholder-hostile-');
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, maxFrameBytes: MAX_FRAME, log: () => {} });
  draft = await createDraft(server.url, {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: fs.readFileSync(new URL('../fixtures/corpus/A-RES-78-16.txt', import.meta.url), 'utf8'),
  });
  tokens.chair = await invite(server.url, draft, 'Chair', 'chair');
  tokens.brazil = await invite(server.url, draft, 'Brazil', 'penholder');
  tokens.chile = await invite(server.url, draft, 'Chile', 'delegation');
  tokens.kenya = await invite(server.url, draft, 'Kenya', 'delegation');
  for (const name of ['chair', 'brazil', 'chile'] as const) {
    honest[name] = connect(server.url, draft.id, { token: tokens[name] });
    await synced(honest[name]);
  }
  ops = operativeIds(honest.chair.doc);
  expect(ops.length).toBeGreaterThanOrEqual(3);
  // Legitimate state, each change made by the actor allowed to make it.
  textOf(honest.brazil.doc, ops[2]).insert(0, 'Brazil drafted this. ');
  joinDraftSponsors(honest.chile.doc, 'Chile');
  joinParagraph(honest.chile.doc, ops[1], 'Chile');
  setParagraphStatus(honest.chair.doc, ops[0], 'agreed', 'Chair');
  await waitFor(converged, 'drafting state everywhere');
  setPhase(honest.chair.doc, 'negotiation');
  await waitFor(() => honest.chile.doc.getMap('control').get('phase') === 'negotiation', 'phase reached Chile');
  amendmentId = proposeAmendment(honest.chile.doc, { author: 'Chile', kind: 'wording', target: ops[1], text: 'Chile wording' });
  recordPosition(honest.chile.doc, ops[1], 'Chile', 'support', 'as drafted');
  await waitFor(() => converged() && honest.chair.doc.getMap('amendments').has(amendmentId), 'negotiation state everywhere');
  for (const c of allHonest()) c.provider.awareness.setLocalStateField('ready', true);
}, 30_000);

afterAll(async () => {
  for (const c of allHonest()) c?.destroy();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a hostile client is refused, rule by rule; honest clients see nothing', () => {
  const cases: Array<[string, 'kenya' | 'chair', () => (doc: Y.Doc) => Uint8Array, number, string | RegExp]> = [
    ['edit the text as a delegation during negotiation', 'kenya', () => forged((d) => textOf(d, ops[2]).insert(0, 'Kenya rewrites ')), 4409, 'phase-forbids-text-edit'],
    ['change another delegation\'s amendment wording', 'kenya', () => forged((d) => editAmendmentText(d, amendmentId, 'Kenya wording')), 4409, /author-only|no-delegation/],
    ['withdraw another delegation\'s amendment', 'kenya', () => forged((d) => setAmendmentStatus(d, amendmentId, 'withdrawn')), 4409, 'author-only'],
    ['change another delegation\'s position', 'kenya', () => forged((d) => recordPosition(d, ops[1], 'Chile', 'oppose')), 4409, 'not-your-delegation'],
    ['withdraw another delegation\'s draft sponsorship', 'kenya', () => forged((d) => d.getMap('sponsors').delete('Chile')), 4409, 'not-your-delegation'],
    ['sponsor a paragraph for another delegation', 'kenya', () => forged((d) => joinParagraph(d, ops[2], 'Chile')), 4409, 'not-your-delegation'],
    ['set a paragraph status as a delegation', 'kenya', () => forged((d) => setParagraphStatus(d, ops[1], 'agreed', 'Chair')), 4409, 'chair-only'],
    ['set the phase as a delegation', 'kenya', () => forged((d) => setPhase(d, 'closed')), 4409, 'chair-or-secretariat-only'],
    ['edit an agreed (locked) paragraph, even as the chair', 'chair', () => forged((d) => textOf(d, ops[0]).insert(0, 'Reopened: ')), 4409, 'paragraph-locked'],
    ['write an unknown root type', 'kenya', () => forged((d) => d.getMap('backdoor').set('admin', true)), 4409, 'unknown-root'],
    ['send a truncated update', 'kenya', () => (d) => {
      const u = forged((x) => x.getMap('positions').set(`${ops[2]}|Kenya`, { stance: 'support', note: 'x'.repeat(200), at: '' }))(d);
      return encodeSyncUpdate(decodeUpdatePayload(u).subarray(0, 40));
    }, 4400, 'malformed-update'],
    ['send an oversized update', 'kenya', () => forged((d) => d.getMap('positions').set(`${ops[2]}|Kenya`, { stance: 'support', note: 'y'.repeat(MAX_FRAME + 100), at: '' })), 4413, 'frame-too-large'],
  ];

  for (const [name, who, make, code, reason] of cases) {
    it(name, async () => {
      await barrier();
      const before = allHonest().map((c) => Y.encodeStateAsUpdate(c.doc));
      const out = await attempt(tokens[who], make());
      expect(out.close.code).toBe(code);
      expect(out.refusal?.reason).toMatch(reason);
      await barrier();
      const after = allHonest().map((c) => Y.encodeStateAsUpdate(c.doc));
      expect(after).toEqual(before);
      for (const c of allHonest()) expect(c.provider.wsconnected).toBe(true);
    });
  }

  it('claim another identity in presence: stamped back to Kenya, and nobody can speak for another client', async () => {
    const raw = rawSocket(server.url, draft.id, tokens.kenya);
    await raw.opened;
    const chairId = honest.chair.doc.clientID;
    const chairStateAtChile = JSON.stringify(honest.chile.provider.awareness.getStates().get(chairId));
    raw.ws.send(encodeAwareness([
      { clientID: 4242, clock: 1, state: { user: { name: 'Chair', role: 'chair', color: '#000' } } },
      { clientID: chairId, clock: 999, state: { user: { name: 'Chair' }, tick: -1, forged: true } },
    ]));
    await waitFor(() => raw.received.map((b) => decodeRefused(new Uint8Array(b))).find((r) => r?.reason === 'identity-overridden'), 'notice');
    const seen = await waitFor(() => honest.brazil.provider.awareness.getStates().get(4242) as { user?: { name: string; role: string } } | undefined, 'Kenya presence');
    expect(seen.user).toMatchObject({ name: 'Kenya', role: 'delegation' });
    await barrier();
    const chairAtChile = honest.chile.provider.awareness.getStates().get(chairId) as { forged?: boolean } | undefined;
    expect(chairAtChile?.forged).toBeUndefined();
    expect(JSON.stringify({ ...chairAtChile, tick: 0 })).toBe(JSON.stringify({ ...JSON.parse(chairStateAtChile) as object, tick: 0 }));
    raw.ws.close();
    await raw.closed;
  });

  it('honest clients keep working after all of it', async () => {
    recordPosition(honest.chile.doc, ops[2], 'Chile', 'can-accept');
    await waitFor(() => readPositions(honest.brazil.doc).some((p) => p.targetId === ops[2] && p.delegation === 'Chile'), 'Brazil sees Chile');
    textOf(honest.chair.doc, ops[2]).insert(0, 'Chair edit. ');
    await waitFor(() => converged() && textOf(honest.chile.doc, ops[2]).toString().startsWith('Chair edit. '), 'chair edit everywhere');
    for (const c of allHonest()) expect(c.provider.wsconnected).toBe(true);
    const res = await fetch(`${server.url}/api/drafts/${draft.id}/history?kind=position`, { headers: { authorization: `Bearer ${tokens.kenya}` } });
    const { events } = (await res.json()) as { events: Array<{ target: string; actor: { participant: string }; detail: { stance: string } }> };
    // Only the accepted position changes, by Chile; none of Kenya's forgeries.
    expect(events.map((e) => [e.target, e.actor.participant, e.detail.stance])).toEqual([
      [ops[1], 'Chile', 'support'], [ops[2], 'Chile', 'can-accept'],
    ]);
  });
});

/** The Yjs update inside a sync-update frame (type 0, subtype 2, varUint length, bytes). */
function decodeUpdatePayload(frame: Uint8Array): Uint8Array {
  const m = decodeMessage(frame);
  if (m.kind !== 'sync-update') throw new Error('not an update frame');
  return m.update;
}
