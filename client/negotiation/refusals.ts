/** Human wording of the permission refusal codes (shared/permissions/rules.ts) shown beside disabled actions. */
import type { Reason } from '../../shared/permissions/rules.ts';

const TEXT: Partial<Record<Reason, string>> = {
  'observer-read-only': 'Observers can read but not act.',
  'phase-closed': 'The negotiation is closed.',
  'paragraph-locked': 'This paragraph is agreed and locked.',
  'no-delegation': 'Only delegations can do this.',
  'not-your-delegation': 'You can only act for your own delegation.',
  'chair-only': 'Only the chair can do this.',
  'author-only': 'Only the proposing delegation can do this.',
  'amendment-not-editable': 'This amendment is no longer open.',
  'amendment-status-transition': 'This amendment cannot change to that status.',
  'cannot-cosign-own-amendment': 'You cannot co-sign your own amendment.',
};

export function describeRefusal(reason: Reason): string {
  return TEXT[reason] ?? `Not allowed (${reason}).`;
}
