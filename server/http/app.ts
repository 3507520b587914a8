/**
 * The Hono app: /api/drafts (REST, revisions, export), /api/compare, /collab/:draftId (y-websocket, when a websocket upgrader is
 * given), everything else the built client. One error handler at the edge.
 */
import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import type { RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { accessRoutes } from '../auth/routes.ts';
import { exportRoutes } from '../export/routes.ts';
import type { AccessStore } from '../auth/store.ts';
import { mergeRoutes } from '../merges/routes.ts';
import { revisionRoutes } from '../revisions/routes.ts';
import type { RevisionStore } from '../revisions/store.ts';
import { collabRoutes } from './collab-route.ts';
import { compareRoutes } from './compare.ts';
import { draftRoutes } from './drafts.ts';
import { ApiError, handleError } from './errors.ts';
import { staticRoutes } from './static.ts';

export interface AppDeps {
  store: DocStore;
  rooms: RoomRegistry;
  /** Invitations and history (the store's `access`). */
  access: AccessStore;
  /** Issued revisions (the store's `revisions`); without it the /revisions and /compare draft routes are not mounted. */
  revisions?: RevisionStore;
  /** When set, creating and listing drafts need `Authorization: Bearer <createKey>`. */
  createKey?: string;
  /** Public origin used in invitation links; default: each request's origin. */
  publicUrl?: string;
  /** From @hono/node-ws; without it /collab is not mounted (e.g. `app.request()` tests). */
  upgradeWebSocket?: UpgradeWebSocket<WebSocket>;
  maxBodyBytes?: number;
  /** Built client directory. Default dist/client at the repository root. */
  clientDir?: string;
  log?: (message: string) => void;
}

export function createApp(deps: AppDeps): Hono {
  const log = deps.log ?? ((m: string) => console.error(m));
  const app = new Hono();
  app.onError((err, c) => handleError(err, c, log));
  app.get('/api/health', (c) => c.json({ ok: true, rooms: deps.rooms.loadedCount }));
  const { store, rooms, access, createKey, publicUrl } = deps;
  app.route('/api/drafts', accessRoutes({ store, rooms, access, publicUrl }));
  if (deps.revisions) app.route('/api/drafts', revisionRoutes({ store, rooms, access, revisions: deps.revisions }));
  app.route('/api/drafts', exportRoutes({ store, rooms, access, revisions: deps.revisions }));
  app.route('/api/drafts', mergeRoutes({ rooms, access }));
  app.route('/api/drafts', draftRoutes({ store, rooms, access, createKey, publicUrl, maxBodyBytes: deps.maxBodyBytes }));
  // Two texts per request, each as large as one draft import may be.
  app.route('/api/compare', compareRoutes({ createKey, maxBodyBytes: deps.maxBodyBytes === undefined ? undefined : 2 * deps.maxBodyBytes }));
  app.all('/api/*', () => { throw new ApiError(404, 'not-found', 'no such API route'); });
  if (deps.upgradeWebSocket) app.route('/collab', collabRoutes({ rooms: deps.rooms, access, upgradeWebSocket: deps.upgradeWebSocket, log }));
  app.route('/', staticRoutes(deps.clientDir));
  return app;
}
