/**
 * Start-up requests (early.ts): the inline script of index.html must ask for exactly the URLs the app
 * asks for later — otherwise the early answer is never used and the request is made twice.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toQueryString } from './client';
import { rosterApiQuery } from '../pages/rosterQuery';
import { EARLY_GLOBAL, earlyRequests, earlyScript, type EarlyEntry } from './early';

/** runs the inline script in a sandbox with a fake location/fetch/document; returns what it did */
function runScript(pathname: string, search: string, chunks: string[] = ['/assets/Roster-x.js']) {
  const fetched: { url: string; init: RequestInit }[] = [];
  const links: { rel: string; href: string }[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const window: Record<string, unknown> = {
    addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn),
  };
  const sandbox = {
    window,
    location: { pathname, search },
    performance: { now: () => 1 },
    setTimeout: (fn: () => void) => fn(),
    document: {
      createElement: () => ({}) as { rel: string; href: string },
      head: { appendChild: (l: { rel: string; href: string }) => links.push({ rel: l.rel, href: l.href }) },
    },
  };
  window.fetch = (url: string, init: RequestInit) => {
    fetched.push({ url, init });
    return Promise.resolve({ status: 200, text: () => Promise.resolve(`{"url":"${url}"}`) });
  };
  runInNewContext(earlyScript({ rosterChunks: chunks }), sandbox);
  const linksBeforeLoad = [...links];
  for (const fn of listeners.load ?? []) fn();
  return { fetched, links, linksBeforeLoad, early: window[EARLY_GLOBAL] as Record<string, EarlyEntry> | undefined };
}

describe('start-up requests', () => {
  it('the first roster page URL is the one App and the roster page request (rosterApiQuery + toQueryString)', () => {
    const roster = `/api/cadres${toQueryString(rosterApiQuery(new URLSearchParams()))}`;
    expect(earlyRequests('/cadres', '')).toEqual(['/api/auth/me', '/api/codes', roster]);
    const { fetched } = runScript('/cadres', '');
    expect(fetched.map((f) => f.url)).toEqual(['/api/auth/me', '/api/codes', roster]);
    // same credentials and Accept header as request() in client.ts
    expect(fetched.every((f) => f.init.credentials === 'include' && (f.init.headers as Record<string, string>).Accept === 'application/json')).toBe(true);
  });

  it('with a query string the roster page is left to the app; other pages only check the session; /login asks nothing', () => {
    expect(runScript('/cadres', '?sex=2&young=true').fetched.map((f) => f.url)).toEqual(['/api/auth/me', '/api/codes']);
    expect(earlyRequests('/cadres', '?sex=2')).toEqual(['/api/auth/me', '/api/codes']);
    expect(runScript('/org', '').fetched.map((f) => f.url)).toEqual(['/api/auth/me']);
    expect(earlyRequests('/org', '')).toEqual(['/api/auth/me']);
    const login = runScript('/login', '?next=%2Fcadres');
    expect(login.fetched).toEqual([]);
    expect(login.early).toBeUndefined();
  });

  it('roster chunks: modulepreload on /cadres at once, low-priority prefetch on /login after its load event, nothing elsewhere', () => {
    const chunks = ['/assets/Roster-a.js', '/assets/table-b.js'];
    const roster = runScript('/cadres', '', chunks);
    expect(roster.linksBeforeLoad).toEqual(chunks.map((href) => ({ rel: 'modulepreload', href })));
    expect(roster.links).toEqual(roster.linksBeforeLoad);
    const login = runScript('/login', '', chunks);
    expect(login.linksBeforeLoad).toEqual([]);
    expect(login.links).toEqual(chunks.map((href) => ({ rel: 'prefetch', href })));
    expect(runScript('/org', '', chunks).links).toEqual([]);
  });

  it('records each answer with its status and body for the client', async () => {
    const { early } = runScript('/cadres', '');
    const e = early!['/api/codes'];
    expect(await e.res).toEqual({ status: 200, text: '{"url":"/api/codes"}' });
    expect(e.done).toEqual({ status: 200, text: '{"url":"/api/codes"}' });
  });
});
