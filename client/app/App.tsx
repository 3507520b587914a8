/** Top-level routing: `/` draft list, `/d/<id>` editor (hash or path form, see route.ts). */
import { Suspense, lazy, useSyncExternalStore } from 'react';
import { parseRoute, routeHref } from './route.ts';
import { DraftListPage } from './DraftListPage.tsx';

// The editor (tiptap, Yjs, y-websocket) is most of the bundle: the draft list loads without it.
const EditorPage = lazy(() => import('./EditorPage.tsx').then((m) => ({ default: m.EditorPage })));

function subscribeLocation(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

// The snapshot is a string so useSyncExternalStore compares it by value.
const locationKey = () => `${window.location.pathname}#${window.location.hash.replace(/^#/, '')}`;

export function App() {
  useSyncExternalStore(subscribeLocation, locationKey);
  const route = parseRoute(window.location);
  switch (route.page) {
    case 'list':
      return <DraftListPage />;
    case 'draft':
      return (
        <Suspense fallback={<p className="ph-status-message" data-testid="editor-loading">Loading the editor…</p>}>
          <EditorPage key={route.id} draftId={route.id} />
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
