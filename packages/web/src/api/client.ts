/** Typed fetch client for the Cadre Atlas HTTP API (docs/api.md). */
import type {
  AuditEntry,
  CadreResponse,
  Cadre,
  CodesResponse,
  MeResponse,
  OrgUnit,
  Position,
  Team,
  OrgUnitDetail,
  Page,
  RosterRow,
  RulesResponse,
  RulesVersion,
  SavedFilter,
  SectionRow,
  StatsOverview,
  StructureStats,
  TeamAnalysis,
  TeamHistory,
  TeamsAnalysis,
  User,
} from './types';
import { takeEarly } from './early';

export interface ApiIssue {
  path: string;
  code: string;
  message: string;
  messageEn?: string;
}

/** Any non-2xx answer of the API, parsed from its JSON body. */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly messageEn: string;
  readonly issues: ApiIssue[];
  /** for 409: the record as stored now */
  readonly current: Record<string, unknown> | undefined;

  constructor(status: number, body: Partial<{ error: string; message: string; messageEn: string; issues: ApiIssue[]; current: Record<string, unknown> }>) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.error = body.error ?? (status === 429 ? 'rate_limited' : 'http_error');
    this.messageEn = body.messageEn ?? body.message ?? `HTTP ${status}`;
    this.issues = Array.isArray(body.issues) ? body.issues : [];
    this.current = body.current;
  }

  /** the message in the UI language */
  localized(lang: string): string {
    return lang.startsWith('en') ? this.messageEn : this.message;
  }
}

/** any thrown value as a message in the UI language (an ApiError's own text, else its string form) */
export function errorText(e: unknown, lang: string): string {
  return e instanceof ApiError ? e.localized(lang) : String(e);
}

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export function toQueryString(q: Query | undefined): string {
  if (!q) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    sp.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Listeners told about 401 answers so the shell can send the user to the login page. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(fn: () => void): () => void {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'include', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  // a GET the page started before the app loaded (index.html, early.ts); on a network failure ask again
  const early = method === 'GET' && body === undefined ? await takeEarly(url)?.catch(() => undefined) : undefined;
  let res: { ok: boolean; status: number };
  let text: string;
  if (early) {
    res = { ok: early.status >= 200 && early.status < 300, status: early.status };
    text = early.text;
  } else {
    let r: Response;
    try {
      r = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0, { error: 'network', message: '网络连接失败', messageEn: 'Network error' });
    }
    res = r;
    text = await r.text();
  }
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { message: text };
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, (data ?? {}) as ConstructorParameters<typeof ApiError>[1]);
    if (res.status === 401 && !url.endsWith('/auth/login')) unauthenticatedListeners.forEach((fn) => fn());
    throw err;
  }
  return data as T;
}

/** POST a file as the raw request body (uploads: .lrmx, .zip, .xlsx), JSON answer; errors as ApiError. */
export async function uploadRaw<T>(url: string, file: Blob & { name?: string }): Promise<T> {
  const name = file.name ?? 'upload';
  const type = /\.zip$/i.test(name)
    ? 'application/zip'
    : /\.xlsx$/i.test(name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'application/octet-stream';
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': type, 'x-file-name': encodeURIComponent(name) },
      body: file,
    });
  } catch {
    throw new ApiError(0, { error: 'network', message: '网络连接失败', messageEn: 'Network error' });
  }
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = { message: text };
  }
  if (!res.ok) {
    if (res.status === 401) unauthenticatedListeners.forEach((fn) => fn());
    throw new ApiError(res.status, (data ?? {}) as ConstructorParameters<typeof ApiError>[1]);
  }
  return data as T;
}

const get = <T>(url: string, q?: Query) => request<T>('GET', url + toQueryString(q));

export const api = {
  // auth
  login: (username: string, password: string) => request<{ user: User }>('POST', '/api/auth/login', { username, password }),
  logout: () => request<unknown>('POST', '/api/auth/logout'),
  me: () => get<MeResponse>('/api/auth/me'),

  // reference data
  codes: () => get<CodesResponse>('/api/codes'),
  rules: () => get<RulesResponse>('/api/rules'),
  rulesVersions: () => get<{ items: RulesVersion[] } | RulesVersion[]>('/api/rules/versions'),

  // organisation
  orgUnits: () => get<{ items: OrgUnit[] }>('/api/org-units'),
  orgUnit: (id: number) => get<OrgUnitDetail>(`/api/org-units/${id}`),
  createOrgUnit: (body: Record<string, unknown>) => request<OrgUnit>('POST', '/api/org-units', body),
  updateOrgUnit: (id: number, body: Record<string, unknown> & { version: number }) => request<OrgUnit>('PATCH', `/api/org-units/${id}`, body),
  createTeam: (body: Record<string, unknown>) => request<Team>('POST', '/api/teams', body),
  updateTeam: (id: number, body: Record<string, unknown> & { version: number }) => request<Team>('PATCH', `/api/teams/${id}`, body),
  createPosition: (body: Record<string, unknown>) => request<Position>('POST', '/api/positions', body),
  updatePosition: (id: number, body: Record<string, unknown> & { version: number }) => request<Position>('PATCH', `/api/positions/${id}`, body),
  deletePosition: (id: number, version: number) => request<unknown>('DELETE', `/api/positions/${id}${toQueryString({ version })}`),
  /** 任职 */
  createAppointment: (body: Record<string, unknown>) => request<{ id: number; version: number }>('POST', '/api/appointments', body),
  /** 免职 (endDate) or corrections */
  updateAppointment: (id: number, body: Record<string, unknown> & { version: number }) => request<unknown>('PATCH', `/api/appointments/${id}`, body),

  // cadres
  roster: (q: Query) => get<Page<RosterRow>>('/api/cadres', q),
  exportUrl: (q: Query) => `/api/cadres/export.xlsx${toQueryString(q)}`,
  cadre: (id: number) => get<CadreResponse>(`/api/cadres/${id}`),
  createCadre: (body: Record<string, unknown>) => request<Cadre>('POST', '/api/cadres', body),
  deleteCadre: (id: number, version: number) => request<unknown>('DELETE', `/api/cadres/${id}${toQueryString({ version })}`),
  updateCadre: (id: number, body: Partial<Cadre> & { version: number }) => request<{ cadre: Cadre } | Cadre>('PATCH', `/api/cadres/${id}`, body),
  section: (id: number, section: string) => get<{ items: SectionRow[] }>(`/api/cadres/${id}/${section}`),
  createRow: (id: number, section: string, body: Record<string, unknown>) => request<unknown>('POST', `/api/cadres/${id}/${section}`, body),
  updateRow: (id: number, section: string, rowId: number, body: Record<string, unknown> & { version: number }) =>
    request<unknown>('PATCH', `/api/cadres/${id}/${section}/${rowId}`, body),
  deleteRow: (id: number, section: string, rowId: number, version: number) =>
    request<unknown>('DELETE', `/api/cadres/${id}/${section}/${rowId}${toQueryString({ version })}`),
  cadreAudit: (id: number) => get<{ items: AuditEntry[] }>(`/api/cadres/${id}/audit`),

  // audit
  audit: (q: Query) => get<{ items: AuditEntry[]; total: number }>('/api/audit', q),

  // statistics
  overview: (orgId?: number) => get<StatsOverview>('/api/stats/overview', { orgId }),
  structure: (q: Query) => get<StructureStats>('/api/stats/structure', q),
  structureXlsxUrl: (q: Query) => `/api/stats/structure.xlsx${toQueryString(q)}`,
  structureReportUrl: (q: Query) => `/api/stats/structure/report${toQueryString(q)}`,

  // teams (班子研判)
  teamsAnalysis: (q: Query) => get<TeamsAnalysis>('/api/teams/analysis', q),
  teamsXlsxUrl: (q: Query) => `/api/teams/analysis.xlsx${toQueryString(q)}`,
  teamAnalysis: (id: number) => get<TeamAnalysis>(`/api/teams/${id}/analysis`),
  teamHistory: (id: number) => get<TeamHistory>(`/api/teams/${id}/history`),

  // saved filters
  savedFilters: () => get<{ items: SavedFilter[] } | SavedFilter[]>('/api/saved-filters'),
  saveFilter: (name: string, filter: Record<string, string>) => request<SavedFilter>('POST', '/api/saved-filters', { name, filter }),
  deleteFilter: (id: number) => request<unknown>('DELETE', `/api/saved-filters/${id}`),
};

/** Accept both `{ items }` and a bare array (list endpoints). */
export function itemsOf<T>(v: { items: T[] } | T[] | undefined): T[] {
  if (!v) return [];
  return Array.isArray(v) ? v : v.items ?? [];
}
