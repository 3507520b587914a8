/**
 * /api/drafts/:id/{me, invitations, history, log, log/verify}. Invitations are issued by the secretariat (any role)
 * or the chair (any role but secretariat); the token is shown once, in the 201 answer, and stored
 * only as its hash. Revoking closes the participant's open connections with 4401 'token-revoked'.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { CLOSE } from '../core/close-codes.ts';
import type { RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { ApiError } from '../http/errors.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import { actorOf, recordEvent } from '../audit/record.ts';
import { logRoutes } from '../audit/routes.ts';
import { requireToken } from './http.ts';
import { isDelegationRole, mayInvite, parseInvitationRequest, type InvitationRequest } from './invitations.ts';
import type { AccessStore, Invitation } from './store.ts';
import { hashToken, looksLikeToken, newInvitationId, newToken } from './tokens.ts';

export interface AccessRoutesDeps {
  store: DocStore;
  access: AccessStore;
  rooms: RoomRegistry;
  /** Public origin for links (e.g. https://penholder.example.org); default: the request's origin. */
  publicUrl?: string;
}

/** What an issued invitation answers (the token appears here and nowhere else). */
export interface IssuedInvitation {
  id: string;
  token: string;
  link: string;
  participant: string;
  role: Invitation['role'];
  delegation: string | null;
}

/** `${origin}/#/d/<id>?token=<token>`: the client reads the token from the hash route. */
export function invitationLink(origin: string, draftId: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/#/d/${encodeURIComponent(draftId)}?token=${token}`;
}

export const originOf = (c: Context, publicUrl?: string): string => publicUrl ?? new URL(c.req.url).origin;

/**
 * Creates an invitation and records 'access-granted' (by `by`; null = the draft's creation);
 * 409 if the delegation already holds an active one for this draft.
 */
export async function issueInvitation(
  access: AccessStore, draftId: string, req: InvitationRequest, createdBy: string | null, origin: string, by: Actor | null = null,
): Promise<IssuedInvitation> {
  if (isDelegationRole(req.role)) {
    const active = (await access.listInvitations(draftId)).find((i) => i.revokedAt === null && i.delegation === req.delegation);
    if (active) {
      throw new ApiError(409, 'already-invited',
        `${req.delegation} already has an active invitation (${active.role}, id ${active.id}); revoke it first`);
    }
  }
  const token = newToken();
  const inv = await access.createInvitation({ id: newInvitationId(), draftId, tokenHash: hashToken(token), createdBy, ...req });
  await recordEvent(access, draftId, by, EVENT_KIND.accessGranted, inv.id,
    { participant: inv.participant, role: inv.role, delegation: inv.delegation });
  return { id: inv.id, token, link: invitationLink(origin, draftId, token), participant: inv.participant, role: inv.role, delegation: inv.delegation };
}

const publicView = (i: Invitation) => ({
  id: i.id, participant: i.participant, role: i.role, delegation: i.delegation,
  createdAt: i.createdAt, createdBy: i.createdBy, revokedAt: i.revokedAt, active: i.revokedAt === null,
});

async function readJson(c: Context): Promise<unknown> {
  const raw = await c.req.text();
  if (raw.length > 64 * 1024) throw new ApiError(413, 'too-large', 'request body exceeds 64 KiB');
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'bad-json', 'request body is not valid JSON');
  }
}

export function accessRoutes(deps: AccessRoutesDeps): Hono {
  const { access, rooms, store } = deps;
  const app = new Hono();
  const INVITERS = ['secretariat', 'chair'] as const;

  app.get('/:id/me', async (c) => {
    const id = c.req.param('id');
    const inv = await requireToken(c, access, id);
    return c.json({ draftId: id, participant: inv.participant, role: inv.role, delegation: inv.delegation, invitationId: inv.id });
  });

  app.post('/:id/invitations', async (c) => {
    const id = c.req.param('id');
    const me = await requireToken(c, access, id, INVITERS);
    if (!(await store.getDraftMeta(id))) throw new ApiError(404, 'draft-not-found', `no draft with id ${id}`);
    const parsed = parseInvitationRequest(await readJson(c));
    if (!parsed.ok) throw new ApiError(parsed.status, parsed.code, parsed.message);
    if (!mayInvite(me.role, parsed.value.role)) {
      throw new ApiError(403, 'forbidden', `a ${me.role} may not invite a ${parsed.value.role}`);
    }
    return c.json(await issueInvitation(access, id, parsed.value, me.participant, originOf(c, deps.publicUrl), actorOf(me)), 201);
  });

  app.get('/:id/invitations', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id, INVITERS);
    return c.json({ invitations: (await access.listInvitations(id)).map(publicView) });
  });

  app.delete('/:id/invitations/:ref', async (c) => {
    const id = c.req.param('id');
    const ref = c.req.param('ref');
    const me = await requireToken(c, access, id, INVITERS);
    let target = await access.getInvitation(id, ref);
    if (!target && looksLikeToken(ref)) {
      const byToken = await access.findByTokenHash(hashToken(ref));
      if (byToken && byToken.draftId === id) target = byToken;
    }
    if (!target) throw new ApiError(404, 'invitation-not-found', 'no such invitation for this draft');
    if (!mayInvite(me.role, target.role)) throw new ApiError(403, 'forbidden', `a ${me.role} may not revoke a ${target.role} invitation`);
    if (target.revokedAt === null && await access.revokeInvitation(id, target.id)) {
      await recordEvent(access, id, actorOf(me), EVENT_KIND.accessRevoked, target.id,
        { participant: target.participant, role: target.role, delegation: target.delegation });
    }
    const invitationId = target.id;
    rooms.closeSessions(id, (s) => s.identity?.invitationId === invitationId, CLOSE.tokenRevoked);
    return c.body(null, 204);
  });

  app.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const limitRaw = c.req.query('limit');
    const limit = limitRaw === undefined ? undefined : Number(limitRaw);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 10_000)) {
      throw new ApiError(400, 'bad-limit', 'limit must be an integer 1-10000');
    }
    const events = await access.listEvents(id, { kind: c.req.query('kind'), target: c.req.query('target'), limit });
    return c.json({ events: events.map(({ draftId: _d, prevHash: _p, hash: _h, ...e }) => e) });
  });

  app.route('/', logRoutes(access));

  return app;
}
