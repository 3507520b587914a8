/**
 * The contract between the editor page and the views it shows in its side drawer (dashboard,
 * revisions, record, export). Each view lives in its own folder and receives the same props.
 */
import type * as Y from 'yjs';
import type { Actor, Phase } from '../../shared/negotiation/layout.ts';

/** Which view the drawer beside the sheet shows. */
export type Side = 'none' | 'amendments' | 'positions' | 'dashboard' | 'revisions' | 'record' | 'export';

/** Props every drawer view receives. */
export interface SideViewProps {
  draftId: string;
  /** The live document (read through the stores in client/collab; writes go through shared/negotiation actions). */
  doc: Y.Doc;
  actor: Actor;
  phase: Phase;
  /** The paragraph holding the cursor, if any. */
  currentParagraphId: string | undefined;
  /** The connection is closed: show, but offer no writes. */
  disabled: boolean;
}

/** Drawer buttons, in order, with the roles that see them (undefined = everyone). */
export const SIDE_BUTTONS: ReadonlyArray<{ side: Exclude<Side, 'none'>; label: string; roles?: readonly Actor['role'][] }> = [
  { side: 'amendments', label: 'Amendments' },
  { side: 'positions', label: 'Positions' },
  { side: 'dashboard', label: 'Dashboard', roles: ['chair', 'secretariat'] },
  { side: 'revisions', label: 'Revisions' },
  { side: 'record', label: 'Record' },
  { side: 'export', label: 'Export' },
];
