/**
 * THE place where the tiptap editor is created: the resolution schema, ids, decorations and
 * commands from shared/resolution, Yjs collaboration on the `body` fragment with its own undo,
 * collaboration carets, the client's chrome decorations, the paragraph-status lock and the
 * inline tracked changes of proposed amendments.
 * Components never call useEditor.
 */
import { useEffect, useRef } from 'react';
import { useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { resolutionExtensions } from '../../shared/resolution/schema.ts';
import { ResolutionDecorations } from '../../shared/resolution/decorations.ts';
import { ResolutionCommands } from '../../shared/resolution/commands.ts';
import { ResolutionIds } from '../../shared/resolution/ids-plugin.ts';
import { ROOT } from '../../shared/resolution/ydoc.ts';
import type { CollabSession } from '../collab/session.ts';
import type { Identity } from '../collab/identity.ts';
import { EditorChrome } from './chrome.ts';
import { ParagraphState } from './paragraph-state.ts';
import { TrackedChanges } from '../negotiation/tracked-changes.ts';

/**
 * A remote caret. The name is drawn by CSS from `data-name` rather than a text node, so a
 * paragraph's textContent stays its text even while someone's caret sits in it.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' ? user.name : 'Anonymous';
  const color = typeof user.color === 'string' ? user.color : '#6b7280';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  caret.setAttribute('data-name', name);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.setAttribute('data-name', name);
  label.setAttribute('aria-hidden', 'true');
  caret.appendChild(label);
  return caret;
}

export interface ResolutionEditorOptions {
  session: CollabSession;
  /** Null until the server said who this is (the server stamps awareness anyway). */
  identity: Identity | null;
  /** Mod-Alt-F (and the toolbar) ask the page to prompt for a footnote's text. */
  onRequestFootnote: () => void;
  /** A footnote marker in the body was clicked. */
  onFootnoteClick: (id: string) => void;
}

/**
 * Create the editor for a session. Mount the calling component only once the session has
 * synced: an editor started on an empty fragment would fill it with a default block that then
 * merges into the real draft.
 */
export function useResolutionEditor(options: ResolutionEditorOptions): Editor {
  const { session, identity } = options;
  // Extensions are built once per session; callbacks reach them through a ref so they stay current.
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });
  return useEditor({
    extensions: [
      ...resolutionExtensions(),
      ResolutionIds,
      ResolutionDecorations,
      ResolutionCommands.configure({ onRequestFootnote: () => callbacks.current.onRequestFootnote() }),
      Collaboration.configure({ document: session.doc, field: ROOT.body }),
      CollaborationCaret.configure({
        provider: session.provider,
        user: identity ? { name: identity.name, color: identity.color } : { name: 'Anonymous', color: '#6b7280' },
        render: renderCaret,
      }),
      EditorChrome,
      ParagraphState.configure({ store: session.negotiation }),
      // Proposed amendments drawn inline (decorations only; client/negotiation).
      TrackedChanges.configure({ getDoc: () => session.doc }),
    ],
    editorProps: {
      attributes: {
        class: 'ph-body',
        'aria-label': 'Resolution text',
        'aria-multiline': 'true',
        role: 'textbox',
        spellcheck: 'true',
        lang: 'en',
      },
      handleClickOn(_view, _pos, node) {
        if (node.type.name !== 'footnote') return false;
        const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
        if (id) callbacks.current.onFootnoteClick(id);
        return Boolean(id);
      },
    },
    // The app renders only in the browser; rendering at once avoids a blank first frame.
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
  }, [session]);
}
