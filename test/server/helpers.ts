/** Shared helpers for real-server tests: temp data dirs, polling, y-websocket clients, raw sockets. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export function tmpDataDir(prefix = 'penholder-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Polls `check` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(check: () => T | Promise<T>, label: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A new draft and its creator's (secretariat) token. */
export interface Draft {
  id: string;
  token: string;
}

export async function createDraft(baseUrl: string, init: RequestInit = {}): Promise<Draft> {
  const res = await fetch(`${baseUrl}/api/drafts`, { method: 'POST', ...init });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; token: string };
  return { id: body.id, token: body.token };
}

export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

/** An issued invitation: its id (to revoke it), the token and the personal link the server built. */
export interface Invitation {
  id: string;
  token: string;
  link: string;
}

/** Invites a participant with the given (secretariat or chair) token; returns the whole invitation. */
export async function issueInvitation(baseUrl: string, draft: Draft, participant: string, role: string, by = draft.token): Promise<Invitation> {
  const res = await fetch(`${baseUrl}/api/drafts/${draft.id}/invitations`, {
    method: 'POST', headers: { ...bearer(by), 'content-type': 'application/json' }, body: JSON.stringify({ participant, role }),
  });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Invitation;
  return { id: body.id, token: body.token, link: body.link };
}

/** Invites a participant with the given (secretariat or chair) token; returns the new token. */
export async function invite(baseUrl: string, draft: Draft, participant: string, role: string, by = draft.token): Promise<string> {
  return (await issueInvitation(baseUrl, draft, participant, role, by)).token;
}

/** GET /api/drafts/:id as JSON, with a token. */
export async function readDraft(baseUrl: string, draft: Draft): Promise<unknown> {
  return (await fetch(`${baseUrl}/api/drafts/${draft.id}`, { headers: bearer(draft.token) })).json();
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock y-websocket client, exactly as the browser app would create it (minus BroadcastChannel). */
export function connect(baseUrl: string, draftId: string, params: Record<string, string> = {}): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/collab', draftId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export const synced = (c: Client): Promise<boolean> => waitFor(() => c.provider.synced, 'provider sync');

/** The text of the first preambular paragraph of `body` (where `typeInto` writes; empty in a new draft). */
export function typedText(doc: Y.Doc): string {
  const first = doc.getXmlFragment('body').toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'preambular');
  const text = first instanceof Y.XmlElement ? first.toArray().find((n) => n instanceof Y.XmlText) : undefined;
  return text instanceof Y.XmlText ? text.toString() : '';
}

/** Appends characters to the first preambular paragraph, the way the editor would. */
export function typeInto(doc: Y.Doc, chars: string): void {
  const el = doc.getXmlFragment('body').toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'preambular');
  if (!(el instanceof Y.XmlElement)) throw new Error('no paragraph to type into');
  doc.transact(() => {
    let text = el.toArray().find((n) => n instanceof Y.XmlText);
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      el.insert(el.length, [text]);
    }
    (text as Y.XmlText).insert((text as Y.XmlText).length, chars);
  });
}

/** True if every client clock in `inner` is covered by `outer` (state vectors as maps). */
export function stateVectorContains(outer: Y.Doc, inner: Y.Doc): boolean {
  const o = Y.decodeStateVector(Y.encodeStateVector(outer));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(inner))) if ((o.get(client) ?? 0) < clock) return false;
  return true;
}

export interface RawSocket {
  ws: WebSocket;
  received: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
}

/** A bare `ws` client, for sending frames no well-behaved provider would send. */
export function rawSocket(baseUrl: string, draftId: string, token?: string): RawSocket {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${draftId}${query}`);
  const received: Buffer[] = [];
  ws.on('message', (data) => received.push(data as Buffer));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, received, closed, opened };
}
