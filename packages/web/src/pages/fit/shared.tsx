/** Shared pieces of the 人岗适配 pages: labels, degree tags, the radar chart, the post picker. */
import { useCallback, useMemo, useState } from 'react';
import { Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { useOrgTree } from '../../api/hooks';
import { EChart } from '../../components/EChart';
import { DEGREES, fitApi, type Band, type Degree, type Degrees, type Factor } from './api';

/** bilingual label helper (the fit pages carry their own short texts) */
export function useL() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const L = useCallback((zh: string, enText: string) => (en ? enText : zh), [en]);
  return { en, L };
}

export const DEGREE_NAMES: Record<Degree, { zh: string; en: string }> = {
  position: { zh: '岗位匹配度', en: 'Position match' },
  experience: { zh: '经历相关度', en: 'Experience' },
  competency: { zh: '能力契合度', en: 'Competency' },
  temperament: { zh: '性格相容度', en: 'Temperament' },
};
export const BAND_COLORS: Record<Band, string> = { good: '#389e0d', fair: '#d48806', misfit: '#cf1322' };
export const BAND_NAMES: Record<Band, { zh: string; en: string }> = { good: { zh: '适配', en: 'fits' }, fair: { zh: '基本适配', en: 'fair' }, misfit: { zh: '不适配', en: 'misfit' } };
export const STYLE_NAMES: Record<string, { zh: string; en: string }> = { tiger: { zh: '小老虎型', en: 'enterprising' }, ox: { zh: '老黄牛型', en: 'steady' } };
export const bandOf = (v: number, bands = { good: 75, misfit: 60 }): Band => (v >= bands.good ? 'good' : v >= bands.misfit ? 'fair' : 'misfit');

export function Score({ v, testId }: { v: number; testId?: string }) {
  return (
    <span style={{ color: BAND_COLORS[bandOf(v)], fontWeight: 600 }} data-testid={testId}>
      {v.toFixed(1)}
    </span>
  );
}

export function degreeColumns(L: (zh: string, en: string) => string) {
  return DEGREES.map((d) => ({
    title: L(DEGREE_NAMES[d].zh, DEGREE_NAMES[d].en),
    key: d,
    width: 96,
    align: 'right' as const,
    render: (_: unknown, r: { degrees: Degrees }) => <Score v={r.degrees[d]} />,
  }));
}

export function FactorList({ items, en }: { items: Factor[]; en: boolean }) {
  return (
    <ul className="fit-factors" style={{ paddingInlineStart: 18, margin: 0 }}>
      {items.map((f, i) => (
        <li key={i}>
          <Tag color={f.effect === '+' ? 'green' : f.effect === '-' ? 'red' : 'default'} style={{ marginInlineEnd: 6 }}>
            {f.effect === '+' ? '＋' : f.effect === '-' ? '－' : '＝'}
          </Tag>
          {en ? f.detailEn : f.detail}
          {f.points != null && <Typography.Text type="secondary"> （{Math.round(f.points)}）</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}

/** radar of the four degrees; several series overlay (比选) */
export function FitRadar(props: { series: { name: string; degrees: Degrees }[]; height?: number; testId?: string }) {
  const { L } = useL();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: {},
      legend: props.series.length > 1 ? { bottom: 0 } : undefined,
      radar: { indicator: DEGREES.map((d) => ({ name: L(DEGREE_NAMES[d].zh, DEGREE_NAMES[d].en), max: 100 })), radius: '62%' },
      series: [{ type: 'radar', data: props.series.map((s) => ({ name: s.name, value: DEGREES.map((d) => s.degrees[d]), areaStyle: { opacity: 0.12 } })) }],
    }),
    [props.series, L],
  );
  return <EChart option={option} height={props.height ?? 260} testId={props.testId} label={L('四个维度雷达图', 'radar of the four degrees')} />;
}

/** pick a post: from the vacant / soon-vacant list, or by unit → position */
export function PositionPicker(props: { value?: number; onChange: (id: number | undefined) => void; testId?: string }) {
  const { L } = useL();
  const org = useOrgTree();
  const [orgId, setOrgId] = useState<number | undefined>();
  const vac = useQuery({ queryKey: ['fit-vacancies'], queryFn: () => fitApi.vacancies({}) });
  const pos = useQuery({ queryKey: ['positions', orgId], queryFn: () => fitApi.positions(orgId!), enabled: !!orgId });
  return (
    <Space wrap>
      <Select
        showSearch
        allowClear
        style={{ width: 380 }}
        placeholder={L('选择空缺（含即将空缺）岗位', 'a vacant or soon-vacant post')}
        optionFilterProp="label"
        value={orgId ? undefined : props.value}
        loading={vac.isPending}
        onChange={(v) => props.onChange(v ?? undefined)}
        data-testid={props.testId ?? 'pick-vacancy'}
        options={(vac.data?.items ?? []).map((v) => ({
          value: v.positionId,
          label: `${v.orgName} ${v.title}${v.vacancies ? L(`（空缺${v.vacancies}）`, ` (${v.vacancies} vacant)`) : L('（即将空缺）', ' (soon vacant)')}`,
        }))}
      />
      <TreeSelect
        allowClear
        showSearch
        treeData={org.tree}
        treeNodeFilterProp="title"
        value={orgId}
        onChange={(v) => setOrgId(v ? Number(v) : undefined)}
        placeholder={L('或按单位选择职位', 'or by unit')}
        popupMatchSelectWidth={360}
        style={{ width: 220 }}
        data-testid="pick-org"
      />
      {orgId && (
        <Select
          style={{ width: 220 }}
          placeholder={L('职位', 'position')}
          value={props.value}
          onChange={(v) => props.onChange(v)}
          data-testid="pick-position"
          options={(pos.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
      )}
    </Space>
  );
}
