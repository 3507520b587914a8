/**
 * The editor page: app bar (presence, connection badge), toolbar, and an A4-like sheet with the
 * masthead, sponsor line, the live body and the footnotes.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { EditorContent, useEditorState } from '@tiptap/react';
import { useCollabSession, useStore } from '../collab/hooks.ts';
import { connectionPhase, describeClose } from '../collab/connection-state.ts';
import { loadIdentity, type Identity } from '../collab/identity.ts';
import type { CollabSession } from '../collab/session.ts';
import { useResolutionEditor } from '../editor/useResolutionEditor.ts';
import { Toolbar } from '../editor/Toolbar.tsx';
import { FootnoteList } from '../editor/FootnoteList.tsx';
import { FootnoteDialog, type FootnoteDialogState } from '../editor/FootnoteDialog.tsx';
import { collectFootnotes } from '../editor/footnotes.ts';
import { Masthead } from './Masthead.tsx';
import { ConnectionBadge, PresenceList } from './Presence.tsx';
import { NamePrompt, browserStorage } from './NamePrompt.tsx';
import { routeHref } from './route.ts';
import type { ResolutionHead } from '../../shared/resolution/blocks.ts';
import { sessionStore, takeImportWarnings } from './import-notes.ts';

export function EditorPage({ draftId }: { draftId: string }) {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity(browserStorage()));
  const session = useCollabSession(draftId, identity);
  const [renaming, setRenaming] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  useEffect(() => setWarnings(takeImportWarnings(sessionStore(), draftId)), [draftId]);
  return (
    <div className="ph-app">
      {session ? (
        <SessionView
          session={session} identity={identity} warnings={warnings}
          onDismissWarnings={() => setWarnings([])} onRename={() => setRenaming(true)}
        />
      ) : (
        <TopBar />
      )}
      {(!identity || renaming) && (
        <NamePrompt
          initial={identity?.name ?? ''}
          onCancel={identity ? () => setRenaming(false) : undefined}
          onDone={(next) => {
            setIdentity(next);
            setRenaming(false);
          }}
        />
      )}
    </div>
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

interface SessionViewProps {
  session: CollabSession;
  identity: Identity | null;
  warnings: string[];
  onDismissWarnings: () => void;
  onRename: () => void;
}

function SessionView({ session, identity, warnings, onDismissWarnings, onRename }: SessionViewProps) {
  const connection = useStore(session.connection);
  const people = useStore(session.presence);
  const head = useStore(session.head);
  const phase = connectionPhase(connection);

  let body: ReactNode;
  if (!connection.everSynced && phase === 'closed') {
    body = (
      <div className="ph-page">
        <div className="ph-status-message" role="alert" data-testid="draft-error">
          <p>This draft cannot be opened: {describeClose(connection.closedReason ?? '')}.</p>
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
  } else if (identity) {
    body = <DraftEditor session={session} identity={identity} head={head} readOnly={phase === 'closed'} />;
  } else {
    body = <div className="ph-page"><p className="ph-status-message">Enter your name to start editing.</p></div>;
  }

  return (
    <>
      <TopBar>
        <PresenceList people={people} onRename={onRename} />
        <ConnectionBadge state={connection} />
      </TopBar>
      {phase === 'closed' && connection.everSynced && (
        <p role="alert" className="ph-error ph-banner" data-testid="closed-banner">
          The connection was closed: {describeClose(connection.closedReason ?? '')}. Your copy is read-only.
        </p>
      )}
      {warnings.length > 0 && (
        <div className="ph-warnings" role="status" data-testid="import-warnings">
          <strong>Imported with {warnings.length} note{warnings.length === 1 ? '' : 's'}:</strong>
          <ul>{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          <button type="button" className="ph-button" onClick={onDismissWarnings}>Dismiss</button>
        </div>
      )}
      {body}
    </>
  );
}

interface DraftEditorProps {
  session: CollabSession;
  identity: Identity;
  head: ResolutionHead;
  readOnly: boolean;
}

function DraftEditor({ session, identity, head, readOnly }: DraftEditorProps) {
  const [dialog, setDialog] = useState<FootnoteDialogState | null>(null);
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
  }, [head.symbol, title]);

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

  const rootProps = useMemo(() => ({ 'data-testid': 'editor', 'data-draft-id': session.draftId }), [session.draftId]);

  return (
    <>
      <Toolbar editor={editor} readOnly={readOnly} onFootnote={() => setDialog({ mode: 'insert' })} />
      <div className="ph-desk">
        <article className="ph-page" aria-label="Draft resolution">
          <Masthead head={head} />
          <EditorContent editor={editor} className="ph-editor" {...rootProps} />
          <FootnoteList editor={editor} readOnly={readOnly} onEdit={(f) => setDialog({ mode: 'edit', id: f.id, number: f.number, text: f.text })} />
        </article>
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
