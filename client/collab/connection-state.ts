/**
 * Connection state of a draft session, as a pure reducer over provider events.
 *
 * y-websocket has no per-update acknowledgement, so "unsynced" is approximated the way the
 * protocol allows: a local update made while the socket is not open-and-synced is counted;
 * the count clears when the provider reports `sync: true` after (re)connecting, because the
 * sync handshake exchanges both state vectors and so carries every pending local update.
 */

/** Socket status as reported by y-websocket's `status` event. */
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/** What the badge shows. */
export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/** Everything the reducer remembers. */
export interface ConnectionState {
  socket: SocketStatus;
  /** Provider completed the sync handshake on the current socket. */
  synced: boolean;
  /** At least one sync ever completed (distinguishes first connect from reconnect). */
  everSynced: boolean;
  /** Local updates not yet carried by a completed sync. */
  unsynced: number;
  /** The browser reports no network (navigator.onLine === false). */
  browserOffline: boolean;
  /** The server refused the session for good (4400-4499 close), with its reason. */
  closedReason: string | null;
  /** Offline edits carried by the last reconnect sync; shown until dismissed or the next edit. */
  merged: number;
}

/** Events fed to the reducer by the session module. */
export type ConnectionEvent =
  | { type: 'status'; status: SocketStatus }
  | { type: 'sync'; synced: boolean }
  | { type: 'localUpdate' }
  | { type: 'network'; online: boolean }
  | { type: 'closed'; reason: string }
  /** Forget the "N offline edits merged" note. */
  | { type: 'dismissMerged' };

export const initialConnectionState: ConnectionState = {
  socket: 'connecting',
  synced: false,
  everSynced: false,
  unsynced: 0,
  browserOffline: false,
  closedReason: null,
  merged: 0,
};

/** Apply one event. Returns the same object when nothing changed, so stores can skip notifying. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'status': {
      if (state.socket === event.status) return state;
      // A socket that is not connected cannot be synced, whatever the last sync event said.
      const synced = event.status === 'connected' ? state.synced : false;
      return { ...state, socket: event.status, synced };
    }
    case 'sync': {
      if (!event.synced) return state.synced ? { ...state, synced: false } : state;
      if (state.synced && state.unsynced === 0 && state.everSynced) return state;
      const merged = state.unsynced > 0 ? state.unsynced : state.merged;
      return { ...state, synced: true, everSynced: true, unsynced: 0, merged, socket: 'connected' };
    }
    case 'localUpdate': {
      // While connected and synced, the provider sends the update on the open socket at once.
      if (state.socket === 'connected' && state.synced && !state.browserOffline) {
        return state.merged === 0 ? state : { ...state, merged: 0 };
      }
      return { ...state, unsynced: state.unsynced + 1, merged: 0 };
    }
    case 'dismissMerged':
      return state.merged === 0 ? state : { ...state, merged: 0 };
    case 'network': {
      const browserOffline = !event.online;
      return state.browserOffline === browserOffline ? state : { ...state, browserOffline };
    }
    case 'closed':
      return { ...state, socket: 'disconnected', synced: false, closedReason: event.reason };
  }
}

/** The phase shown to the user. */
export function connectionPhase(state: ConnectionState): ConnectionPhase {
  if (state.closedReason !== null) return 'closed';
  if (state.socket === 'connected' && state.synced && !state.browserOffline) return 'connected';
  if (state.unsynced > 0 || state.browserOffline) return 'offline';
  return state.everSynced ? 'reconnecting' : 'connecting';
}

/** Human label for the badge, e.g. "Offline — 3 unsynced edits". */
export function connectionLabel(state: ConnectionState): string {
  switch (connectionPhase(state)) {
    case 'connected':
      return state.merged > 0 ? `Connected — ${state.merged} offline edit${state.merged === 1 ? '' : 's'} merged` : 'Connected';
    case 'connecting': return 'Connecting…';
    case 'reconnecting': return 'Reconnecting…';
    case 'closed': return `Disconnected: ${describeClose(state.closedReason ?? '')}`;
    case 'offline': {
      const n = state.unsynced;
      if (n === 0) return 'Offline';
      return `Offline — ${n} unsynced edit${n === 1 ? '' : 's'}`;
    }
  }
}

/** Plain words for the server's permanent close reasons (server/core/close-codes.ts). */
export function describeClose(reason: string): string {
  switch (reason) {
    case 'draft-not-found': return 'this draft does not exist';
    case 'draft-deleted': return 'this draft was deleted';
    case 'unauthorized': return 'your invitation link is not valid';
    case 'token-revoked': return 'your access to this draft was revoked';
    case 'forbidden': return 'your invitation is for another draft';
    case 'update-rejected': return 'the server refused an edit';
    case 'frame-too-large': return 'an edit was too large for the server';
    case 'malformed-frame': return 'the server could not read a message';
    default: return reason || 'the server closed the connection';
  }
}
