/** 比选: 2–5 candidates for one post side by side — facts, the four degrees (radar overlay), 5 years of assessments, 能力素质对比表. */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { EChartsOption } from 'echarts';
import { EChart } from '../../components/EChart';
import { ErrorAlert, Fallback } from '../../components/common';
import { DEGREES, fitApi } from './api';
import { DEGREE_NAMES, FitRadar, Score, STYLE_NAMES, useL } from './shared';

export default function ComparePage() {
  const { L } = useL();
  const [sp] = useSearchParams();
  const positionId = Number(sp.get('positionId')) || undefined;
  const ids = (sp.get('ids') ?? '').split(',').map(Number).filter((n) => n > 0);
  const ok = !!positionId && ids.length >= 2 && ids.length <= 5;
  const res = useQuery({ queryKey: ['fit-compare', positionId, ids.join(',')], queryFn: () => fitApi.compare(positionId!, ids), enabled: ok });
  const d = res.data;

  if (!ok) return <Empty description={L('请在岗位人选排序中勾选 2–5 名人选', 'Select 2–5 candidates on the ranking page')} />;
  if (res.isPending) return <Fallback />;
  if (res.error || !d) return <ErrorAlert error={res.error} />;
  return <CompareView d={d} />;
}

function CompareView({ d }: { d: NonNullable<Awaited<ReturnType<typeof fitApi.compare>>> }) {
  const { L, en } = useL();
  const bar = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: d.years.map(String) },
      yAxis: { type: 'value', max: 100, name: L('考核得分', 'points') },
      series: d.candidates.map((c) => ({ type: 'bar', name: c.name, data: c.assessments.map((a) => a.points) })),
    }),
    [d, L],
  );
  type Row = { key: string; label: string; values: React.ReactNode[] };
  const f = (label: string, pick: (c: (typeof d.candidates)[number]) => React.ReactNode): Row => ({ key: label, label, values: d.candidates.map(pick) });
  const factRows: Row[] = [
    f(L('单位职务', 'Current post'), (c) => `${c.orgName ?? ''} ${c.currentPostTitle ?? ''}`),
    f(L('性别 / 年龄', 'Sex / age'), (c) => `${c.sex === '2' ? L('女', 'F') : L('男', 'M')} / ${c.age}`),
    f(L('专业类别', 'Specialty'), (c) => c.specialtyCategory ?? '—'),
    f(L('性格类型', 'Style'), (c) => (c.style ? L(STYLE_NAMES[c.style]?.zh ?? c.style, STYLE_NAMES[c.style]?.en ?? c.style) : '—')),
    f(L('任现级年限', 'Years at level'), (c) => c.yearsAtLevel),
    f(L('工作年限 / 基层年限', 'Work / grassroots years'), (c) => `${c.workYears} / ${c.grassrootsYears}`),
    f(L('岗位要求的经历', 'Required experience'), (c) =>
      c.experience
        .filter((e) => e.required != null)
        .map((e) => (
          <Tag key={e.kind} color={e.years >= (e.required || 0.0001) ? 'green' : 'red'}>
            {e.kind} {e.years}{L('年', 'y')}
          </Tag>
        )),
    ),
    f(L('综合适配度', 'Total fit'), (c) => <Score v={c.fit.total} />),
    ...DEGREES.map((dg) => f(L(DEGREE_NAMES[dg].zh, DEGREE_NAMES[dg].en), (c) => <Score v={c.fit.degrees[dg]} />)),
    f(L('任职资格', 'Eligibility'), (c) => (c.fit.eligible ? <Tag color="green">{L('符合', 'eligible')}</Tag> : c.fit.exclusions.map((x) => <Tag key={x.code} color="red">{en ? x.en : x.zh}</Tag>))),
    ...d.years.map((y, k) => f(L(`${y}年度考核`, `Assessment ${y}`), (c) => c.assessments[k].result ?? '—')),
  ];
  const cols = [
    { title: L('项目', 'Item'), dataIndex: 'label', width: 170, fixed: 'left' as const },
    ...d.candidates.map((c, k) => ({ title: <Link to={`/cadres/${c.cadreId}`}>{c.name}</Link>, key: String(c.cadreId), render: (_: unknown, r: Row) => r.values[k] })),
  ];
  return (
    <div data-testid="fit-compare-page">
      <Typography.Title level={4}>
        {L('比选', 'Comparison')}：{d.position.orgName} {d.position.title}
      </Typography.Title>
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <Card size="small" title={L('四个维度对比', 'Four degrees')}>
            <FitRadar series={d.candidates.map((c) => ({ name: c.name, degrees: c.fit.degrees }))} height={320} testId="compare-radar" />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={L('近五年年度考核', 'Assessments, 5 years')}><EChart option={bar} height={320} testId="compare-assessments" /></Card>
        </Col>
      </Row>
      <Card size="small" title={L('基本情况与适配度', 'Facts and fit')} style={{ marginTop: 12 }}>
        <Table size="small" rowKey="key" dataSource={factRows} columns={cols} pagination={false} data-testid="compare-table" scroll={{ x: 800 }} />
      </Card>
      <Card size="small" title={L('能力素质对比表', 'Competency comparison')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="name"
          data-testid="competency-table"
          pagination={false}
          dataSource={d.competencies}
          columns={[
            { title: L('能力素质', 'Competency'), dataIndex: 'name' },
            { title: L('岗位权重', 'Weight'), dataIndex: 'weight', render: (w: number) => (w ? `${Math.round(w * 100)}%` : '—') },
            ...d.candidates.map((c, k) => ({
              title: c.name,
              key: String(c.cadreId),
              render: (_: unknown, r: (typeof d.competencies)[number]) => (r.values[k] == null ? <Typography.Text type="secondary">{L('无数据', 'no data')}</Typography.Text> : <Score v={r.values[k]!} />),
            })),
          ]}
        />
      </Card>
    </div>
  );
}
