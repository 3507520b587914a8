/**
 * Vets a Yjs update before it may touch the live document. Y.applyUpdate integrates structs
 * before it reads the delete set, so a truncated update can half-apply and then throw; we
 * therefore fully decode it first, then try it on a throwaway doc. Neither step touches the room.
 */
import * as Y from 'yjs';

export type UpdateCheck =
  | { ok: true; /** Carries nothing the given state vector lacks: skip storing and broadcasting. */ redundant: boolean }
  | { ok: false; reason: string };

/** `knownState` is the live doc's state vector (Y.decodeStateVector form), used to spot no-op updates. */
export function checkUpdate(update: Uint8Array, knownState: Map<number, number>): UpdateCheck {
  let decoded: { structs: Array<{ id: { client: number; clock: number }; length: number }>; ds: { clients: Map<number, unknown[]> } };
  try {
    decoded = Y.decodeUpdate(update);
  } catch (e) {
    return { ok: false, reason: `undecodable update: ${e instanceof Error ? e.message : String(e)}` };
  }
  // A fixed guid: generating a random one costs ~0.2 ms, more than the whole check otherwise.
  const scratch = new Y.Doc({ gc: false, guid: 'penholder-scratch' });
  try {
    Y.applyUpdate(scratch, update);
  } catch (e) {
    return { ok: false, reason: `update does not apply: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    scratch.destroy();
  }
  const hasDeletes = [...decoded.ds.clients.values()].some((ranges) => ranges.length > 0);
  const allKnown = decoded.structs.every((s) => s.id.clock + s.length <= (knownState.get(s.id.client) ?? 0));
  return { ok: true, redundant: !hasDeletes && allKnown };
}
