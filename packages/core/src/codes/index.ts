import { CODE_SETS, CODE_SET_META } from './data';
import type { CodeEntry, CodeSetId } from './types';

export { CODE_SETS, CODE_SET_META } from './data';
export { CODE_SET_IDS } from './types';
export type { CodeEntry, CodeSetId, CodeSetMeta } from './types';

// index: set → code → entry (built once)
const INDEX = new Map<CodeSetId, Map<string, CodeEntry>>();
for (const [set, entries] of Object.entries(CODE_SETS) as [CodeSetId, CodeEntry[]][]) {
  INDEX.set(set, new Map(entries.map((e) => [e.code, e])));
}

export function codesOf(set: CodeSetId): CodeEntry[] {
  return CODE_SETS[set] ?? [];
}

export function codeEntry(set: CodeSetId, code: string | null | undefined): CodeEntry | undefined {
  if (code == null) return undefined;
  return INDEX.get(set)?.get(code);
}

export function codeName(set: CodeSetId, code: string | null | undefined): string | undefined {
  return codeEntry(set, code)?.name;
}

/** English label (extra.en) when there is one, else the Chinese name. */
export function codeLabelEn(set: CodeSetId, code: string | null | undefined): string | undefined {
  const e = codeEntry(set, code);
  if (!e) return undefined;
  const en = e.extra?.en;
  return typeof en === 'string' ? en : e.name;
}

export function isValidCode(set: CodeSetId, code: unknown): boolean {
  return typeof code === 'string' && INDEX.get(set)?.has(code) === true;
}

/**
 * Map a code, a name, a short name or an alias (e.g. '军转' → '军转安置', '男' → '1',
 * '汉' → '01', '中共党员' → '01') to the code; undefined when nothing matches.
 */
export function normalizeCode(set: CodeSetId, value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  if (isValidCode(set, v)) return v;
  for (const e of codesOf(set)) {
    if (e.name === v) return e.code;
    const x = e.extra ?? {};
    if (x.short === v || x.full === v) return e.code;
    if (Array.isArray(x.aliases) && x.aliases.includes(v)) return e.code;
  }
  return undefined;
}

/** { setId: [{code, name}] } for GET /api/codes */
export function codeSetsForApi(): Record<CodeSetId, { code: string; name: string; parent?: string }[]> {
  const out = {} as Record<CodeSetId, { code: string; name: string; parent?: string }[]>;
  for (const [set, entries] of Object.entries(CODE_SETS) as [CodeSetId, CodeEntry[]][]) {
    out[set] = entries.map((e) => (e.parent ? { code: e.code, name: e.name, parent: e.parent } : { code: e.code, name: e.name }));
  }
  return out;
}

/** Flat rows for the code_item table (set_code, code, name, sort, parent, extra). */
export function codeItemRows(): { setCode: CodeSetId; code: string; name: string; sort: number; parent: string | null; extra: Record<string, unknown> | null }[] {
  const rows: ReturnType<typeof codeItemRows> = [];
  for (const [set, entries] of Object.entries(CODE_SETS) as [CodeSetId, CodeEntry[]][]) {
    entries.forEach((e, i) => rows.push({ setCode: set, code: e.code, name: e.name, sort: i, parent: e.parent ?? null, extra: e.extra ?? null }));
  }
  return rows;
}

export const ORG_KINDS = CODE_SETS.orgKind.map((e) => e.code);
export const EXPERIENCE_TYPES = CODE_SETS.experienceType.map((e) => e.code);
export const SPECIALTY_CATEGORIES = CODE_SETS.specialtyCategory.map((e) => e.code);
export const ROLES = ['admin', 'cadre', 'supervision', 'leader', 'unit_hr'] as const;
export type Role = (typeof ROLES)[number];

// ───────────── 政治面貌 helpers ─────────────
/** 01 中共党员 / 02 中共预备党员 */
export function isCpcMember(political: string | null | undefined): boolean {
  return political === '01' || political === '02';
}
/** 党外: not a CPC member (民主党派, 无党派人士, 群众, 共青团员 …) */
export function isNonParty(political: string | null | undefined): boolean {
  return political != null && political !== '' && !isCpcMember(political);
}
/** 少数民族 (GB/T 3304 code other than 01 汉族) */
export function isMinority(ethnicity: string | null | undefined): boolean {
  return ethnicity != null && ethnicity !== '' && ethnicity !== '01';
}

// ───────────── 学历 helpers ─────────────
export type EducationGroup = '研究生' | '大学本科' | '大学专科' | '中专及以下';

function educationEntry(code: string | null | undefined): CodeEntry | undefined {
  if (code == null) return undefined;
  const c = code.trim();
  // ZB64 (what the 任免审批表 editor writes) first, then GB/T 4658-2006; where the two share a
  // code they agree on the group (11/12 研究生, 21/22/23 本科, 31/32/33 专科).
  return (
    codeEntry('education', c) ??
    codeEntry('educationGb', c) ??
    codeEntry('education', normalizeCode('education', c)) ??
    codeEntry('educationGb', normalizeCode('educationGb', c))
  );
}

/** Higher = higher education (研究生 > 大学本科 > 大学专科 > 中专 > 高中 > 初中 > 小学); 0 unknown. */
export function educationRank(code: string | null | undefined): number {
  const r = educationEntry(code)?.extra?.rank;
  return typeof r === 'number' ? r : 0;
}

/** Statistics group of a 学历 code (ZB64 or GB/T 4658). Unknown codes fall in '中专及以下'. */
export function educationGroup(code: string | null | undefined): EducationGroup {
  const g = educationEntry(code)?.extra?.group;
  return (typeof g === 'string' ? g : '中专及以下') as EducationGroup;
}

export const EDUCATION_GROUPS: EducationGroup[] = ['研究生', '大学本科', '大学专科', '中专及以下'];

// ───────────── 学位 helpers ─────────────
export type DegreeLevel = '博士' | '硕士' | '学士';
/** 博士 | 硕士 | 学士 for a GB/T 6864 code, null when unknown/empty. */
export function degreeLevel(code: string | null | undefined): DegreeLevel | null {
  const l = codeEntry('degree', code)?.extra?.level;
  return typeof l === 'string' ? (l as DegreeLevel) : null;
}
/** 4 博士, 3 硕士, 2 学士, 0 none */
export function degreeRank(code: string | null | undefined): number {
  const r = codeEntry('degree', code)?.extra?.rank;
  return typeof r === 'number' ? r : 0;
}

// ───────────── 职务级别 helpers ─────────────
export type PostLevelTier = '国家级' | '省部级' | '厅局级' | '县处级' | '乡科级' | '科员级' | '办事员级' | '未定职';

/**
 * Accepts the three-digit code (131), a ZB09-style '1A31' (mapped to 131) or a short name
 * ('正处', '副科') / full name ('县处级正职'); returns the three-digit code.
 */
export function normalizePostLevel(code: string | null | undefined): string | undefined {
  if (code == null) return undefined;
  const c = code.trim();
  if (isValidCode('postLevel', c)) return c;
  const zb = /^1[A-Z](\d{2})$/.exec(c);
  if (zb) {
    const three = `1${zb[1]}`;
    if (isValidCode('postLevel', three)) return three;
  }
  return normalizeCode('postLevel', c);
}

export function postLevelTier(code: string | null | undefined): PostLevelTier | undefined {
  const t = codeEntry('postLevel', normalizePostLevel(code))?.extra?.tier;
  return typeof t === 'string' ? (t as PostLevelTier) : undefined;
}

/** 正职 (…1 codes); false for deputies, 科员/办事员 and unknown codes. */
export function isChiefLevel(code: string | null | undefined): boolean {
  return codeEntry('postLevel', normalizePostLevel(code))?.extra?.chief === true;
}

/** Higher = more senior (160 办事员 = 1 … 131 正处 = 6 … 101 = 12); 0 for unknown / 未定职. */
export function levelOrder(code: string | null | undefined): number {
  const o = codeEntry('postLevel', normalizePostLevel(code))?.extra?.order;
  return typeof o === 'number' ? o : 0;
}

/** Short display name: 正处, 副处, 正科, 副科, 科员 … */
export function postLevelShort(code: string | null | undefined): string | undefined {
  const s = codeEntry('postLevel', normalizePostLevel(code))?.extra?.short;
  return typeof s === 'string' ? s : undefined;
}

// ───────────── 职级 helpers ─────────────
/** Higher = more senior (二级科员 1 … 一级巡视员 12); 0 unknown. */
export function rankOrder(code: string | null | undefined): number {
  const o = codeEntry('rank', code)?.extra?.order;
  return typeof o === 'number' ? o : 0;
}
/** 职务级别 a 职级 corresponds to (一级调研员 → 131). */
export function rankEquivalentLevel(code: string | null | undefined): string | undefined {
  const l = codeEntry('rank', code)?.extra?.equivalentLevel;
  return typeof l === 'string' ? l : undefined;
}
/** the next higher rank code, undefined at the top or for unknown codes */
export function nextRank(code: string | null | undefined): string | undefined {
  const o = rankOrder(code);
  if (!o) return undefined;
  return CODE_SETS.rank.find((e) => e.extra?.order === o + 1)?.code;
}

// ───────────── 处分 helpers ─────────────
export function disciplineCategoryOf(kind: string | null | undefined): string | undefined {
  const c = codeEntry('disciplineKind', kind)?.extra?.category;
  return typeof c === 'string' ? c : undefined;
}

export function codeSetTitle(set: CodeSetId): string {
  return CODE_SET_META[set].name;
}
