/**
 * One collaboration session per open draft: the Y.Doc, the y-websocket provider and the
 * stores React reads (connection, presence, masthead head, negotiation state, refusals).
 * Everything the editor page needs from Yjs comes from here; nothing else creates a provider.
 * A session is disposable: after a refused update the page destroys it and opens a fresh one.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { readHeadFromYDoc, readSponsors, resolutionRoots, type SponsorEntry } from '../../shared/resolution/ydoc.ts';
import type { ResolutionHead } from '../../shared/resolution/blocks.ts';
import { NEGOTIATION_ROOT } from '../../shared/negotiation/layout.ts';
import type { ConnectionState } from './connection-state.ts';
import { trackConnection } from './tracking.ts';
import type { Identity } from './identity.ts';
import { readNegotiationState, sameNegotiationState, type NegotiationState } from './negotiation-state.ts';
import { MESSAGE_REFUSED, parseRefusedPayload, refusalFromClose, type SessionRefusal } from './refusal.ts';
import {
  createValueStore, presenceStore, sameShallow, sameSponsors, yTypesStore, type ExternalStore, type OwnedStore,
  type PresenceEntry,
} from './stores.ts';

/** Everything about one open draft. */
export interface CollabSession {
  draftId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  connection: ExternalStore<ConnectionState>;
  presence: ExternalStore<PresenceEntry[]>;
  /** Masthead fields, kind and ordered sponsor names, from `meta` and `sponsors`. */
  head: ExternalStore<ResolutionHead>;
  /** The `sponsors` map in printed order, with each delegation's role and join time. */
  sponsors: ExternalStore<{ name: string; entry: SponsorEntry }[]>;
  /** Phase, tabling, paragraph statuses and paragraph sponsors. */
  negotiation: ExternalStore<NegotiationState>;
  /** Set once when the server refuses an update or the token; null otherwise. */
  refusal: ExternalStore<SessionRefusal | null>;
  /** Announce (or change) the local user in awareness. */
  setUser(identity: Identity): void;
  destroy(): void;
}

/** The websocket base URL for an http(s) page origin: ws(s)://host/collab. */
export function collabBaseUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/collab`;
}

export interface SessionOptions {
  /** Defaults to the page's origin. */
  baseUrl?: string;
  identity?: Identity | null;
  /** The draft's access token, sent as the `token` query parameter of the websocket URL. */
  token?: string | null;
}

/** Open a draft: connects immediately; call `destroy` when leaving the page. */
export function openSession(draftId: string, options: SessionOptions = {}): CollabSession {
  const doc = new Y.Doc();
  const baseUrl = options.baseUrl ?? collabBaseUrl(window.location);
  // disableBc: tabs must meet through the server, so the badge never claims a sync the server did not see.
  const provider = new WebsocketProvider(baseUrl, draftId, doc, {
    disableBc: true,
    params: options.token ? { token: options.token } : {},
  });

  // The server explains a refused update (type 10) just before it closes with 4409.
  let notice: { reason: string; detail: string } | null = null;
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    try {
      notice = parseRefusedPayload(decoding.readVarString(decoder));
    } catch {
      notice = { reason: 'update-rejected', detail: '' };
    }
  };
  const refusal = createValueStore<SessionRefusal | null>(null);
  const onConnectionClose = (event: CloseEvent | null) => {
    if (!event || refusal.getSnapshot()) return;
    const r = refusalFromClose({ code: event.code, reason: event.reason }, notice);
    if (r) refusal.set(r);
  };
  provider.on('connection-close', onConnectionClose);

  const tracker = trackConnection(provider, doc, {
    browserOffline: typeof navigator !== 'undefined' && navigator.onLine === false,
  });
  const onOnline = () => tracker.dispatch({ type: 'network', online: true });
  const onOffline = () => tracker.dispatch({ type: 'network', online: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  const { meta, sponsors } = resolutionRoots(doc);
  const head: OwnedStore<ResolutionHead> = yTypesStore(
    [meta, sponsors], () => readHeadFromYDoc(doc), sameShallow,
  );
  const sponsorList = yTypesStore([sponsors], () => readSponsors(doc), sameSponsors);
  const negotiation = yTypesStore(
    [NEGOTIATION_ROOT.control, NEGOTIATION_ROOT.status, NEGOTIATION_ROOT.paragraphSponsors].map((name) => doc.getMap<unknown>(name)),
    () => readNegotiationState(doc), sameNegotiationState,
  );
  const presence = presenceStore(provider.awareness);

  const setUser = (identity: Identity) => provider.awareness.setLocalStateField('user', {
    name: identity.name, color: identity.color,
    ...(identity.role ? { role: identity.role, delegation: identity.delegation ?? null } : {}),
  });
  if (options.identity) setUser(options.identity);

  return {
    draftId,
    doc,
    provider,
    connection: tracker.store,
    presence,
    head,
    sponsors: sponsorList,
    negotiation,
    refusal,
    setUser,
    destroy() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      provider.off('connection-close', onConnectionClose);
      tracker.destroy();
      head.destroy();
      sponsorList.destroy();
      negotiation.destroy();
      presence.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
