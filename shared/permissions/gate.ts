/**
 * The server's update gate: `checkUpdate(doc, update, actor)` decides, BEFORE the room applies, stores or
 * broadcasts anything, whether `actor` may make every change in `update`. It inspects the update
 * (inspect.ts), then judges each effect with the same rules the UI uses (rules.ts) against the live state
 * of `doc` (phase, tabling, paragraph statuses, amendment authors and statuses) and validates written
 * values. One refused effect refuses the whole update. `doc` is never modified.
 */
import * as Y from 'yjs';
import {
  AMENDMENT_KINDS, AMENDMENT_STATUSES, NEGOTIATION_ROOT, PARAGRAPH_STATUSES, PHASES, STANCES, splitKey,
  type Actor, type AmendmentStatus, type ParagraphStatus, type Phase,
} from '../negotiation/layout.ts';
import { MASTHEAD_FIELDS } from '../resolution/types.ts';
import { ROOT } from '../resolution/ydoc.ts';
import { inspectUpdate, type Effect } from './inspect.ts';
import {
  ALLOW, canCosignAmendment, canEditAmendment, canEditMasthead, canEditParagraph, canEditText, canProposeAmendment,
  canRecordPosition, canSetAmendmentStatus, canSetParagraphStatus, canSetPhase, canWriteDraftSponsor,
  canWriteParagraphSponsor, type AmendmentState, type Reason, type Verdict,
} from './rules.ts';

export type { Effect } from './inspect.ts';
export type GateResult = { ok: true; effects: Effect[] } | { ok: false; reason: Reason; detail: string };

/** Longest position note and amendment rationale accepted. */
export const MAX_NOTE = 2000;
export const MAX_RATIONALE = 10000;

const META_KEYS: ReadonlySet<string> = new Set<string>([...MASTHEAD_FIELDS, 'kind']);
const RESOLUTION_KINDS: readonly unknown[] = ['draft-resolution', 'resolution', 'draft-decision', 'decision'];
const SPONSOR_KINDS: readonly unknown[] = ['main', 'co', 'additional'];
const IMMUTABLE_FIELDS: ReadonlySet<string> = new Set(['id', 'author', 'kind', 'target', 'baseText', 'createdAt']);
const PLACEMENT_FIELDS: ReadonlySet<string> = new Set(['rationale', 'after', 'paragraphKind', 'level']);
const KNOWN_FIELDS: ReadonlySet<string> = new Set([...IMMUTABLE_FIELDS, ...PLACEMENT_FIELDS, 'status', 'updatedAt', 'text', 'cosigners']);

const deny = (reason: Reason): Verdict => ({ ok: false, reason });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isLevel = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3;
const plain = (e: { valueType?: string }): boolean => e.valueType === 'any';

/** Live state read once per check; every lookup is O(1) in the document. */
class Live {
  readonly phase: Phase;
  readonly tabled: boolean;
  private readonly status: Y.Map<unknown>;
  private readonly amendments: Y.Map<unknown>;
  private readonly sponsors: Y.Map<unknown>;
  constructor(doc: Y.Doc) {
    const control = doc.getMap<unknown>(NEGOTIATION_ROOT.control);
    const phase = control.get('phase');
    this.phase = (PHASES as readonly unknown[]).includes(phase) ? (phase as Phase) : 'drafting';
    this.tabled = isStr(control.get('tabledAt')) && control.get('tabledAt') !== '';
    this.status = doc.getMap<unknown>(NEGOTIATION_ROOT.status);
    this.amendments = doc.getMap<unknown>(NEGOTIATION_ROOT.amendments);
    this.sponsors = doc.getMap<unknown>(ROOT.sponsors);
  }
  paragraphStatus(id: string): ParagraphStatus | undefined {
    if (!id) return undefined;
    const v = this.status.get(id);
    const s = isObj(v) ? v.status : undefined;
    return (PARAGRAPH_STATUSES as readonly unknown[]).includes(s) ? (s as ParagraphStatus) : undefined;
  }
  hasAmendment(id: string): boolean { return this.amendments.has(id); }
  /** Order of an existing draft sponsor, or null. */
  sponsorOrder(name: string): number | null {
    const v = this.sponsors.get(name);
    return isObj(v) && typeof v.order === 'number' && Number.isFinite(v.order) ? v.order : null;
  }
  /** Highest sponsor order (-1 if none). O(sponsors), at most a few hundred, and only for sponsor writes. */
  lastSponsorOrder(): number {
    let max = -1;
    this.sponsors.forEach((v) => { if (isObj(v) && typeof v.order === 'number' && Number.isFinite(v.order)) max = Math.max(max, v.order); });
    return max;
  }
  amendment(id: string): (AmendmentState & { target: string }) | null {
    const m = this.amendments.get(id);
    if (!(m instanceof Y.Map)) return null;
    const status = m.get('status');
    return {
      author: isStr(m.get('author')) ? (m.get('author') as string) : '',
      status: (AMENDMENT_STATUSES as readonly unknown[]).includes(status) ? (status as AmendmentStatus) : 'proposed',
      target: isStr(m.get('target')) ? (m.get('target') as string) : '',
    };
  }
}

type AmendmentEffect = Extract<Effect, { root: 'amendments' }>;

/** Validate a whole new amendment from the field values the update writes. */
function checkCreation(actor: Actor, live: Live, id: string, effects: AmendmentEffect[]): Verdict {
  if (live.hasAmendment(id)) return deny('amendment-exists');
  const entry = effects.find((e) => e.field === undefined && e.op === 'set');
  if (!entry || entry.valueType !== 'map') return deny('invalid-value');
  const fields = new Map<string, AmendmentEffect>();
  for (const e of effects) {
    if (e.field === undefined || e.key !== undefined || e.op !== 'set') continue;
    if (!KNOWN_FIELDS.has(e.field)) return deny('unknown-key');
    fields.set(e.field, e);
  }
  const val = (f: string): unknown => fields.get(f)?.value;
  const target = val('target') ?? '';
  const kind = val('kind');
  if (!isStr(target)) return deny('invalid-value');
  const propose = canProposeAmendment(actor, { phase: live.phase, targetStatus: live.paragraphStatus(target) });
  if (!propose.ok) return propose;
  if (val('author') !== actor.delegation) return deny('not-your-delegation');
  if (val('id') !== id || val('status') !== 'proposed') return deny('invalid-value');
  if (!(AMENDMENT_KINDS as readonly unknown[]).includes(kind)) return deny('invalid-value');
  if (kind !== 'insert' && target === '') return deny('invalid-value');
  for (const f of ['after', 'baseText', 'createdAt', 'updatedAt']) if (fields.has(f) && !isStr(val(f))) return deny('invalid-value');
  const rationale = val('rationale');
  if (fields.has('rationale') && !(isStr(rationale) && rationale.length <= MAX_RATIONALE)) return deny('invalid-value');
  if (fields.has('paragraphKind') && val('paragraphKind') !== 'preambular' && val('paragraphKind') !== 'operative') return deny('invalid-value');
  if (fields.has('level') && !isLevel(val('level'))) return deny('invalid-value');
  if (fields.get('text') && fields.get('text')?.valueType !== 'text') return deny('invalid-value');
  if (fields.get('cosigners') && fields.get('cosigners')?.valueType !== 'map') return deny('invalid-value');
  for (const [f, e] of fields) if (f !== 'text' && f !== 'cosigners' && !plain(e)) return deny('invalid-value');
  // Others co-sign for themselves later; the author cannot pre-fill the list.
  if (effects.some((e) => e.field === 'cosigners' && e.key !== undefined)) return deny('not-your-delegation');
  return ALLOW;
}

function checkAmendment(actor: Actor, live: Live, e: AmendmentEffect, overwritten: ReadonlySet<string>): Verdict {
  if (e.field === undefined) return e.op === 'delete' ? deny('amendment-not-deletable') : deny('amendment-exists');
  const current = live.amendment(e.amendmentId);
  if (!current) return deny('invalid-value');
  const phase = live.phase;
  const targetStatus = live.paragraphStatus(current.target);
  const field = e.field;
  if (!KNOWN_FIELDS.has(field)) return deny('unknown-key');
  if (e.op === 'delete' && e.key === undefined) {
    // A map overwrite deletes the old value: fine when the same update sets the field again.
    if (!overwritten.has(`${e.amendmentId}|${field}`)) return deny('amendment-field-immutable');
    return ALLOW;
  }
  if (field === 'text') {
    return e.op === 'edit' ? canEditAmendment(actor, { amendment: current, phase, targetStatus }) : deny('amendment-field-immutable');
  }
  if (field === 'cosigners') {
    if (e.key === undefined) return deny('amendment-field-immutable');
    const v = canCosignAmendment(actor, { delegation: e.key, amendment: current, phase });
    if (!v.ok) return v;
    return e.op === 'delete' || (plain(e) && isObj(e.value) && isStr(e.value.at)) ? ALLOW : deny('invalid-value');
  }
  if (e.op === 'edit' || !plain(e)) return deny('invalid-value');
  if (IMMUTABLE_FIELDS.has(field)) return deny('amendment-field-immutable');
  if (field === 'status') {
    if (!(AMENDMENT_STATUSES as readonly unknown[]).includes(e.value)) return deny('invalid-value');
    return canSetAmendmentStatus(actor, { amendment: current, to: e.value as AmendmentStatus, phase });
  }
  if (field === 'updatedAt') {
    if (!isStr(e.value)) return deny('invalid-value');
    if (actor.role === 'chair' && phase !== 'closed') return ALLOW;
    return canEditAmendment(actor, { amendment: current, phase });
  }
  const v = canEditAmendment(actor, { amendment: current, phase, targetStatus });
  if (!v.ok) return v;
  const ok = field === 'level' ? isLevel(e.value)
    : field === 'paragraphKind' ? e.value === 'preambular' || e.value === 'operative'
      : field === 'rationale' ? isStr(e.value) && e.value.length <= MAX_RATIONALE
        : isStr(e.value);
  return ok ? ALLOW : deny('invalid-value');
}

function checkMapEffect(actor: Actor, live: Live, e: Extract<Effect, { key: string; op: string; root: string }>): Verdict {
  const phase = live.phase;
  if (e.op === 'edit') return deny('invalid-value');
  const setting = e.op === 'set';
  const v = setting ? e.value : undefined;
  if (setting && !plain(e)) return deny('invalid-value');
  switch (e.root) {
    case 'meta': {
      const r = canEditMasthead(actor, { phase });
      if (!r.ok) return r;
      if (!META_KEYS.has(e.key)) return deny('unknown-key');
      if (!setting) return ALLOW;
      return isStr(v) && (e.key !== 'kind' || RESOLUTION_KINDS.includes(v)) ? ALLOW : deny('invalid-value');
    }
    case 'sponsors': {
      if (!e.key) return deny('unknown-key');
      const kind = isObj(v) ? v.kind : undefined;
      const who = canWriteDraftSponsor(actor, { delegation: e.key, phase });
      if (!who.ok || !setting) return who;
      if (!(isObj(v) && SPONSOR_KINDS.includes(kind) && typeof v.order === 'number' && Number.isFinite(v.order) && isStr(v.at))) {
        return deny('invalid-value');
      }
      const rule = canWriteDraftSponsor(actor, {
        delegation: e.key, phase, tabled: live.tabled, kind: kind as 'main' | 'co' | 'additional',
      });
      if (!rule.ok || actor.role === 'secretariat') return rule;
      // A delegation keeps its place in the list, and a newcomer goes last: nobody jumps the queue.
      const place = live.sponsorOrder(e.key);
      return (place === null ? v.order > live.lastSponsorOrder() : v.order === place) ? ALLOW : deny('invalid-value');
    }
    case 'paragraphSponsors': {
      const parts = splitKey(e.key);
      if (!parts) return deny('unknown-key');
      const r = canWriteParagraphSponsor(actor, { delegation: parts[1], phase });
      if (!r.ok || !setting) return r;
      return isObj(v) && (v.role === 'proposer' || v.role === 'co') && isStr(v.at) ? ALLOW : deny('invalid-value');
    }
    case 'positions': {
      const parts = splitKey(e.key);
      if (!parts) return deny('unknown-key');
      const r = canRecordPosition(actor, { delegation: parts[1], phase });
      if (!r.ok || !setting) return r;
      return isObj(v) && (STANCES as readonly unknown[]).includes(v.stance) && isStr(v.at)
        && (v.note === undefined || (isStr(v.note) && v.note.length <= MAX_NOTE)) ? ALLOW : deny('invalid-value');
    }
    case 'status': {
      const r = canSetParagraphStatus(actor, { phase });
      if (!r.ok) return r;
      if (!e.key) return deny('unknown-key');
      if (!setting) return ALLOW;
      return isObj(v) && (PARAGRAPH_STATUSES as readonly unknown[]).includes(v.status) && v.by === actor.participant && isStr(v.at)
        ? ALLOW : deny('invalid-value');
    }
    case 'control': {
      const r = canSetPhase(actor);
      if (!r.ok) return r;
      if (e.key === 'phase') return !setting || (PHASES as readonly unknown[]).includes(v) ? ALLOW : deny('invalid-value');
      if (e.key === 'tabledAt') return !setting || isStr(v) ? ALLOW : deny('invalid-value');
      return deny('unknown-key');
    }
    default:
      return deny('unknown-root');
  }
}

function describe(e: Effect): string {
  switch (e.root) {
    case 'body': return `body paragraph '${e.paragraphId}' (${e.change})`;
    case 'amendments': return `amendment '${e.amendmentId}'${e.field ? ` field '${e.field}'` : ''}${e.key ? ` key '${e.key}'` : ''} (${e.op})`;
    case 'unknown': return `root '${e.name}'`;
    default: return `${e.root} key '${e.key}' (${e.op})`;
  }
}

/**
 * May `actor` apply `update` to `doc`? On refusal, nothing of the update may be applied, stored or
 * broadcast. 'missing-dependencies' means the server lacks content the update builds on: ask for a resync.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, actor: Actor): GateResult {
  const inspected = inspectUpdate(doc, update);
  if (!inspected.ok) return inspected;
  const { effects } = inspected;
  if (effects.length === 0) return inspected;
  if (actor.role === 'observer') return { ok: false, reason: 'observer-read-only', detail: describe(effects[0]) };
  let live: Live;
  try {
    live = new Live(doc);
  } catch (err) {
    return { ok: false, reason: 'unknown-root', detail: `negotiation roots have an unexpected type: ${err instanceof Error ? err.message : String(err)}` };
  }
  const created = new Map<string, AmendmentEffect[]>();
  const overwritten = new Set<string>();
  for (const e of effects) {
    if (e.root !== 'amendments') continue;
    if (e.created) {
      const list = created.get(e.amendmentId) ?? [];
      list.push(e);
      created.set(e.amendmentId, list);
    } else if (e.op === 'set' && e.field !== undefined && e.key === undefined) overwritten.add(`${e.amendmentId}|${e.field}`);
  }
  // Deleting an amendment also deletes its fields (and their effects come along): name the real refusal.
  const dropped = effects.find((e) => e.root === 'amendments' && !e.created && e.field === undefined && e.op === 'delete' && !created.has(e.amendmentId));
  if (dropped) return { ok: false, reason: 'amendment-not-deletable', detail: describe(dropped) };
  for (const [id, list] of created) {
    const v = checkCreation(actor, live, id, list);
    if (!v.ok) return { ok: false, reason: v.reason, detail: `new amendment '${id}'` };
  }
  for (const e of effects) {
    let v: Verdict;
    if (e.root === 'body') {
      v = e.change === 'insert'
        ? canEditText(actor, { phase: live.phase })
        : canEditParagraph(actor, { phase: live.phase, status: live.paragraphStatus(e.paragraphId) });
    } else if (e.root === 'amendments') {
      v = e.created ? ALLOW : checkAmendment(actor, live, e, overwritten);
    } else if (e.root === 'unknown') {
      v = deny('unknown-root');
    } else {
      v = checkMapEffect(actor, live, e);
    }
    if (!v.ok) return { ok: false, reason: v.reason, detail: describe(e) };
  }
  return inspected;
}
