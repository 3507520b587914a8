/**
 * Top-level routing: `/` draft list, `/d/<id>` editor (hash or path form, see route.ts). An invitation
 * link (`#/d/<id>?token=...`) hands its token to localStorage and leaves the URL without it.
 */
import { Suspense, lazy, useSyncExternalStore } from 'react';
import { parseRoute, routeHref } from './route.ts';
import { DraftListPage } from './DraftListPage.tsx';
import { browserStorage, captureInviteFromLocation, tokenFor } from './tokens.ts';

// The editor (tiptap, Yjs, y-websocket) is most of the bundle: the draft list loads without it.
const EditorPage = lazy(() => import('./EditorPage.tsx').then((m) => ({ default: m.EditorPage })));

function subscribeLocation(onChange: () => void): () => void {
  const handler = () => {
    // Before React reads the location: the token must be stored and gone from the URL.
    captureInviteFromLocation(browserStorage());
    onChange();
  };
  window.addEventListener('hashchange', handler);
  window.addEventListener('popstate', handler);
  return () => {
    window.removeEventListener('hashchange', handler);
    window.removeEventListener('popstate', handler);
  };
}

// The page may have been opened from an invitation link.
captureInviteFromLocation(browserStorage());

// The snapshot is a string so useSyncExternalStore compares it by value. It includes the route's token:
// a second invitation link for the open draft leaves the cleaned URL unchanged but must still re-render.
const locationKey = () => {
  const route = parseRoute(window.location);
  const token = route.page === 'draft' ? tokenFor(browserStorage(), route.id) ?? '' : '';
  return `${window.location.pathname}#${window.location.hash.replace(/^#/, '')}\u0000${token}`;
};

export function App() {
  useSyncExternalStore(subscribeLocation, locationKey);
  const route = parseRoute(window.location);
  switch (route.page) {
    case 'list':
      return <DraftListPage />;
    case 'draft':
      return (
        <Suspense fallback={<p className="ph-status-message" data-testid="editor-loading">Loading the editor…</p>}>
          {/* A new token (another invitation for the same draft) starts the page afresh. */}
          <EditorPage key={`${route.id}\u0000${tokenFor(browserStorage(), route.id) ?? ''}`} draftId={route.id} />
        </Suspense>
      );
    case 'not-found':
      return (
        <main className="ph-shell ph-notfound">
          <h1>Page not found</h1>
          <p>
            There is nothing at <code>{route.path}</code>. <a href={routeHref({ page: 'list' })}>Back to the drafts</a>.
          </p>
        </main>
      );
  }
}
