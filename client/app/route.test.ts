import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route.ts';

describe('routes', () => {
  it('parses list and draft routes from the hash or the path', () => {
    expect(parseRoute({ pathname: '/', hash: '' })).toEqual({ page: 'list' });
    expect(parseRoute({ pathname: '/', hash: '#/' })).toEqual({ page: 'list' });
    expect(parseRoute({ pathname: '/', hash: '#/d/abc123' })).toEqual({ page: 'draft', id: 'abc123' });
    expect(parseRoute({ pathname: '/d/xyz/', hash: '' })).toEqual({ page: 'draft', id: 'xyz' });
  });

  it('round-trips ids through hrefs, including odd characters', () => {
    const href = routeHref({ page: 'draft', id: 'a b/c' });
    expect(parseRoute({ pathname: '/', hash: href })).toEqual({ page: 'draft', id: 'a b/c' });
  });

  it('reports unknown paths and survives bad encoding', () => {
    expect(parseRoute({ pathname: '/nope', hash: '' })).toEqual({ page: 'not-found', path: '/nope' });
    expect(parseRoute({ pathname: '/', hash: '#/d/%E0%A4%A' })).toEqual({ page: 'draft', id: '%E0%A4%A' });
  });
});
