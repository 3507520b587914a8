/**
 * The secretariat's masthead form: symbol, date, session, committee, agenda item… written to the
 * `meta` Y.Map (one field per Masthead key), so every participant's sheet and every export shows them
 * at once. Only the secretariat sees it (canEditMasthead — the server's gate applies the same rule).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { canEditMasthead } from '../../shared/permissions/rules.ts';
import { ROOT } from '../../shared/resolution/ydoc.ts';
import { MASTHEAD_FIELDS, type Masthead } from '../../shared/resolution/types.ts';
import type { SideViewProps } from '../app/side-view.ts';

/** Labels and hints of the fields, in MASTHEAD_FIELDS order. */
const FIELD_INFO: Record<keyof Masthead, { label: string; placeholder: string }> = {
  symbol: { label: 'Symbol', placeholder: 'A/C.1/79/L.11' },
  distribution: { label: 'Distribution', placeholder: 'Limited' },
  date: { label: 'Date', placeholder: '12 October 2024' },
  originalLanguage: { label: 'Original', placeholder: 'English' },
  session: { label: 'Session', placeholder: 'Seventy-ninth session' },
  organName: { label: 'Organ', placeholder: 'General Assembly' },
  committee: { label: 'Committee', placeholder: 'First Committee' },
  agendaItem: { label: 'Agenda item', placeholder: '94' },
  agendaTitle: { label: 'Agenda item title', placeholder: 'General and complete disarmament' },
  adoptionNote: { label: 'Adoption note (adopted texts)', placeholder: 'Resolution adopted by the General Assembly on …' },
};

/** At most this many characters per field: a masthead line, not a text. */
export const MAX_MASTHEAD_FIELD = 300;

type Values = Record<keyof Masthead, string>;

/** The masthead as stored in `meta` (missing or non-string values read as ''). */
export function readMasthead(meta: Y.Map<unknown>): Values {
  const out = {} as Values;
  for (const f of MASTHEAD_FIELDS) {
    const v = meta.get(f);
    out[f] = typeof v === 'string' ? v : '';
  }
  return out;
}

/** Fields whose trimmed value differs from what is stored. */
export function changedFields(stored: Values, edited: Values): Partial<Values> {
  const out: Partial<Values> = {};
  for (const f of MASTHEAD_FIELDS) {
    const next = edited[f].replace(/\s+/g, ' ').trim().slice(0, MAX_MASTHEAD_FIELD);
    if (next !== stored[f]) out[f] = next;
  }
  return out;
}

/** Subscribes to `meta`; the snapshot string changes only when a masthead field does. */
function useMeta(doc: Y.Doc): Values {
  const meta = doc.getMap<unknown>(ROOT.meta);
  const key = useSyncExternalStore(
    (notify) => {
      meta.observe(notify);
      return () => meta.unobserve(notify);
    },
    () => JSON.stringify(readMasthead(meta)),
  );
  return JSON.parse(key) as Values;
}

export function MastheadForm({ doc, actor, phase, disabled }: Pick<SideViewProps, 'doc' | 'actor' | 'phase' | 'disabled'>) {
  const stored = useMeta(doc);
  const [edited, setEdited] = useState<Values>(stored);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const storedKey = JSON.stringify(stored);
  // Someone else's change shows up unless this form holds unsaved edits.
  useEffect(() => {
    if (!dirty) setEdited(JSON.parse(storedKey) as Values);
  }, [storedKey, dirty]);

  if (!canEditMasthead(actor, { phase }).ok) return null;

  const change = (field: keyof Masthead, value: string) => {
    setEdited({ ...edited, [field]: value });
    setDirty(true);
    setSaved(false);
  };
  const save = () => {
    const changes = changedFields(stored, edited);
    const meta = doc.getMap<unknown>(ROOT.meta);
    doc.transact(() => {
      for (const [field, value] of Object.entries(changes)) meta.set(field, value);
    });
    setDirty(false);
    setSaved(true);
  };
  const reset = () => {
    setEdited(stored);
    setDirty(false);
  };

  return (
    <form className="ph-masthead-form" data-testid="masthead-form" aria-label="Masthead"
      onSubmit={(e) => { e.preventDefault(); save(); }}>
      <h3 className="ph-panel-sub">Masthead and symbol</h3>
      <p className="ph-muted ph-small-text">The secretariat keeps the masthead: what you save here shows on every sheet and in every export.</p>
      {MASTHEAD_FIELDS.map((f) => (
        <label key={f} className="ph-mh-field">
          <span>{FIELD_INFO[f].label}</span>
          <input type="text" value={edited[f]} placeholder={FIELD_INFO[f].placeholder} maxLength={MAX_MASTHEAD_FIELD}
            disabled={disabled} data-testid={`masthead-input-${f}`} onChange={(e) => change(f, e.target.value)} />
        </label>
      ))}
      <div className="ph-row">
        <button type="submit" className="ph-button ph-primary ph-small" data-testid="masthead-save" disabled={disabled || !dirty}>Save masthead</button>
        {dirty && <button type="button" className="ph-button ph-small" onClick={reset}>Undo changes</button>}
        {saved && !dirty && <span className="ph-muted" role="status" data-testid="masthead-saved">Saved.</span>}
      </div>
    </form>
  );
}
