/**
 * Thin adapter from @hono/node-ws sockets to core Sessions. Speaks the stock y-websocket URL
 * scheme: `WebsocketProvider(base + '/collab', draftId, doc)` opens `/collab/<draftId>[?params]`.
 * The invitation token travels as the `token` query parameter (`params: { token }`); a missing,
 * unknown or revoked token closes with 4401, a token for another draft with 4403, before any data.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CLOSE } from '../core/close-codes.ts';
import type { Room } from '../core/room.ts';
import type { RoomRegistry } from '../core/rooms.ts';
import type { Session, SessionIdentity } from '../core/session.ts';
import { checkToken } from '../auth/http.ts';
import type { AccessStore } from '../auth/store.ts';
import type { CloseSpec } from '../core/close-codes.ts';
import { ApiError } from './errors.ts';

export interface CollabRouteDeps {
  rooms: RoomRegistry;
  access: AccessStore;
  upgradeWebSocket: UpgradeWebSocket<WebSocket>;
  /** Interval of protocol-level pings that detect dead peers. Default 30 s. */
  pingIntervalMs?: number;
  log?: (message: string) => void;
}

const OPEN = 1;
/** Outgoing bytes queued for one client beyond which it is cut off (it resyncs on reconnect). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

function wrap(ws: WSContext<WebSocket>, identity: SessionIdentity): Session {
  return {
    id: randomUUID(),
    identity,
    send(bytes) {
      const raw = ws.raw;
      if (!raw || ws.readyState !== OPEN) return;
      if (raw.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(CLOSE.slowConsumer.code, CLOSE.slowConsumer.reason);
        return;
      }
      // The raw socket takes any Uint8Array view without copying.
      raw.send(bytes);
    },
    close(code, reason) {
      if (ws.readyState <= OPEN) ws.close(code, reason);
    },
  };
}

export function collabRoutes(deps: CollabRouteDeps): Hono {
  const app = new Hono();
  app.get(
    '/:draftId',
    deps.upgradeWebSocket(async (c) => {
      const draftId = c.req.param('draftId') ?? '';
      let room: Room | null = null;
      let failed = false;
      let denied: CloseSpec | null = null;
      let identity: SessionIdentity | null = null;
      try {
        const auth = await checkToken(deps.access, c.req.query('token'), draftId);
        if (auth.ok) {
          const { participant, role, delegation } = auth.invitation;
          identity = { actor: { participant, role, delegation }, invitationId: auth.invitation.id };
          room = await deps.rooms.acquire(draftId);
        } else {
          denied = auth.why === 'revoked' ? CLOSE.tokenRevoked : auth.why === 'other-draft' ? CLOSE.forbidden : CLOSE.unauthorized;
        }
      } catch (e) {
        failed = true;
        deps.log?.(`draft ${draftId}: load failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
      let session: Session | null = null;
      let ping: NodeJS.Timeout | undefined;
      return {
        onOpen(_event, ws) {
          if (!room || !identity) {
            const spec = denied ?? (failed ? CLOSE.internalError : deps.rooms.stopped ? CLOSE.goingAway : CLOSE.draftNotFound);
            ws.close(spec.code, spec.reason);
            return;
          }
          session = wrap(ws, identity);
          const raw = ws.raw;
          if (raw) {
            let alive = true;
            raw.on('pong', () => { alive = true; });
            ping = setInterval(() => {
              if (!alive) { raw.terminate(); return; }
              alive = false;
              raw.ping();
            }, deps.pingIntervalMs ?? 30_000);
            ping.unref();
          }
          room.join(session);
          // Revoked between the check above and the join? Then the revocation's close missed us.
          const joined = session;
          const joinedRoom = room;
          void deps.access.getInvitation(draftId, identity.invitationId).then((inv) => {
            if (!inv || inv.revokedAt !== null) joinedRoom.closeSession(joined, CLOSE.tokenRevoked);
          }, () => {});
        },
        onMessage(event, _ws) {
          if (!room || !session) return;
          if (typeof event.data === 'string') {
            room.closeSession(session, CLOSE.malformedFrame, 'text frame');
            return;
          }
          const data = event.data;
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(0);
          if (!(data instanceof ArrayBuffer)) {
            room.closeSession(session, CLOSE.malformedFrame, 'unexpected frame payload');
            return;
          }
          void room.handleFrame(session, bytes);
        },
        onClose() {
          clearInterval(ping);
          if (room && session) room.leave(session);
        },
        onError(event) {
          deps.log?.(`draft ${draftId}: socket error ${String((event as ErrorEvent).error ?? event.type)}`);
        },
      };
    }),
  );
  app.get('/:draftId', () => {
    throw new ApiError(426, 'upgrade-required', 'this endpoint speaks the y-websocket protocol over WebSocket');
  });
  return app;
}
