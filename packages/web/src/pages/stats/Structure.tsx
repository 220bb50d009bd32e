/**
 * 干部队伍结构分析: structure dashboards for any subtree and roster filter (GET /api/stats/structure — figures only;
 * docs/analysis.md). A number opens the people behind it: the drill-down GET /api/stats/structure/people gives
 * the ids (→ the roster's ids= filter), long lists use the bucket's roster filter or a paged list in a drawer.
 */
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App as AntApp, Button, Card, Col, DatePicker, Drawer, Row, Select, Space, Spin, Table, Tag, TreeSelect, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { EChartsOption } from 'echarts';
import { api, type Query } from '../../api/client';
import { useCodes, useOrgTree } from '../../api/hooks';
import type { RosterRow } from '../../api/types';
import { ErrorAlert, Fallback } from '../../components/common';
import '../../i18n/analysis';
import './i18n';
import { EChart } from '../../components/EChart';
import { filtersFromParams, filtersToRecord } from '../rosterQuery';
import { structureFigures, structurePeople, type Bucket, type Distribution, type Selector, type StructureFigures as StructureStats, type YoungRow } from './api';
import { bucketFallback, filterHref, MAX_LINK_IDS, pct, peopleHref, usableFallback } from './people';

const DIMENSION_ORDER = [
  'ageBand', 'generation', 'sex', 'minority', 'ethnicity', 'party', 'political', 'fullTimeEducation', 'highestEducation',
  'degree', 'specialty', 'tier', 'postLevel', 'rank', 'tenure', 'retirement',
];
const RED = '#a8071a';
const GREY = '#8c8c8c';
const ISO = 'YYYY-MM-DD';

type Fallback_ = Record<string, string | number | boolean> | null | undefined;
/** a click on a number: its selector, its count, the roster filter selecting the same people (if any), extra filters (the pyramid's sex) */
interface Pick {
  sel: Selector;
  count: number;
  fallback?: Fallback_;
  extra?: Record<string, string>;
}
const DrillContext = createContext<(p: Pick) => void>(() => {});

/** A number that opens the people behind it (drill-down on click, see DrillContext). */
function Num(props: { sel: Selector; count: number; fallback?: Fallback_; extra?: Record<string, string>; children: React.ReactNode; testId?: string }) {
  const open = useContext(DrillContext);
  const { sel, count, fallback, extra } = props;
  return (
    <a
      href="#"
      onClick={(e) => {
        e.preventDefault();
        open({ sel, count, fallback, extra });
      }}
      className="num-link"
      data-testid={props.testId ?? 'stats-count'}
      data-count={count}
      data-dimension={sel.dimension}
      data-bucket={sel.bucket}
    >
      {props.children}
    </a>
  );
}

/**
 * What a click on a number does: ≤ MAX_LINK_IDS people → the drill-down's ids as the roster's ids= filter;
 * more → the bucket's roster filter when one selects exactly the same people within the page's filters,
 * else a drawer listing them page by page (rows of the drill-down).
 */
function useDrill(query: Query, base: Record<string, string>) {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  const [drawer, setDrawer] = useState<Pick | null>(null);
  const open = useCallback(
    async (p: Pick) => {
      if (!p.count) return;
      const fallback = p.fallback && p.extra ? { ...p.fallback, ...p.extra } : p.fallback;
      if (p.count > MAX_LINK_IDS) {
        if (usableFallback(base, fallback)) navigate(filterHref(base, fallback));
        else setDrawer(p);
        return;
      }
      const key = 'stats-drill';
      message.loading({ content: t('statsPeople.loading'), key, duration: 0 });
      try {
        const r = await structurePeople({ ...query, ...p.extra }, p.sel);
        message.destroy(key);
        navigate(peopleHref(r.ids ?? [], base, fallback));
      } catch (e) {
        message.error({ content: t('statsPeople.failed', { message: (e as Error).message }), key });
      }
    },
    [base, message, navigate, query, t],
  );
  return { open, drawer, close: () => setDrawer(null) };
}

const PAGE = 20;
/** the people behind a large number, page by page (GET /api/stats/structure/people?rows=true) */
function PeopleDrawer({ pick, query, base, onClose }: { pick: Pick; query: Query; base: Record<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const [page, setPage] = useState(1);
  const q = { ...query, ...pick.extra };
  const res = useQuery({
    queryKey: ['structure-people', q, pick.sel, page],
    queryFn: () => structurePeople(q, pick.sel, { rows: true, withIds: false, page, pageSize: PAGE }),
    placeholderData: keepPreviousData,
  });
  const label = res.data?.label ?? pick.sel.bucket ?? '';
  const sex = pick.extra?.sex === '1' ? t('statsPeople.male') : pick.extra?.sex === '2' ? t('statsPeople.female') : '';
  return (
    <Drawer open width={820} onClose={onClose} title={t('statsPeople.title', { label: sex ? `${label} · ${sex}` : label, n: res.data?.count ?? pick.count })} data-testid="stats-people-drawer">
      <Typography.Paragraph type="secondary">{t('statsPeople.hint')}</Typography.Paragraph>
      {res.error && !res.data ? <ErrorAlert error={res.error} /> : (
        <Table<RosterRow>
          size="small"
          rowKey="id"
          loading={res.isFetching}
          dataSource={res.data?.items ?? []}
          data-testid="stats-people-table"
          pagination={{ current: page, pageSize: PAGE, total: res.data?.count ?? pick.count, showSizeChanger: false, onChange: setPage }}
          columns={[
            { title: t('statsPeople.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/cadres/${r.id}`} data-testid="stats-people-row">{v}</Link> },
            { title: t('statsPeople.org'), dataIndex: 'orgName' },
            { title: t('statsPeople.post'), dataIndex: 'currentPostTitle' },
            { title: t('statsPeople.age'), dataIndex: 'age', width: 60, align: 'right' },
            { title: t('statsPeople.level'), dataIndex: 'postLevel', width: 100, render: (v: string | null) => codes.name('postLevel', v) },
          ]}
        />
      )}
      {usableFallback(base, pick.fallback) && <Link to={filterHref(base, pick.fallback)}>{t('statsPeople.openRoster')}</Link>}
    </Drawer>
  );
}

export default function StructurePage() {
  const { t } = useTranslation();
  const codes = useCodes();
  const org = useOrgTree();
  const [sp, setSp] = useSearchParams();

  // roster filters of the URL (incl. orgId, asOf, ids) + the period
  const base = useMemo(() => filtersToRecord(filtersFromParams(sp)), [sp]);
  const from = sp.get('from') ?? undefined;
  const to = sp.get('to') ?? undefined;
  const query = useMemo(() => ({ ...base, from, to }), [base, from, to]);
  // figures only: the people behind a number are asked for on click (useDrill)
  const res = useQuery({ queryKey: ['structure', query], queryFn: () => structureFigures(query), placeholderData: keepPreviousData });
  const drill = useDrill(query, base);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    setSp(next);
  };

  // 5-year retrospective: the same population, ages recomputed at each of the last 5 year-ends (figures only)
  const asOfYear = dayjs(base.asOf ?? undefined).year();
  const trendYears = [5, 4, 3, 2, 1].map((n) => asOfYear - n);
  const trend = useQueries({
    queries: trendYears.map((y) => {
      const q = { ...base, asOf: `${y}-12-31` };
      return { queryKey: ['structure', q], queryFn: () => structureFigures(q), staleTime: 5 * 60_000 };
    }),
  });

  if (res.isPending) return <Fallback />;
  if (res.error && !res.data) return <ErrorAlert error={res.error} />;
  const s = res.data!;
  const period = s.promotions;
  const periodPresets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('stats.periodPresets.thisYear'), value: [dayjs(s.asOf).startOf('year'), dayjs(s.asOf)] },
    { label: t('stats.periodPresets.lastYear'), value: [dayjs(s.asOf).subtract(1, 'year').startOf('year'), dayjs(s.asOf).subtract(1, 'year').endOf('year')] },
    { label: t('stats.periodPresets.last3'), value: [dayjs(s.asOf).subtract(2, 'year').startOf('year'), dayjs(s.asOf)] },
    { label: t('stats.periodPresets.last5'), value: [dayjs(s.asOf).subtract(4, 'year').startOf('year'), dayjs(s.asOf)] },
  ];
  const bar = (dimension: string) => (b: Bucket) => drill.open({ sel: { dimension, bucket: b.key }, count: b.count, fallback: bucketFallback(dimension, b.key, b.label) });

  return (
    <DrillContext.Provider value={drill.open}>
    <div data-testid="stats-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 className="page-title">{t('stats.title')}</h1>
        <Space>
          {res.isFetching && <Spin size="small" />}
          <Button icon={<DownloadOutlined />} href={api.structureXlsxUrl(query)} download data-testid="stats-export">{t('stats.export')}</Button>
          <Button icon={<PrinterOutlined />} href={api.structureReportUrl(query)} target="_blank" rel="noopener" data-testid="stats-report">{t('stats.report')}</Button>
        </Space>
      </Space>

      <Card size="small" className="filter-bar" style={{ marginBottom: 12 }} data-testid="stats-filters">
        <Space wrap size={[12, 8]}>
          <TreeSelect
            allowClear showSearch treeData={org.tree} treeNodeFilterProp="title" popupMatchSelectWidth={400}
            value={base.orgId ? Number(base.orgId) : undefined}
            onChange={(v) => set({ orgId: v ? String(v) : undefined })}
            placeholder={t('stats.scope')} style={{ width: 280 }} data-testid="stats-filter-org"
          />
          <Select
            mode="multiple" allowClear maxTagCount="responsive" optionFilterProp="label" style={{ width: 220 }}
            placeholder={t('stats.postLevel')} options={codes.options('postLevel')}
            value={base.postLevel ? base.postLevel.split(',') : []}
            onChange={(v: string[]) => set({ postLevel: v.join(',') || undefined })}
            data-testid="stats-filter-post-level"
          />
          <Select
            allowClear style={{ width: 110 }} placeholder={t('stats.sex')} options={codes.options('sex')}
            value={base.sex} onChange={(v?: string) => set({ sex: v })} data-testid="stats-filter-sex"
          />
          <Select
            mode="multiple" allowClear maxTagCount="responsive" optionFilterProp="label" style={{ width: 200 }}
            placeholder={t('stats.education_f')} options={codes.options('education')}
            value={base.education ? base.education.split(',') : []}
            onChange={(v: string[]) => set({ education: v.join(',') || undefined })}
            data-testid="stats-filter-education"
          />
          <Space size={4}>
            <Typography.Text type="secondary">{t('stats.asOf')}</Typography.Text>
            <DatePicker
              value={dayjs(s.asOf)} allowClear={false}
              onChange={(d) => set({ asOf: d && !d.isSame(dayjs(), 'day') ? d.format(ISO) : undefined })}
              data-testid="stats-as-of"
            />
          </Space>
          <Space size={4}>
            <Typography.Text type="secondary">{t('stats.period')}</Typography.Text>
            <DatePicker.RangePicker
              value={[dayjs(period.from), dayjs(period.to)]} allowClear={false} presets={periodPresets}
              onChange={(r) => set({ from: r?.[0]?.format(ISO), to: r?.[1]?.format(ISO) })}
              data-testid="stats-period"
            />
          </Space>
        </Space>
      </Card>

      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('stats.clickHint')}</Typography.Paragraph>
      <Summary s={s} />

      <Card size="small" title={t('stats.sentences')} style={{ marginBottom: 12 }} data-testid="stats-sentences">
        <ul className="sentences">
          {s.sentences.map((x, i) => <li key={i}>{x}</li>)}
        </ul>
      </Card>

      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title={t('stats.pyramid')} style={{ marginBottom: 12 }}>
            <Pyramid s={s} onPick={drill.open} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('stats.generation')} style={{ marginBottom: 12 }}>
            <Bars d={s.dimensions.generation} testId="chart-generation" onPick={bar('generation')} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('stats.education')} style={{ marginBottom: 12 }}>
            <Bars d={s.dimensions.highestEducation} testId="chart-education" onPick={bar('highestEducation')} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('stats.specialty')} style={{ marginBottom: 12 }}>
            <Bars d={s.dimensions.specialty} testId="chart-specialty" horizontal onPick={bar('specialty')} />
          </Card>
        </Col>
      </Row>

      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title={t('stats.youngTitle')} style={{ marginBottom: 12 }} data-testid="stats-young">
            <YoungTable rows={[...s.young.byLevel.map((r) => ({ ...r, dimension: 'youngByLevel' as const })), ...s.young.byTier.map((r) => ({ ...r, dimension: 'youngByTier' as const }))]} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('stats.promotions')} style={{ marginBottom: 12 }} data-testid="stats-promotions">
            {period.total === 0 ? (
              <Typography.Text type="secondary">{t('stats.noPromotions')}（{period.from} – {period.to}）</Typography.Text>
            ) : (
              <p className="doc-sentence" data-testid="promotion-sentence">
                {t('stats.promotionSentence', { from: period.from, to: period.to, age: period.youngThreshold })}
                <Num sel={{ dimension: 'promotionsYoung' }} count={period.young} testId="promotion-young">{period.young}</Num>
                {t('stats.promotionMid', { share: pct(period.youngShare) })}
                <Num sel={{ dimension: 'promotions' }} count={period.total} testId="promotion-total">{period.total}</Num>
                {t('stats.promotionEnd')}
              </p>
            )}
            <BucketTable buckets={period.byLevel} dimension="promotionsByLevel" label={t('stats.level')} testId="promotion-levels" />
          </Card>
          <Card size="small" title={t('stats.intake')} style={{ marginBottom: 12 }} data-testid="stats-intake">
            {s.intake.total > 0 && (
              <p className="doc-sentence">
                {s.intake.from} – {s.intake.to}：<Num sel={{ dimension: 'intake' }} count={s.intake.total} testId="intake-total">{s.intake.total}</Num>
                {t('common.persons')}；
                {t('stats.intakeYoung', { age: s.intake.youngUnderAge, n: s.intake.young, share: pct(s.intake.youngShare), target: pct(s.intake.minYoungShare) })}{' '}
                <Tag color={s.intake.meetsTarget ? 'green' : 'red'}>{s.intake.meetsTarget ? t('stats.meets') : t('stats.notMeets')}</Tag>
              </p>
            )}
            <BucketTable buckets={s.intake.byChannel} dimension="intakeByChannel" label={t('stats.channel')} testId="intake-channels" />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('stats.trend')} style={{ marginBottom: 12 }} data-testid="stats-trend">
        <Trend years={trendYears} results={trend.map((q) => q.data)} current={s} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('stats.trendHint')}</Typography.Text>
      </Card>

      <h2 className="section-title">{t('stats.dimensions')}</h2>
      <div className="dimension-grid">
        {DIMENSION_ORDER.filter((k) => s.dimensions[k]).map((k) => (
          <Card key={k} size="small" title={s.dimensions[k].title} data-testid="stats-dimension" data-key={k}>
            <BucketTable buckets={s.dimensions[k].buckets} dimension={k} label={t('stats.category')} />
          </Card>
        ))}
      </div>
      {drill.drawer && <PeopleDrawer key={JSON.stringify(drill.drawer)} pick={drill.drawer} query={query} base={base} onClose={drill.close} />}
    </div>
    </DrillContext.Provider>
  );
}

function Summary({ s }: { s: StructureStats }) {
  const { t } = useTranslation();
  const share = (v: number) => `${t('stats.share')} ${pct(v)}`;
  const items: { title: string; value: React.ReactNode; sub?: string; testId: string }[] = [
    { title: t('stats.total'), value: <Num sel={{ dimension: 'total' }} count={s.total} fallback={{}} testId="stats-total">{s.total}</Num>, testId: 'summary-total' },
    { title: t('stats.meanAge'), value: s.summary.meanAge == null ? '—' : s.summary.meanAge.toFixed(1), sub: s.summary.minAge != null ? `${s.summary.minAge}–${s.summary.maxAge}${t('common.yearsOld')}` : undefined, testId: 'summary-mean-age' },
    { title: t('stats.young'), value: <Num sel={{ dimension: 'young' }} count={s.summary.young} fallback={{ young: true }} testId="stats-young-count">{s.summary.young}</Num>, sub: share(s.summary.youngShare), testId: 'summary-young' },
    { title: t('stats.women'), value: <Num sel={{ dimension: 'sex', bucket: '2' }} count={s.summary.women} fallback={{ sex: '2' }}>{s.summary.women}</Num>, sub: share(s.summary.womenShare), testId: 'summary-women' },
    { title: t('stats.minority'), value: <Num sel={{ dimension: 'minority', bucket: 'minority' }} count={s.summary.minority}>{s.summary.minority}</Num>, sub: share(s.summary.minorityShare), testId: 'summary-minority' },
    { title: t('stats.nonParty'), value: <Num sel={{ dimension: 'party', bucket: 'nonParty' }} count={s.summary.nonParty} fallback={{ nonParty: true }}>{s.summary.nonParty}</Num>, sub: share(s.summary.nonPartyShare), testId: 'summary-non-party' },
  ];
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      {items.map((i) => (
        <Col span={4} key={i.testId}>
          <Card size="small" data-testid={i.testId}>
            <div className="summary-title">{i.title}</div>
            <div className="summary-value">{i.value}</div>
            <div className="summary-sub">{i.sub ?? '\u00a0'}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** the buckets of a dimension or of a …By… figure (promotionsByLevel, intakeByChannel); each count opens its people */
function BucketTable({ buckets, dimension, label, testId }: { buckets: Bucket[]; dimension: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table<Bucket>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={buckets}
      data-testid={testId}
      columns={[
        { title: label, dataIndex: 'label' },
        {
          title: t('stats.count'), dataIndex: 'count', align: 'right', width: 90,
          render: (n: number, b) => (n ? <Num sel={{ dimension, bucket: b.key }} count={n} fallback={bucketFallback(dimension, b.key, b.label)}>{n}</Num> : 0),
        },
        { title: t('stats.share'), dataIndex: 'share', align: 'right', width: 80, render: (v: number) => pct(v) },
      ]}
    />
  );
}

type YoungLine = YoungRow & { dimension: 'youngByLevel' | 'youngByTier' };
function YoungTable({ rows }: { rows: YoungLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<YoungLine>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.dimension}-${r.key}`}
      dataSource={rows.filter((r) => r.total > 0)}
      columns={[
        { title: t('stats.level'), dataIndex: 'label', render: (v: string, r) => (r.dimension === 'youngByTier' ? <strong>{v}</strong> : v) },
        { title: t('stats.threshold'), dataIndex: 'threshold', width: 90, render: (v: number | null) => (v == null ? '—' : `≤${v}`) },
        { title: t('stats.total'), dataIndex: 'total', align: 'right', width: 80 },
        { title: t('stats.youngCount'), dataIndex: 'count', align: 'right', width: 90, render: (n: number, r) => (n ? <Num sel={{ dimension: r.dimension, bucket: r.key }} count={n}>{n}</Num> : 0) },
        { title: t('stats.share'), dataIndex: 'share', align: 'right', width: 80, render: (v: number) => pct(v) },
      ]}
    />
  );
}

/** age bands × sex (ageSex of the figures); a bar opens the band's people with the sex filter added */
function Pyramid({ s, onPick }: { s: StructureStats; onPick: (p: Pick) => void }) {
  const { t } = useTranslation();
  const rows = useMemo(() => (s.ageSex ?? []).filter((b) => b.key !== '_unknown').map((b) => ({ key: b.key, label: b.label, m: b.male, f: b.female })), [s]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${Math.abs(Number(v))}${t('common.persons')}` },
      legend: { data: [t('stats.male'), t('stats.female')], bottom: 0 },
      grid: { left: 90, right: 30, top: 10, bottom: 36 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
      yAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false } },
      series: [
        { name: t('stats.male'), type: 'bar', stack: 'p', data: rows.map((r) => -r.m), itemStyle: { color: GREY }, label: { show: true, position: 'left', formatter: (p) => (Number(p.value) ? String(Math.abs(Number(p.value))) : '') } },
        { name: t('stats.female'), type: 'bar', stack: 'p', data: rows.map((r) => r.f), itemStyle: { color: RED }, label: { show: true, position: 'right', formatter: (p) => (Number(p.value) ? String(p.value) : '') } },
      ],
    }),
    [rows, t],
  );
  return (
    <EChart
      option={option}
      height={300}
      testId="chart-pyramid"
      label={t('stats.pyramid')}
      onClick={(p) => {
        const r = rows[p.dataIndex];
        if (!r) return;
        const sex = p.seriesIndex === 0 ? '1' : '2';
        onPick({ sel: { dimension: 'ageBand', bucket: r.key }, count: sex === '1' ? r.m : r.f, fallback: bucketFallback('ageBand', r.key, r.label), extra: { sex } });
      }}
    />
  );
}

function Bars({ d, testId, horizontal, onPick }: { d: Distribution | undefined; testId: string; horizontal?: boolean; onPick: (b: Bucket) => void }) {
  const { t } = useTranslation();
  const buckets = useMemo(() => (d?.buckets ?? []).filter((b) => b.count > 0 || !b.key.startsWith('_')), [d]);
  const option = useMemo<EChartsOption>(() => {
    const cat = { type: 'category' as const, data: buckets.map((b) => b.label), axisTick: { show: false }, ...(horizontal ? { inverse: true } : {}) };
    const val = { type: 'value' as const, minInterval: 1 };
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps: unknown) => {
        const p = (ps as { dataIndex: number }[])[0];
        const b = buckets[p.dataIndex];
        return b ? `${b.label}：${b.count}${t('common.persons')}（${pct(b.share)}）` : '';
      } },
      grid: { left: horizontal ? 70 : 40, right: 40, top: 16, bottom: 28 },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? cat : val,
      series: [{ type: 'bar', data: buckets.map((b) => b.count), itemStyle: { color: RED }, barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top', formatter: (p) => `${p.value}` } }],
    };
  }, [buckets, horizontal, t]);
  if (!d) return null;
  return <EChart option={option} height={horizontal ? Math.max(240, buckets.length * 24 + 40) : 260} testId={testId} label={d.title} onClick={(p) => buckets[p.dataIndex] && onPick(buckets[p.dataIndex])} />;
}

function Trend({ years, results, current }: { years: number[]; results: (StructureStats | undefined)[]; current: StructureStats }) {
  const { t } = useTranslation();
  const ready = results.every(Boolean);
  // the query results array is new on every render: recompute the option only when a figure changes
  const sig = [...results, current].map((r) => (r ? `${r.asOf}:${r.summary.youngShare}:${r.summary.meanAge}` : '-')).join('|');
  const option = useMemo<EChartsOption>(() => {
    const points = [...results.map((r, i) => ({ label: `${years[i]}-12-31`, r })), { label: current.asOf, r: current }];
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('stats.trendYoung'), t('stats.trendMean')], bottom: 0 },
      grid: { left: 50, right: 50, top: 20, bottom: 56 },
      xAxis: { type: 'category', data: points.map((p) => p.label) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', scale: true, axisLabel: { formatter: '{value}' } },
      ],
      series: [
        { name: t('stats.trendYoung'), type: 'bar', barMaxWidth: 32, itemStyle: { color: RED }, data: points.map((p) => (p.r ? Math.round(p.r.summary.youngShare * 1000) / 10 : null)), label: { show: true, position: 'top', formatter: '{c}%' } },
        { name: t('stats.trendMean'), type: 'line', yAxisIndex: 1, itemStyle: { color: GREY }, data: points.map((p) => (p.r?.summary.meanAge == null ? null : Math.round(p.r.summary.meanAge * 10) / 10)) },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sig, t]);
  if (!ready) return <Fallback />;
  return <EChart option={option} height={240} testId="chart-trend" label={t('stats.trend')} />;
}
