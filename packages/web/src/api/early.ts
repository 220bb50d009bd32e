/**
 * Start-up requests (首屏数据预取).
 *
 * On a full page load the API requests the first screen needs are started by a small inline script
 * in index.html (written by the build, packages/web/vite.config.ts `earlyHints`) — while the
 * JavaScript is still being downloaded and compiled — instead of after the app has started and
 * rendered. The typed client (`request` in client.ts) takes such a response instead of sending the
 * same GET again; `peekEarly` gives React Query an already finished answer synchronously, so the first
 * render has the data. Each early answer is used once, and only shortly after the page load.
 *
 * This module is imported by the browser code and by vite.config.ts (which serialises the plan), so it
 * must not touch the DOM at import time.
 */
import { rosterApiQuery } from '../pages/rosterQuery';

/** name of the global the inline script fills */
export const EARLY_GLOBAL = '__cadreEarly';
/** an early answer older than this (ms since it was requested) is not used: the client asks again */
export const EARLY_MAX_AGE_MS = 15_000;

/** an early request as the inline script records it */
export interface EarlyEntry {
  /** performance.now() when it was sent */
  at: number;
  /** the answer (status and body text); rejects on a network error */
  res: Promise<EarlyAnswer>;
  /** set once the answer is there */
  done?: EarlyAnswer;
}
export interface EarlyAnswer {
  status: number;
  text: string;
}

declare global {
  interface Window {
    __cadreEarly?: Record<string, EarlyEntry>;
  }
}

/** one start-up GET: sent when the page is `path` ('*' = any page but /login); `bare` = only without a query string */
export interface EarlyRule {
  path: string;
  url: string;
  bare?: boolean;
}

/** same query string as `toQueryString` in client.ts (kept here so that vite.config.ts need not load the client) */
function qs(q: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * What to request early, in the order to send them (PGlite answers one query at a time: the cheap
 * session check and code lists first, the roster page — the slowest — last).
 */
export function earlyRules(): EarlyRule[] {
  return [
    { path: '*', url: '/api/auth/me' },
    { path: '/cadres', url: '/api/codes' },
    // the URL App's prefetch and the roster page ask for when /cadres has no query string
    { path: '/cadres', url: `/api/cadres${qs(rosterApiQuery(new URLSearchParams()))}`, bare: true },
  ];
}

/** the URLs requested early for a page (what the inline script does, for tests) */
export function earlyRequests(pathname: string, search: string): string[] {
  if (pathname === '/login') return [];
  return earlyRules()
    .filter((r) => (r.path === '*' || r.path === pathname) && (!r.bare || search === '' || search === '?'))
    .map((r) => r.url);
}

export interface EarlyPlan {
  /**
   * JS chunks of the roster page (beyond the entry's own): preloaded on /cadres; prefetched on /login once
   * the login page has loaded (so that they do not take connections from the login page's own files)
   */
  rosterChunks: string[];
}

/** the inline script for index.html (plain ES5: it runs before anything else) */
export function earlyScript(plan: EarlyPlan): string {
  const rules = JSON.stringify(earlyRules());
  const chunks = JSON.stringify(plan.rosterChunks);
  return `(function(w,d){try{
var p=location.pathname,s=location.search,rules=${rules},chunks=${chunks};
function link(rel,href){var l=d.createElement('link');l.rel=rel;l.href=href;if(rel==='modulepreload')l.crossOrigin='';d.head.appendChild(l);}
if(p==='/login'){w.addEventListener('load',function(){setTimeout(function(){chunks.forEach(function(c){link('prefetch',c);});},0);});return;}
if(p==='/cadres')chunks.forEach(function(c){link('modulepreload',c);});
if(!w.fetch)return;
var early=w.${EARLY_GLOBAL}={};
rules.forEach(function(r){
if((r.path!=='*'&&r.path!==p)||(r.bare&&s!==''&&s!=='?'))return;
var e={at:performance.now()};
e.res=w.fetch(r.url,{credentials:'include',headers:{Accept:'application/json'}}).then(function(x){return x.text().then(function(t){e.done={status:x.status,text:t};return e.done;});});
e.res['catch'](function(){});
early[r.url]=e;});
}catch(e){}})(window,document);`;
}

const fresh = (e: EarlyEntry) => performance.now() - e.at <= EARLY_MAX_AGE_MS;

/** the early answer for `url`, if there is a fresh one (removed: it is used once) */
export function takeEarly(url: string): Promise<EarlyAnswer> | undefined {
  if (typeof window === 'undefined') return undefined;
  const all = window[EARLY_GLOBAL];
  const e = all?.[url];
  if (!e) return undefined;
  delete all![url];
  return fresh(e) ? e.res : undefined;
}

/** the parsed body of an early answer for `url` that has already arrived with 2xx (used once), else undefined */
export function peekEarly<T>(url: string): T | undefined {
  if (typeof window === 'undefined') return undefined;
  const e = window[EARLY_GLOBAL]?.[url];
  if (!e?.done || e.done.status < 200 || e.done.status >= 300 || !fresh(e)) return undefined;
  try {
    const data = JSON.parse(e.done.text) as T;
    delete window[EARLY_GLOBAL]![url];
    return data;
  } catch {
    return undefined;
  }
}
