/**
 * The editor page: app bar (identity, phase, invitations, presence, connection badge), toolbar,
 * sponsorship bar, and an A4-like sheet with the masthead, the live body, the paragraph margin and
 * the footnotes. Access is by token: without one the page asks for an invitation link.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { EditorContent, useEditorState } from '@tiptap/react';
import type { Actor, Phase } from '../../shared/negotiation/layout.ts';
import { canEditText } from '../../shared/permissions/rules.ts';
import { useCollabSession, useStore } from '../collab/hooks.ts';
import { connectionPhase, describeClose } from '../collab/connection-state.ts';
import { describeActor, identityFromActor } from '../collab/identity.ts';
import type { CollabSession } from '../collab/session.ts';
import type { SessionRefusal } from '../collab/refusal.ts';
import { useResolutionEditor } from '../editor/useResolutionEditor.ts';
import { Toolbar } from '../editor/Toolbar.tsx';
import { FootnoteList } from '../editor/FootnoteList.tsx';
import { FootnoteDialog, type FootnoteDialogState } from '../editor/FootnoteDialog.tsx';
import { collectFootnotes } from '../editor/footnotes.ts';
import { Masthead } from './Masthead.tsx';
import { ConnectionBadge, PresenceList } from './Presence.tsx';
import { routeHref } from './route.ts';
import { sessionStore, takeImportWarnings } from './import-notes.ts';
import { browserStorage, removeToken, tokenFor, updateTokenRecord } from './tokens.ts';
import { canManageInvitations, useActor } from './access.ts';
import { InvitationNeeded } from './InvitationNeeded.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { PhaseControl } from './PhaseControl.tsx';
import { DraftSponsors } from './DraftSponsors.tsx';
import { ParagraphMargin } from './ParagraphMargin.tsx';
import { AmendmentsPanel } from '../negotiation/AmendmentsPanel.tsx';
import { PositionsMatrix } from '../negotiation/PositionsMatrix.tsx';
import { ChairDashboard } from '../dashboard/ChairDashboard.tsx';
import { RevisionsPanel } from '../revisions/RevisionsPanel.tsx';
import { RecordPanel } from '../record/RecordPanel.tsx';
import { ExportPanel } from '../export/ExportPanel.tsx';
import { SIDE_BUTTONS, type Side, type SideViewProps } from './side-view.ts';


export function EditorPage({ draftId }: { draftId: string }) {
  const [token, setToken] = useState<string | null>(() => tokenFor(browserStorage(), draftId));
  const [warnings, setWarnings] = useState<string[]>([]);
  useEffect(() => setWarnings(takeImportWarnings(sessionStore(), draftId)), [draftId]);
  if (!token) {
    return (
      <div className="ph-app">
        <TopBar />
        <InvitationNeeded draftId={draftId} onToken={setToken} />
      </div>
    );
  }
  return (
    <DraftSession
      key={token} draftId={draftId} token={token} onToken={setToken}
      warnings={warnings} onDismissWarnings={() => setWarnings([])}
    />
  );
}

function TopBar({ children }: { children?: ReactNode }) {
  return (
    <header className="ph-topbar">
      <a className="ph-brand" href={routeHref({ page: 'list' })}>Penholder</a>
      <a className="ph-back" href={routeHref({ page: 'list' })}>All drafts</a>
      <span className="ph-spacer" />
      {children}
    </header>
  );
}

interface DraftSessionProps {
  draftId: string;
  token: string;
  onToken: (token: string) => void;
  warnings: string[];
  onDismissWarnings: () => void;
}

function DraftSession({ draftId, token, onToken, warnings, onDismissWarnings }: DraftSessionProps) {
  const { actor, problem } = useActor(draftId, token);
  const identity = useMemo(() => (actor ? identityFromActor(actor) : null), [actor]);
  const { session, notice, dismissNotice, ended } = useCollabSession(draftId, token, identity);
  useEffect(() => {
    // A revoked or unknown token is dead weight: the draft list should not offer it again.
    if (ended?.kind === 'revoked' || ended?.kind === 'unauthorized') removeToken(browserStorage(), draftId);
  }, [ended, draftId]);
  if (problem === 'revoked' || problem === 'invalid') {
    return (
      <div className="ph-app">
        <TopBar />
        <InvitationNeeded draftId={draftId} reason={problem} onToken={onToken} />
      </div>
    );
  }
  return (
    <div className="ph-app">
      {session ? (
        <SessionView
          session={session} actor={actor} notice={notice} onDismissNotice={dismissNotice} ended={ended}
          warnings={warnings} onDismissWarnings={onDismissWarnings}
        />
      ) : (
        <TopBar />
      )}
    </div>
  );
}

interface SessionViewProps {
  session: CollabSession;
  actor: Actor | null;
  notice: string | null;
  onDismissNotice: () => void;
  ended: SessionRefusal | null;
  warnings: string[];
  onDismissWarnings: () => void;
}

const ENDED_WORDS: Readonly<Record<SessionRefusal['kind'], string>> = {
  revoked: 'Your access to this draft was revoked.',
  unauthorized: 'This invitation link is not valid.',
  forbidden: 'This invitation link is for another draft.',
  rejected: 'Your changes were refused repeatedly, so editing stopped. Reload the page to try again.',
};

function SessionView({ session, actor, notice, onDismissNotice, ended, warnings, onDismissWarnings }: SessionViewProps) {
  const connection = useStore(session.connection);
  const people = useStore(session.presence);
  const head = useStore(session.head);
  const negotiation = useStore(session.negotiation);
  const sponsors = useStore(session.sponsors);
  const [panel, setPanel] = useState(false);
  const phase = connectionPhase(connection);
  const closed = phase === 'closed';
  const readOnly = closed || actor === null || !canEditText(actor, { phase: negotiation.phase }).ok;

  let body: ReactNode;
  if (!connection.everSynced && closed) {
    body = (
      <div className="ph-page">
        <div className="ph-status-message" role="alert" data-testid="draft-error">
          <p>{ended ? ENDED_WORDS[ended.kind] : `This draft cannot be opened: ${describeClose(connection.closedReason ?? '')}.`}</p>
          <p><a href={routeHref({ page: 'list' })}>Back to the drafts</a></p>
        </div>
      </div>
    );
  } else if (!connection.everSynced) {
    body = (
      <div className="ph-page">
        <p className="ph-status-message" data-testid="draft-loading">Loading the draft… ({phase === 'offline' ? 'offline' : 'connecting'})</p>
      </div>
    );
  } else {
    body = (
      <DraftEditor
        key={session.doc.clientID} session={session} actor={actor} head={head} readOnly={readOnly}
        phase={negotiation.phase} sessionClosed={closed}
        negotiationBar={(
          <DraftSponsors doc={session.doc} actor={actor} phase={negotiation.phase} tabledAt={negotiation.tabledAt}
            sponsors={sponsors} disabled={closed} />
        )}
        margin={(editor, sheet) => (
          <ParagraphMargin editor={editor} sheet={sheet} doc={session.doc} state={negotiation} actor={actor} disabled={closed} />
        )}
      />
    );
  }

  return (
    <>
      <TopBar>
        {actor && <span className="ph-whoami" data-testid="whoami" data-role={actor.role}>You are: {describeActor(actor)}</span>}
        <PhaseControl phase={negotiation.phase} actor={actor} doc={session.doc} disabled={closed} />
        {canManageInvitations(actor) && (
          <button type="button" className="ph-button ph-topbar-button" data-testid="open-invitations" aria-expanded={panel}
            onClick={() => setPanel(!panel)}>
            Invitations
          </button>
        )}
        <PresenceList people={people} />
        <ConnectionBadge state={connection} />
      </TopBar>
      {ended && (
        <p role="alert" className="ph-error ph-banner" data-testid={ended.kind === 'revoked' ? 'revoked-message' : 'ended-banner'}>
          {ENDED_WORDS[ended.kind]}{connection.everSynced ? ' Your copy is read-only.' : ''}
        </p>
      )}
      {!ended && closed && connection.everSynced && (
        <p role="alert" className="ph-error ph-banner" data-testid="closed-banner">
          The connection was closed: {describeClose(connection.closedReason ?? '')}. Your copy is read-only.
        </p>
      )}
      {notice && (
        <div role="alert" className="ph-notice ph-banner" data-testid="refusal-notice">
          <span>{notice}</span>{' '}
          <span className="ph-muted">The draft was reloaded from the server.</span>{' '}
          <button type="button" className="ph-link-button" onClick={onDismissNotice}>Dismiss</button>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="ph-warnings" role="status" data-testid="import-warnings">
          <strong>Imported with {warnings.length} note{warnings.length === 1 ? '' : 's'}:</strong>
          <ul>{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          <button type="button" className="ph-button" onClick={onDismissWarnings}>Dismiss</button>
        </div>
      )}
      {panel && actor && <InvitationsPanel draftId={session.draftId} actor={actor} onClose={() => setPanel(false)} />}
      {body}
    </>
  );
}

interface DraftEditorProps {
  session: CollabSession;
  actor: Actor | null;
  head: ReturnType<CollabSession['head']['getSnapshot']>;
  readOnly: boolean;
  phase: Phase;
  /** The connection is closed (drawer views offer no writes). */
  sessionClosed: boolean;
  negotiationBar: ReactNode;
  margin: (editor: ReturnType<typeof useResolutionEditor>, sheet: RefObject<HTMLElement | null>) => ReactNode;
}

function DraftEditor({ session, actor, head, readOnly, phase, sessionClosed, negotiationBar, margin }: DraftEditorProps) {
  const [dialog, setDialog] = useState<FootnoteDialogState | null>(null);
  const [side, setSide] = useState<Side>('none');
  const sheet = useRef<HTMLElement>(null);
  const sponsors = useStore(session.sponsors);
  const identity = useMemo(() => (actor ? identityFromActor(actor) : null), [actor]);
  const editor = useResolutionEditor({
    session,
    identity,
    onRequestFootnote: () => setDialog({ mode: 'insert' }),
    // Called on click, long after `editor` is assigned.
    onFootnoteClick: (id) => {
      const item = collectFootnotes(editor.state.doc).find((f) => f.id === id);
      if (item) setDialog({ mode: 'edit', id: item.id, number: item.number, text: item.text });
    },
  });

  useEffect(() => {
    editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  const title = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      let text = '';
      e.state.doc.forEach((node) => {
        if (!text && node.type.name === 'title') text = node.textContent;
      });
      return text;
    },
  });
  useEffect(() => {
    document.title = `${head.symbol || title || 'Untitled draft'} — Penholder`;
    // The draft list names drafts this browser holds tokens for from this.
    const label = [head.symbol, title].filter(Boolean).join(' — ');
    if (label) updateTokenRecord(browserStorage(), session.draftId, { title: label });
  }, [head.symbol, title, session.draftId]);

  // The paragraph with the cursor: the amendments panel preselects it when proposing.
  const currentParagraphId = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { $head } = e.state.selection;
      const id = $head.depth >= 1 ? $head.node(1).attrs.id : null;
      return typeof id === 'string' ? id : undefined;
    },
  });
  const toggle = (which: Side) => setSide(side === which ? 'none' : which);
  const viewProps: SideViewProps | null = actor
    ? { draftId: session.draftId, doc: session.doc, actor, phase, currentParagraphId, disabled: sessionClosed }
    : null;

  const closeDialog = () => {
    setDialog(null);
    editor.commands.focus();
  };
  const save = (text: string) => {
    if (!dialog) return;
    if (dialog.mode === 'insert') editor.chain().focus().insertFootnote(text).run();
    else editor.chain().focus().updateFootnote(dialog.id, text).run();
    setDialog(null);
  };
  const remove = () => {
    if (dialog?.mode === 'edit') editor.chain().focus().removeFootnote(dialog.id).run();
    setDialog(null);
  };

  const rootProps = useMemo(() => ({
    'data-testid': 'editor', 'data-draft-id': session.draftId, 'data-readonly': readOnly ? 'true' : 'false',
  }), [session.draftId, readOnly]);

  return (
    <>
      <Toolbar editor={editor} readOnly={readOnly} onFootnote={() => setDialog({ mode: 'insert' })} />
      <div className="ph-sponsor-bar">
        {negotiationBar}
        <span className="ph-spacer" />
        {SIDE_BUTTONS.filter((b) => !b.roles || (actor !== null && b.roles.includes(actor.role))).map((b) => (
          <button key={b.side} type="button" className="ph-button ph-small" data-testid={`toggle-${b.side}`} aria-pressed={side === b.side}
            onClick={() => toggle(b.side)}>
            {b.label}
          </button>
        ))}
      </div>
      <div className={side === 'none' ? 'ph-desk' : 'ph-desk ph-with-side'}>
        <article className="ph-page" aria-label="Draft resolution" ref={sheet}>
          <Masthead head={head} sponsors={sponsors} />
          <EditorContent editor={editor} className="ph-editor" {...rootProps} />
          <FootnoteList editor={editor} readOnly={readOnly} onEdit={(f) => setDialog({ mode: 'edit', id: f.id, number: f.number, text: f.text })} />
          {margin(editor, sheet)}
        </article>
        {side !== 'none' && (
          <aside className="ph-side" aria-label={SIDE_BUTTONS.find((b) => b.side === side)?.label ?? ''} data-testid="side-drawer" data-side={side}>
            <div className="ph-side-close">
              <button type="button" className="ph-button ph-small" data-testid="close-side" onClick={() => setSide('none')}>Close</button>
            </div>
            {/* client/negotiation (README there): the panel and the overlay share the page-wide view store. */}
            {side === 'amendments' && (actor ? (
              <AmendmentsPanel doc={session.doc} actor={actor} currentParagraphId={currentParagraphId} draftId={session.draftId} />
            ) : <p className="ph-muted">Loading who you are…</p>)}
            {side === 'positions' && <PositionsMatrix doc={session.doc} />}
            {viewProps && side === 'dashboard' && <ChairDashboard {...viewProps} />}
            {viewProps && side === 'revisions' && <RevisionsPanel {...viewProps} />}
            {viewProps && side === 'record' && <RecordPanel {...viewProps} />}
            {viewProps && side === 'export' && <ExportPanel {...viewProps} />}
          </aside>
        )}
      </div>
      {dialog && (
        <FootnoteDialog
          key={dialog.mode === 'edit' ? dialog.id : 'new'} state={dialog}
          onSave={save} onCancel={closeDialog} onDelete={dialog.mode === 'edit' ? remove : undefined}
        />
      )}
    </>
  );
}
