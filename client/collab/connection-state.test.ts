import { describe, expect, it } from 'vitest';
import {
  connectionLabel, connectionPhase, initialConnectionState, reduceConnection, type ConnectionEvent, type ConnectionState,
} from './connection-state.ts';

const run = (events: ConnectionEvent[], from: ConnectionState = initialConnectionState): ConnectionState =>
  events.reduce(reduceConnection, from);

describe('connection state', () => {
  it('starts connecting and becomes connected once synced', () => {
    expect(connectionPhase(initialConnectionState)).toBe('connecting');
    const s = run([{ type: 'status', status: 'connected' }]);
    expect(connectionPhase(s)).toBe('connecting');
    const synced = reduceConnection(s, { type: 'sync', synced: true });
    expect(connectionPhase(synced)).toBe('connected');
    expect(connectionLabel(synced)).toBe('Connected');
  });

  it('does not count edits made while connected and synced', () => {
    const s = run([{ type: 'status', status: 'connected' }, { type: 'sync', synced: true }]);
    const after = run([{ type: 'localUpdate' }, { type: 'localUpdate' }], s);
    expect(after).toBe(s);
    expect(after.unsynced).toBe(0);
  });

  it('shows reconnecting after a drop without edits', () => {
    const s = run([
      { type: 'status', status: 'connected' }, { type: 'sync', synced: true },
      { type: 'status', status: 'disconnected' }, { type: 'status', status: 'connecting' },
    ]);
    expect(s.synced).toBe(false);
    expect(connectionPhase(s)).toBe('reconnecting');
  });

  it('counts edits made while disconnected and clears them after the reconnect sync', () => {
    let s = run([
      { type: 'status', status: 'connected' }, { type: 'sync', synced: true },
      { type: 'status', status: 'disconnected' },
      { type: 'localUpdate' }, { type: 'localUpdate' }, { type: 'localUpdate' },
    ]);
    expect(connectionPhase(s)).toBe('offline');
    expect(connectionLabel(s)).toBe('Offline — 3 unsynced edits');
    s = run([{ type: 'status', status: 'connecting' }, { type: 'status', status: 'connected' }, { type: 'localUpdate' }], s);
    // connected but the handshake has not completed: still pending
    expect(s.unsynced).toBe(4);
    expect(connectionPhase(s)).toBe('offline');
    s = reduceConnection(s, { type: 'sync', synced: true });
    expect(s.unsynced).toBe(0);
    expect(connectionPhase(s)).toBe('connected');
    // the UI says the offline edits went through, until dismissed or the next edit
    expect(connectionLabel(s)).toBe('Connected — 4 offline edits merged');
    expect(connectionLabel(reduceConnection(s, { type: 'dismissMerged' }))).toBe('Connected');
    const next = reduceConnection(s, { type: 'localUpdate' });
    expect(next.unsynced).toBe(0);
    expect(connectionLabel(next)).toBe('Connected');
  });

  it('uses the singular for one edit', () => {
    const s = run([{ type: 'status', status: 'disconnected' }, { type: 'localUpdate' }]);
    expect(connectionLabel(s)).toBe('Offline — 1 unsynced edit');
  });

  it('counts edits while the browser reports no network even if the socket has not noticed yet', () => {
    const s = run([
      { type: 'status', status: 'connected' }, { type: 'sync', synced: true },
      { type: 'network', online: false }, { type: 'localUpdate' },
    ]);
    expect(connectionPhase(s)).toBe('offline');
    expect(s.unsynced).toBe(1);
  });

  it('reports a permanent close with its reason', () => {
    const s = run([{ type: 'closed', reason: 'draft-deleted' }]);
    expect(connectionPhase(s)).toBe('closed');
    expect(connectionLabel(s)).toBe('Disconnected: this draft was deleted');
  });
});
