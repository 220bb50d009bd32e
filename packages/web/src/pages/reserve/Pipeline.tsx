/**
 * 梯队分析: pool sizes by level, age band, field and sex; the flow in and out per quarter (Sankey of the workflow and
 * bars per quarter); the young share of promotions in the period (seed 001: "提拔使用35岁以下年轻干部96人，占29.3%").
 */
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { EChartsOption } from 'echarts';
import { reserveApi, type Pipeline } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { EChart } from './charts';
import { pct, PoolSelect, useLang } from './shared';

type Bucket = Pipeline['byLevel'][number];

function BarCard({ title, data, testId, horizontal }: { title: string; data: Bucket[]; testId: string; horizontal?: boolean }) {
  const option = useMemo<EChartsOption>(() => {
    const names = data.map((d) => d.label ?? d.key);
    const values = data.map((d) => d.count);
    const cat = { type: 'category' as const, data: names, axisLabel: { interval: 0 } };
    const val = { type: 'value' as const, minInterval: 1 };
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 100 : 40, right: 20, top: 16, bottom: 30 },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? { ...cat, inverse: true } : val,
      series: [{ type: 'bar', data: values, barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top' } }],
    };
  }, [data, horizontal]);
  return (
    <Card size="small" title={title}>
      {data.length ? <EChart option={option} height={240} testId={testId} label={title} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}

export default function PipelinePage() {
  const { t } = useLang();
  const [poolId, setPoolId] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const q = { poolId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const res = useQuery({ queryKey: ['reserve-pipeline', q], queryFn: () => reserveApi.pipeline(q), placeholderData: keepPreviousData });
  const d = res.data;

  const sankey = useMemo<EChartsOption | null>(() => {
    if (!d) return null;
    const { nodes, links } = d.sankey;
    if (!links.some((l) => l.value > 0)) return null;
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'sankey',
          data: nodes,
          links,
          emphasis: { focus: 'adjacency' },
          nodeGap: 14,
          lineStyle: { color: 'gradient', opacity: 0.35 },
          label: { color: '#262626' },
          left: 20,
          right: 120,
        },
      ],
    };
  }, [d]);

  const funnel = useMemo<EChartsOption | null>(() => {
    if (!d?.funnel.some((f) => f.count > 0)) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{ type: 'funnel', sort: 'none', left: 40, right: 40, top: 10, bottom: 10, minSize: '20%', label: { position: 'inside', formatter: '{b} {c}' }, data: d.funnel.map((f) => ({ name: t(`reserve.stage.${f.stage}`), value: f.count })) }],
    };
  }, [d, t]);

  const flows = useMemo<EChartsOption | null>(() => {
    if (!d?.quarters.length) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: d.quarters.map((f) => f.quarter) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
      series: [
        { name: t('reserve.pipeline.in'), type: 'bar', data: d.quarters.map((f) => f.in), barMaxWidth: 24 },
        { name: t('reserve.pipeline.out'), type: 'bar', data: d.quarters.map((f) => f.out), barMaxWidth: 24 },
        { name: t('reserve.pipeline.sizeAtEnd'), type: 'line', yAxisIndex: 1, data: d.quarters.map((f) => f.sizeAtEnd) },
      ],
    };
  }, [d, t]);

  const yp = d?.promotions;
  return (
    <div data-testid="reserve-pipeline-page">
      <h1 className="page-title">{t('reserve.pipeline.title')}</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <PoolSelect value={poolId} onChange={setPoolId} allowClear testId="pipeline-pool" />
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
      </Space>
      <ErrorAlert error={res.error} />
      {res.isPending ? (
        <Fallback />
      ) : d ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={6}><Card size="small"><Statistic title={t('reserve.pipeline.size')} value={d.size} suffix={t('common.persons')} /></Card></Col>
            <Col span={6}><Card size="small"><Statistic title={t('reserve.pipeline.inPeriod')} value={d.quarters.reduce((s, f) => s + f.in, 0)} suffix={t('common.persons')} /></Card></Col>
            <Col span={6}><Card size="small"><Statistic title={t('reserve.pipeline.outPeriod')} value={d.quarters.reduce((s, f) => s + f.out, 0)} suffix={t('common.persons')} /></Card></Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('reserve.pipeline.youngShareShort')} value={yp ? pct(yp.youngShare) : '—'} data-testid="pipeline-young-share" />
              </Card>
            </Col>
          </Row>
          {yp && (
            <Typography.Paragraph data-testid="pipeline-sentence">
              {yp.total
                ? t('reserve.pipeline.sentence', { from: d.from, to: d.to, young: yp.young, share: pct(yp.youngShare), total: yp.total })
                : t('reserve.pipeline.noPromotion')}
              {yp.total ? t('reserve.pipeline.fromPool', { n: yp.fromPool, share: pct(yp.fromPoolShare) }) : ''}
            </Typography.Paragraph>
          )}
          <Row gutter={[12, 12]}>
            <Col span={12}><BarCard title={t('reserve.pipeline.byLevel')} data={d.byLevel} testId="pipeline-level" /></Col>
            <Col span={12}><BarCard title={t('reserve.pipeline.byAge')} data={d.byAgeBand} testId="pipeline-age" /></Col>
            <Col span={12}><BarCard title={t('reserve.pipeline.byField')} data={d.byField} testId="pipeline-field" horizontal /></Col>
            <Col span={12}><BarCard title={t('reserve.pipeline.bySex')} data={d.bySex} testId="pipeline-sex" /></Col>
            <Col span={14}>
              <Card size="small" title={t('reserve.pipeline.sankey')}>
                {sankey ? <EChart option={sankey} height={320} testId="pipeline-sankey" label={t('reserve.pipeline.sankey')} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title={t('reserve.pipeline.funnel')}>
                {funnel ? <EChart option={funnel} height={320} testId="pipeline-funnel" label={t('reserve.pipeline.funnel')} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              </Card>
            </Col>
            <Col span={24}>
              <Card size="small" title={t('reserve.pipeline.flows')}>
                {flows ? <EChart option={flows} height={320} testId="pipeline-flows" label={t('reserve.pipeline.flows')} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </div>
  );
}
