/**
 * Routes: `/` draft list, `/d/<id>` editor. Links use the hash form (`#/d/<id>`) so any static
 * server can serve the app; the path form is accepted too, for servers with an SPA fallback.
 */

export type Route = { page: 'list' } | { page: 'draft'; id: string } | { page: 'not-found'; path: string };

const DRAFT = /^\/d\/([^/?#]+)\/?$/;

function fromPath(path: string): Route | null {
  if (path === '' || path === '/') return { page: 'list' };
  const m = DRAFT.exec(path);
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    // Malformed percent-encoding: keep the raw segment rather than failing the page.
    id = m[1];
  }
  return { page: 'draft', id };
}

/** The route for a location (pathname and hash). The hash wins when it carries a route. */
export function parseRoute(loc: { pathname: string; hash: string }): Route {
  // A query in the hash (`#/d/<id>?token=...`) belongs to the invitation, not the route.
  const raw = loc.hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const hash = q < 0 ? raw : raw.slice(0, q);
  if (hash.startsWith('/')) return fromPath(hash) ?? { page: 'not-found', path: hash };
  return fromPath(loc.pathname) ?? { page: 'not-found', path: loc.pathname };
}

/** The href of a route. */
export function routeHref(route: Route): string {
  switch (route.page) {
    case 'list': return '#/';
    case 'draft': return `#/d/${encodeURIComponent(route.id)}`;
    case 'not-found': return '#/';
  }
}

/** Navigate within the app (browser only). */
export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
