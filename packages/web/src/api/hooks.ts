import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api, ApiError, itemsOf } from './client';
import { peekEarly } from './early';
import type { CodeItem, CodesResponse, MeResponse, OrgUnit } from './types';

const STALE_REF = 10 * 60_000;

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: api.me,
    // answered already by the start-up request (early.ts): the shell renders at once, without a spinner pass
    initialData: () => peekEarly<MeResponse>('/api/auth/me'),
    retry: (n, e) => !(e instanceof ApiError && (e.status === 401 || e.status === 403)) && n < 2,
    staleTime: 5 * 60_000,
  });
}

export function useCodesQuery() {
  return useQuery({ queryKey: ['codes'], queryFn: api.codes, staleTime: STALE_REF, initialData: () => peekEarly<CodesResponse>('/api/codes') });
}

export function useRules() {
  return useQuery({ queryKey: ['rules'], queryFn: api.rules, staleTime: STALE_REF });
}

/** `enabled: false` = not (yet) needed: nothing is requested until it turns true */
export function useOrgUnits(opts: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['org-units'], queryFn: async () => (await api.orgUnits()).items, staleTime: STALE_REF, enabled: opts.enabled ?? true });
}

/**
 * Logical code sets the UI needs → names the server may use for them in `GET /api/codes`.
 * The first name present wins.
 */
export const CODE_SET_ALIASES: Record<string, string[]> = {
  sex: ['sex', 'GB2261', 'xb'],
  ethnicity: ['ethnicity', 'nation', 'GB3304', 'mz'],
  political: ['political', 'politicalStatus', 'GB4762', 'zzmm'],
  education: ['education', 'educationLevel', 'GB4658', 'ZB64', 'xl'],
  degree: ['degree', 'GB6864', 'xw'],
  postLevel: ['postLevel', 'postLevels', 'jobLevel', 'GB12407', 'ZB09', 'level'],
  rank: ['rank', 'ranks', 'civilServantRank', 'zj'],
  specialty: ['specialty', 'specialtyCategory', 'majorCategory', 'specialties'],
  experience: ['experienceType', 'experienceTypes', 'experience'],
  orgKind: ['orgKind', 'orgKinds'],
  status: ['cadreStatus', 'status'],
  intakeChannel: ['intakeChannel', 'intakeChannels'],
  assessmentResult: ['assessmentResult', 'assessmentResults'],
  disciplineKind: ['disciplineKind', 'disciplineKinds'],
  disciplineCategory: ['disciplineCategory'],
  trainingMode: ['trainingMode'],
  movementKind: ['movementKind', 'movementKinds'],
  talkKind: ['talkKind', 'talkKinds'],
  tag: ['tag', 'tags'],
  educationMode: ['educationMode'],
  style: ['style'],
  relation: ['relation'],
  supervisionKind: ['supervisionKind'],
  supervisionAction: ['supervisionAction'],
  careKind: ['careKind'],
  keyMomentRating: ['keyMomentRating'],
};

export interface Codes {
  list: (set: string) => CodeItem[];
  name: (set: string, code: string | null | undefined) => string;
  options: (set: string) => { value: string; label: string }[];
}

export function useCodes(): Codes {
  const { data } = useCodesQuery();
  const sets = data?.sets;
  const list = useCallback(
    (set: string): CodeItem[] => {
      if (!sets) return [];
      for (const k of CODE_SET_ALIASES[set] ?? [set]) if (Array.isArray(sets[k])) return sets[k];
      return [];
    },
    [sets],
  );
  const maps = useMemo(() => new Map<string, Map<string, string>>(), [sets]);
  const name = useCallback(
    (set: string, code: string | null | undefined): string => {
      if (code === null || code === undefined || code === '') return '';
      let m = maps.get(set);
      if (!m) {
        m = new Map(list(set).map((c) => [c.code, c.name]));
        maps.set(set, m);
      }
      return m.get(code) ?? code;
    },
    [list, maps],
  );
  const options = useCallback((set: string) => list(set).map((c) => ({ value: c.code, label: c.name })), [list]);
  return useMemo(() => ({ list, name, options }), [list, name, options]);
}

export interface OrgTreeNode {
  key: string;
  value: number;
  title: string;
  unit: OrgUnit;
  children?: OrgTreeNode[];
}

/** Builds a tree from the flat, scope-limited list (roots = units whose parent is not in the list). */
export function buildOrgTree(units: OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const u of units) nodes.set(u.id, { key: String(u.id), value: u.id, title: u.name, unit: u });
  const roots: OrgTreeNode[] = [];
  const sorted = [...units].sort((a, b) => a.sort - b.sort || a.id - b.id);
  for (const u of sorted) {
    const n = nodes.get(u.id)!;
    const p = u.parentId != null ? nodes.get(u.parentId) : undefined;
    if (p) (p.children ??= []).push(n);
    else roots.push(n);
  }
  return roots;
}

export function useOrgTree(opts: { enabled?: boolean } = {}) {
  const q = useOrgUnits(opts);
  const tree = useMemo(() => buildOrgTree(q.data ?? []), [q.data]);
  const byId = useMemo(() => new Map((q.data ?? []).map((u) => [u.id, u])), [q.data]);
  return { ...q, tree, byId };
}

export { itemsOf };
