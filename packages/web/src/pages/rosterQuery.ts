/** Roster filters ⇄ URL query string. The URL is the single source of truth (dashboard links rely on it). */
export const LIST_KEYS = ['postLevel', 'rank', 'political', 'education'] as const;
export const SCALAR_KEYS = [
  'q', 'orgId', 'ageMin', 'ageMax', 'sex', 'ethnicity', 'nonParty', 'specialty', 'tag', 'young', 'status', 'retiringWithinYears',
] as const;
/** Filters that only come from a link (a statistic's people, its reference date); not form fields. */
export const LINK_KEYS = ['ids', 'asOf'] as const;
export const PAGING_KEYS = ['sort', 'page', 'pageSize'] as const;
export const FILTER_KEYS: readonly string[] = [...LIST_KEYS, ...SCALAR_KEYS, ...LINK_KEYS];

/** Filter values as the form holds them. */
export interface FilterValues {
  q?: string;
  orgId?: number;
  postLevel?: string[];
  rank?: string[];
  political?: string[];
  education?: string[];
  ageMin?: number;
  ageMax?: number;
  sex?: string;
  ethnicity?: string;
  nonParty?: boolean;
  specialty?: string;
  tag?: string;
  young?: boolean;
  status?: string;
  retiringWithinYears?: number;
  /** comma list of cadre ids: the people behind a statistic */
  ids?: string;
  /** the date ages are computed on (YYYY-MM-DD) */
  asOf?: string;
}

export function filtersFromParams(sp: URLSearchParams): FilterValues {
  const v: FilterValues = {};
  for (const k of LIST_KEYS) {
    const s = sp.get(k);
    if (s) v[k] = s.split(',').filter(Boolean);
  }
  const num = (k: 'orgId' | 'ageMin' | 'ageMax' | 'retiringWithinYears') => {
    const s = sp.get(k);
    if (s !== null && s !== '' && !Number.isNaN(Number(s))) v[k] = Number(s);
  };
  num('orgId');
  num('ageMin');
  num('ageMax');
  num('retiringWithinYears');
  const ids = sp.get('ids');
  if (ids && /^\d+(,\d+)*$/.test(ids)) v.ids = ids;
  const asOf = sp.get('asOf');
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) v.asOf = asOf;
  for (const k of ['q', 'sex', 'ethnicity', 'specialty', 'tag', 'status'] as const) {
    const s = sp.get(k);
    if (s) v[k] = s;
  }
  if (sp.get('nonParty') === 'true') v.nonParty = true;
  if (sp.get('young') === 'true') v.young = true;
  return v;
}

/** Filter values → plain string record (for the URL, the API and saved presets). */
export function filtersToRecord(v: FilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined || val === null || val === '' || val === false) continue;
    if (Array.isArray(val)) {
      if (val.length) out[k] = val.join(',');
    } else out[k] = String(typeof val === 'string' ? val.trim() : val);
    if (out[k] === '') delete out[k];
  }
  return out;
}

export function rosterHref(filter: Record<string, string | number | boolean>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) sp.set(k, String(v));
  const s = sp.toString();
  return `/cadres${s ? `?${s}` : ''}`;
}

/** The roster API query for a URL query string — shared by the page and the early prefetch in App. */
export function rosterApiQuery(sp: URLSearchParams): Record<string, string | number | undefined> {
  const filterRecord = filtersToRecord(filtersFromParams(sp));
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(sp.get('pageSize')) || 50));
  return { ...filterRecord, sort: sp.get('sort') || undefined, page, pageSize };
}
