/**
 * Server-side events of the record that do not come from a document update: draft created or
 * deleted, access granted or revoked. (Document changes: auth/history.ts; refused updates: the room.)
 * Recording must never turn a successful action into an error, so failures are reported, not thrown.
 */
import type { Actor } from '../../shared/negotiation/layout.ts';
import type { AccessStore, Invitation } from '../auth/store.ts';

/** The actor an invitation stands for. */
export const actorOf = (inv: Pick<Invitation, 'participant' | 'role' | 'delegation'>): Actor =>
  ({ participant: inv.participant, role: inv.role, delegation: inv.delegation });

/** Appends one event now; returns false (and logs) if the store refused it. */
export async function recordEvent(
  access: AccessStore, draftId: string, actor: Actor | null, kind: string, target: string, detail: unknown,
): Promise<boolean> {
  try {
    await access.appendEvents([{ draftId, at: new Date().toISOString(), actor, kind, target, detail }]);
    return true;
  } catch (e) {
    console.error(`draft ${draftId}: could not record ${kind}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
