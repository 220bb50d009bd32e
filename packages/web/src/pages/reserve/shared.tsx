/** Shared pieces of the 储备链 pages: tier / stage tags, the cadre and pool pickers, quarter helpers, error text. */
import { useMemo, useState } from 'react';
import { Select, Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { reserveApi, type Bi, type Pool, type PoolEntry, type Stage, type Tier, type TierSuggestion } from '../../api/reserve';
import '../../i18n/reserve';

export const TIER_COLORS: Record<Tier, string> = { readyNow: '#389e0d', shortTerm: '#d48806', future: '#1677ff' };
export const STAGE_COLORS: Record<Stage, string> = {
  nominated: 'default',
  inspected: 'processing',
  compared: 'purple',
  admitted: 'green',
  exited: 'volcano',
  rejected: 'default',
};

/** the stored value may be the code (`readyNow`) or the document's word (`随时能用`) */
const TIER_WORDS: Record<string, Tier> = { 随时能用: 'readyNow', 短期可用: 'shortTerm', 未来有用: 'future' };
export function asTier(v: unknown): Tier | null {
  if (v == null) return null;
  if (typeof v === 'object' && 'tier' in (v as object)) return asTier((v as TierSuggestion).tier);
  if (v === 'readyNow' || v === 'shortTerm' || v === 'future') return v;
  return TIER_WORDS[String(v)] ?? null;
}
export const suggestedOf = (e: Pick<PoolEntry, 'suggestedTier'>): Tier | null => asTier(e.suggestedTier);
export const suggestionReasons = (e: PoolEntry): Bi[] =>
  e.suggestionReasons ?? (e.suggestedTier && typeof e.suggestedTier === 'object' ? (e.suggestedTier.reasons ?? []) : []);

export function useLang() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return { t, en, bi: (b: Bi | undefined | null) => (b ? (en ? b.en : b.zh) : '') };
}

export function TierTag({ tier, suggested, testId }: { tier: Tier | null | undefined; suggested?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!tier) return <span style={{ color: '#bfbfbf' }} data-testid={testId}>—</span>;
  const tag = (
    <Tag color={suggested ? undefined : TIER_COLORS[tier]} style={suggested ? { borderStyle: 'dashed', color: TIER_COLORS[tier], borderColor: TIER_COLORS[tier] } : undefined} data-testid={testId} data-tier={tier}>
      {t(`reserve.tier.${tier}`)}
    </Tag>
  );
  return suggested ? <Tooltip title={t('reserve.common.suggestedHint')}>{tag}</Tooltip> : tag;
}

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLORS[stage]} data-stage={stage}>{t(`reserve.stage.${stage}`)}</Tag>;
}

export const pct = (v: number | null | undefined, digits = 1) => (v == null ? '—' : `${(v * 100).toFixed(digits)}%`);
/** maturity comes as 0..100 (score) or 0..1 (share); shown as a score */
export const maturityScore = (v: number | null | undefined) => (v == null ? null : v <= 1 ? v * 100 : v);

export function errorText(e: unknown, en: boolean): string {
  if (e instanceof ApiError) {
    const issues = e.issues.map((i) => `${i.path}: ${en ? (i.messageEn ?? i.message) : i.message}`).join('；');
    return issues ? `${e.localized(en ? 'en' : 'zh')}（${issues}）` : e.localized(en ? 'en' : 'zh');
  }
  return String(e);
}

/** '2026Q3' for a date */
export function quarterOf(d: Date = new Date()): string {
  return `${d.getFullYear()}Q${Math.floor(d.getMonth() / 3) + 1}`;
}
/** the last n quarters, newest first */
export function recentQuarters(n = 8, d: Date = new Date()): string[] {
  const out: string[] = [];
  let y = d.getFullYear();
  let q = Math.floor(d.getMonth() / 3) + 1;
  for (let k = 0; k < n; k++) {
    out.push(`${y}Q${q}`);
    if (--q === 0) (q = 4), y--;
  }
  return out;
}

export const todayISO = () => new Date().toISOString().slice(0, 10);

export function usePools() {
  return useQuery({ queryKey: ['reserve-pools'], queryFn: reserveApi.pools });
}

export function PoolSelect(props: { value?: number; onChange: (id: number | undefined) => void; testId?: string; allowClear?: boolean; width?: number }) {
  const { t } = useTranslation();
  const pools = usePools();
  return (
    <Select
      style={{ width: props.width ?? 260 }}
      allowClear={props.allowClear}
      placeholder={t('reserve.common.pickPool')}
      loading={pools.isPending}
      value={props.value}
      onChange={(v) => props.onChange(v ?? undefined)}
      data-testid={props.testId ?? 'pick-pool'}
      showSearch
      optionFilterProp="label"
      options={(pools.data?.items ?? []).map((p: Pool) => ({ value: p.id, label: p.name }))}
    />
  );
}

/** search a cadre in the user's scope (roster API, name or pinyin initials) */
export function CadreSelect(props: { value?: number; onChange: (id: number | undefined, label?: string) => void; testId?: string; width?: number | string; placeholder?: string; exclude?: number[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const res = useQuery({
    queryKey: ['cadre-search', q],
    queryFn: () => api.roster({ q, pageSize: 20, page: 1 }),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
  const options = useMemo(
    () =>
      (res.data?.items ?? [])
        .filter((c) => !props.exclude?.includes(c.id))
        .map((c) => ({ value: c.id, label: `${c.name}　${c.orgName ?? ''} ${c.currentPostTitle ?? ''}`.trim() })),
    [res.data, props.exclude],
  );
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      style={{ width: props.width ?? 360 }}
      placeholder={props.placeholder ?? t('reserve.common.searchCadre')}
      value={props.value}
      onChange={(v, o) => props.onChange(v ?? undefined, (o as { label?: string } | undefined)?.label)}
      loading={res.isFetching}
      notFoundContent={q ? undefined : null}
      options={options}
      allowClear
      data-testid={props.testId ?? 'pick-cadre'}
    />
  );
}

/** the fields (类别) within a pool kind (docs/reserve.md "Pool kinds"; poolKind codes) */
export const KIND_FIELDS: Record<string, string[]> = {
  五类干部: ['党建', '社会治理', '经济', '城建', '法治'],
  四类干部清单: ['近期提拔', '中期培养', '长期关注', '不适宜担任现职'],
};
