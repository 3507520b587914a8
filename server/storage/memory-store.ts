/** In-memory DocStore for tests: same contract as the SQLite store, nothing survives the process. */
import { MemoryAccess } from '../auth/store.ts';
import { MemoryRevisions } from '../revisions/store.ts';
import { DraftNotFoundError, type DocStore, type DraftMeta, type NewDraft, type StoredUpdate } from '../core/storage.ts';

interface Entry {
  meta: DraftMeta;
  log: StoredUpdate[];
}

export class MemoryStore implements DocStore {
  private readonly drafts = new Map<string, Entry>();
  private seq = 0;
  /** Invitations and history. */
  readonly access = new MemoryAccess();
  /** Issued revisions. */
  readonly revisions = new MemoryRevisions();
  /** Test hook: when set, appendUpdate rejects with this error. */
  failAppends: Error | null = null;

  async createDraft(draft: NewDraft, initialUpdate: Uint8Array): Promise<DraftMeta> {
    if (this.drafts.has(draft.id)) throw new Error(`draft ${draft.id} already exists`);
    const now = new Date().toISOString();
    const meta: DraftMeta = { ...draft, createdAt: now, updatedAt: now };
    this.drafts.set(draft.id, { meta, log: [{ seq: ++this.seq, data: initialUpdate.slice() }] });
    return { ...meta };
  }

  async listDrafts(): Promise<DraftMeta[]> {
    return [...this.drafts.values()]
      .map((e) => ({ ...e.meta }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async getDraftMeta(id: string): Promise<DraftMeta | null> {
    const e = this.drafts.get(id);
    return e ? { ...e.meta } : null;
  }

  async updateDraftMeta(id: string, patch: Partial<Pick<DraftMeta, 'title' | 'symbol' | 'kind'>>): Promise<void> {
    const e = this.drafts.get(id);
    if (e) Object.assign(e.meta, patch);
  }

  async deleteDraft(id: string): Promise<boolean> {
    await this.access.deleteDraftAccess(id);
    await this.revisions.deleteDraftRevisions(id);
    return this.drafts.delete(id);
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    if (this.failAppends) throw this.failAppends;
    const e = this.drafts.get(id);
    if (!e) throw new DraftNotFoundError(id);
    const seq = ++this.seq;
    e.log.push({ seq, data: update.slice() });
    e.meta.updatedAt = new Date().toISOString();
    return seq;
  }

  async loadUpdates(id: string): Promise<StoredUpdate[]> {
    return (this.drafts.get(id)?.log ?? []).map((u) => ({ seq: u.seq, data: u.data.slice() }));
  }

  async compact(id: string, merged: Uint8Array, upToSeq: number): Promise<void> {
    const e = this.drafts.get(id);
    if (!e) return;
    e.log = [{ seq: upToSeq, data: merged.slice() }, ...e.log.filter((u) => u.seq > upToSeq)];
  }

  async close(): Promise<void> {}
}
