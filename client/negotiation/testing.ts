/** Test fixtures: a small resolution body and amendments written through shared/negotiation/actions.ts. */
import type * as Y from 'yjs';
import { cosignAmendment, proposeAmendment, setAmendmentStatus, type ProposeFields } from '../../shared/negotiation/actions.ts';
import type { AmendmentStatus } from '../../shared/negotiation/layout.ts';
import type { BodyBlock } from '../../shared/resolution/blocks.ts';

export const BLOCKS: BodyBlock[] = [
  { type: 'title', id: 't1', level: 0, labelStyle: 'un', text: 'Cooperation on testing', footnotes: [] },
  { type: 'organ', id: 'g1', level: 0, labelStyle: 'un', text: 'The General Assembly,', footnotes: [] },
  { type: 'preambular', id: 'pp1', level: 0, labelStyle: 'un', text: 'Recalling its earlier resolutions,', footnotes: [] },
  { type: 'preambular', id: 'pp2', level: 0, labelStyle: 'un', text: 'Noting the progress made,', footnotes: [] },
  { type: 'operative', id: 'op1', level: 0, labelStyle: 'un', text: 'Welcomes the report of the Secretary-General;', footnotes: [] },
  { type: 'operative', id: 'op1a', level: 1, labelStyle: 'un', text: 'on testing;', footnotes: [] },
  { type: 'operative', id: 'op2', level: 0, labelStyle: 'un', text: 'Encourages all States to cooperate;', footnotes: [] },
  { type: 'operative', id: 'op3', level: 0, labelStyle: 'un', text: 'Decides to remain seized of the matter.', footnotes: [] },
];

let clock = 0;

/** Propose an amendment with a fixed id and an increasing creation time; optionally set its status and co-signers. */
export function putAmendment(
  doc: Y.Doc, fields: Partial<ProposeFields> & { id: string; author: string; status?: AmendmentStatus }, text = '', cosigners: string[] = [],
): string {
  clock += 1;
  const now = (): string => new Date(Date.UTC(2026, 0, 1, 0, 0, clock)).toISOString();
  const { id, status, ...rest } = fields;
  proposeAmendment(doc, { kind: 'wording', ...rest, text }, { newId: () => id, now });
  if (status && status !== 'proposed') setAmendmentStatus(doc, id, status, { now });
  for (const name of cosigners) cosignAmendment(doc, id, name, { now });
  return id;
}
