import { describe, expect, it } from 'vitest';
import { describeReason, parseRefusedPayload, refusalFromClose, refusalNotice } from './refusal.ts';
import { mayRestart, MAX_RESTARTS, RESTART_WINDOW_MS } from './hooks.ts';

describe('refusals', () => {
  it('reads the type-10 payload and ignores junk', () => {
    expect(parseRefusedPayload('{"reason":"paragraph-locked","detail":"OP1 is agreed"}')).toEqual({ reason: 'paragraph-locked', detail: 'OP1 is agreed' });
    expect(parseRefusedPayload('{"reason":"chair-only"}')).toEqual({ reason: 'chair-only', detail: '' });
    expect(parseRefusedPayload('{"detail":"x"}')).toBeNull();
    expect(parseRefusedPayload('not json')).toBeNull();
    expect(parseRefusedPayload('null')).toBeNull();
  });

  it('maps close codes to what the page does', () => {
    const notice = { reason: 'paragraph-locked', detail: '' };
    expect(refusalFromClose({ code: 4409, reason: 'update-rejected' }, notice)).toEqual({ kind: 'rejected', reason: 'paragraph-locked', detail: '' });
    expect(refusalFromClose({ code: 4409, reason: 'update-rejected' }, null)).toEqual({ kind: 'rejected', reason: 'update-rejected', detail: '' });
    expect(refusalFromClose({ code: 4401, reason: 'token-revoked' }, null)).toEqual({ kind: 'revoked' });
    expect(refusalFromClose({ code: 4401, reason: 'unauthorized' }, null)).toEqual({ kind: 'unauthorized' });
    expect(refusalFromClose({ code: 4403, reason: 'forbidden' }, null)).toEqual({ kind: 'forbidden' });
    expect(refusalFromClose({ code: 4410, reason: 'draft-deleted' }, null)).toBeNull();
    expect(refusalFromClose({ code: 1006, reason: '' }, notice)).toBeNull();
  });

  it('puts reasons in words', () => {
    expect(refusalNotice({ reason: 'paragraph-locked', detail: '' })).toBe('Your change was refused: the paragraph is agreed and locked.');
    expect(describeReason('phase-forbids-text-edit')).toBe('the text cannot be edited directly in the current phase');
    expect(describeReason('some-new-reason')).toBe('some new reason');
    expect(describeReason('update-rejected')).toBe('the server refused it');
  });

  it('stops restarting after repeated refusals within the window', () => {
    const now = 100_000;
    const recent = Array.from({ length: MAX_RESTARTS }, (_, i) => now - i * 100);
    expect(mayRestart([], now)).toBe(true);
    expect(mayRestart(recent.slice(1), now)).toBe(true);
    expect(mayRestart(recent, now)).toBe(false);
    expect(mayRestart(recent.map((t) => t - RESTART_WINDOW_MS), now)).toBe(true);
  });
});
