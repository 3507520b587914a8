/**
 * Seeded race of the whole negotiation loop on a real server (port 0): three delegations on stock
 * y-websocket clients propose, edit, co-sign and withdraw amendments while going offline and back
 * (so their updates arrive late and out of order relative to the others'), and the chair accepts and
 * undoes through the server's merge routes. The server serialises every status change: a withdrawal
 * made offline against an amendment the chair has meanwhile accepted is refused, and that client
 * recovers as the app does (a fresh copy from the server). At the end every copy equals the server's,
 * each amendment accepted and not undone has its words in its paragraph, and no amendment with a live
 * merge reads as withdrawn. Complements the pure fuzz in test/convergence/merge-fuzz.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer } from '../../server/main.ts';
import {
  cosignAmendment, editAmendmentText, proposeAmendment, withdrawAmendment,
} from '../../shared/negotiation/actions.ts';
import { readAmendments } from '../../shared/negotiation/read.ts';
import { readBlocksFromYDoc, readResolutionFromYDoc } from '../../shared/resolution/ydoc.ts';
import { prng, type Rng } from '../convergence/network.ts';
import { draftText, FULL_HEAD } from '../fixtures/small-draft.ts';
import { bearer, connect, createDraft, invite, tmpDataDir, waitFor, type Client, type Draft } from './helpers.ts';

const DRAFT = draftText(FULL_HEAD, `Recalling its earlier resolutions,

1. Welcomes the report of the Secretary-General on the question;

2. Encourages all States to cooperate with the Special Rapporteur;

3. Requests the Secretary-General to report on the implementation;

4. Decides to remain seized of the matter.
`);

const DELEGATIONS = ['Brazil', 'Kenya', 'Chile'] as const;
const TOKEN = /X\d+X/g;

interface Party { name: string; token: string; client: Client; online: boolean; refusals: number }

let server: Awaited<ReturnType<typeof startServer>>;
let draft: Draft;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: tmpDataDir(), log: () => undefined });
});
afterAll(async () => {
  await server?.close();
});

function insertToken(text: string, token: string, rng: Rng): string {
  const words = text.split(' ');
  words.splice(1 + rng.int(Math.max(1, words.length - 1)), 0, token);
  return words.join(' ');
}

/** Opens a party's session; a refused update (close 4409) makes it start over from the server's copy, as the app does. */
function open(p: Omit<Party, 'client'> & { client?: Client }): Party {
  const party = p as Party;
  party.client = connect(server.url, draft.id, { token: party.token });
  party.online = true;
  party.client.provider.on('connection-close', (event: { code?: number } | null) => {
    if (event?.code !== 4409 || party.client.provider.shouldConnect === false) return;
    party.refusals++;
    party.client.destroy();
    open(party);
  });
  return party;
}

async function post(path: string, token: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/drafts/${draft.id}${path}`, {
    method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function run(seed: number): Promise<{ accepted: number; undone: number; refusals: number; withdrawn: number }> {
  const rng = prng(seed);
  draft = await createDraft(server.url, { headers: { 'content-type': 'text/plain' }, body: DRAFT });
  const chairToken = await invite(server.url, draft, 'Chair', 'chair');
  const chair = connect(server.url, draft.id, { token: chairToken });
  const parties: Party[] = [];
  for (const name of DELEGATIONS) parties.push(open({ name, token: await invite(server.url, draft, name, 'delegation'), online: true, refusals: 0 }));
  await waitFor(() => [chair, ...parties.map((p) => p.client)].every((c) => c.provider.synced), 'everyone synced');
  let counter = 0;
  let undone = 0;
  const accepted = new Set<string>();

  for (let round = 0; round < 30; round++) {
    for (const p of parties) {
      const doc = p.client.doc;
      if (rng.chance(0.15)) {
        if (p.online) p.client.provider.disconnect();
        else p.client.provider.connect();
        p.online = !p.online;
      }
      const ops = readBlocksFromYDoc(doc).filter((b) => b.type === 'operative');
      const mine = readAmendments(doc).filter((a) => a.author === p.name && a.status === 'proposed');
      const roll = rng.int(10);
      counter++;
      if (roll < 4 && ops.length > 0) {
        const target = ops[rng.int(ops.length)];
        proposeAmendment(doc, { author: p.name, kind: 'wording', target: target.id, baseText: target.text, text: insertToken(target.text, `X${counter}X`, rng) });
      } else if (roll < 6 && mine.length > 0) {
        const a = mine[rng.int(mine.length)];
        editAmendmentText(doc, a.id, insertToken(a.text, `X${counter}X`, rng));
      } else if (roll < 8 && mine.length > 0) {
        withdrawAmendment(doc, mine[rng.int(mine.length)].id);
      } else {
        const others = readAmendments(doc).filter((a) => a.author !== p.name && a.status === 'proposed');
        if (others.length > 0) cosignAmendment(doc, others[rng.int(others.length)].id, p.name);
      }
    }
    const open = readAmendments(chair.doc).filter((a) => a.status === 'proposed');
    if (open.length > 0 && rng.chance(0.6)) {
      const a = open[rng.int(open.length)];
      const r = await post(`/amendments/${a.id}/accept`, chairToken);
      if (r.status === 200) accepted.add(a.id);
      else expect([409, 404], `seed ${seed}: accept ${a.id} → ${r.status} ${JSON.stringify(r.json)}`).toContain(r.status);
    }
    if (rng.chance(0.1)) {
      const r = await post('/merges/undo', chairToken);
      if (r.status === 200) undone++;
      else expect(r.status, `seed ${seed}: undo → ${JSON.stringify(r.json)}`).toBe(409);
    }
    // Let a little traffic through between rounds without waiting for quiet.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  for (const p of parties) if (!p.online) { p.client.provider.connect(); p.online = true; }
  const serverJson = async (): Promise<unknown> => (await fetch(`${server.url}/api/drafts/${draft.id}`, { headers: bearer(draft.token) })).json();
  const docs = (): Y.Doc[] => [chair.doc, ...parties.map((p) => p.client.doc)];
  await waitFor(async () => {
    const json = JSON.stringify(await serverJson());
    const sv = Y.encodeStateVector(chair.doc).toString();
    return docs().every((d) => JSON.stringify({ ...readResolutionFromYDoc(d) }) === JSON.stringify(readResolutionFromYDoc(chair.doc))
      && Y.encodeStateVector(d).toString() === sv) && json.length > 0;
  }, `seed ${seed}: copies converge`, 20_000);

  // Every copy is the server's.
  const server0 = (await serverJson()) as { operative: { id: string; text: string }[] };
  const final = readAmendments(chair.doc);
  for (const d of docs()) {
    expect(readResolutionFromYDoc(d).operative.map((o) => o.text)).toEqual(server0.operative.map((o) => o.text));
    expect(readAmendments(d)).toEqual(final);
  }
  // Live merges (not undone) from the server's own list.
  const merges = (await (await fetch(`${server.url}/api/drafts/${draft.id}/merges`, { headers: bearer(chairToken) })).json()) as {
    merges: { amendmentId: string; undone?: boolean; undoneAt?: string | null }[];
  };
  const live = new Set(merges.merges.filter((m) => !m.undone && !m.undoneAt).map((m) => m.amendmentId));
  const texts = new Map(server0.operative.map((o) => [o.id, o.text] as const));
  for (const a of final) {
    if (live.has(a.id)) expect(a.status, `seed ${seed}: ${a.id} has a live merge`).toBe('accepted');
    if (a.status !== 'accepted') continue;
    expect(live.has(a.id), `seed ${seed}: ${a.id} accepted without a live merge`).toBe(true);
    const own = (a.text.match(TOKEN) ?? []).filter((t) => !a.baseText.includes(t));
    for (const t of own) expect(texts.get(a.target), `seed ${seed}: ${t} of ${a.id}`).toContain(t);
  }
  chair.destroy();
  for (const p of parties) { p.client.provider.shouldConnect = false; p.client.destroy(); }
  return {
    accepted: final.filter((a) => a.status === 'accepted').length, undone,
    refusals: parties.reduce((n, p) => n + p.refusals, 0), withdrawn: final.filter((a) => a.status === 'withdrawn').length,
  };
}

describe('amendments raced against the chair on a real server (seeded)', () => {
  it('converges, keeps accepted wording and never lets a withdrawal overwrite a merge (6 seeds)', async () => {
    const total = { accepted: 0, undone: 0, refusals: 0, withdrawn: 0 };
    for (let seed = 1; seed <= 6; seed++) {
      const r = await run(seed);
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    }
    console.log(`merge race totals: ${JSON.stringify(total)}`);
    expect(total.accepted).toBeGreaterThan(10);
    expect(total.withdrawn).toBeGreaterThan(3);
    expect(total.undone).toBeGreaterThan(0);
  }, 120_000);
});
