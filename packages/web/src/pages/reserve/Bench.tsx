/**
 * 梯队强度: for every key post (正职 first) the successors by tier; posts with nobody 随时能用 are "急用现找",
 * highlighted with the incumbent's retirement horizon; summary cards on top.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card, Col, Row, Segmented, Space, Statistic, Switch, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useOrgTree } from '../../api/hooks';
import { reserveApi, TIERS, type BenchRow, type BenchSuccessor } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { TIER_COLORS, useLang } from './shared';

export default function BenchPage() {
  const { t } = useLang();
  const org = useOrgTree();
  const [sp, setSp] = useSearchParams();
  const orgId = Number(sp.get('orgId')) || undefined;
  const [keyOnly, setKeyOnly] = useState(true);
  const [urgentOnly, setUrgentOnly] = useState(!!sp.get('urgent'));
  const [page, setPage] = useState({ current: 1, size: 50 });
  const q = { orgId, keyOnly, urgentOnly: urgentOnly || undefined, limit: page.size, offset: (page.current - 1) * page.size };
  const res = useQuery({ queryKey: ['reserve-bench', q], queryFn: () => reserveApi.bench(q), placeholderData: keepPreviousData });
  const s = res.data?.summary;
  const horizon = s?.horizonYears ?? '';

  const people = (list: BenchSuccessor[], count: number) =>
    list.length === 0 ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Space size={[4, 2]} wrap>
        {list.map((p) => (
          <Tooltip key={p.cadreId} title={`${p.poolKind ?? ''}${p.match === 'position' ? ` · ${t('reserve.bench.forThisPost')}` : ''}${p.suggestedOnly ? ` · ${t('reserve.common.suggestedHint')}` : ''}`}>
            <Link to={`/cadres/${p.cadreId}`} style={p.suggestedOnly ? { borderBottom: '1px dashed #8c8c8c' } : undefined} data-testid="bench-successor">
              {p.name}
            </Link>
          </Tooltip>
        ))}
        {count > list.length && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reserve.bench.more', { n: count })}</Typography.Text>}
      </Space>
    );

  const columns = [
    {
      title: t('reserve.bench.post'),
      key: 'post',
      render: (_: unknown, r: BenchRow) => (
        <Space orientation="vertical" size={0} data-testid={r.urgent ? 'urgent-post' : undefined}>
          <span>
            {r.teamId ? <Link to={`/teams/${r.teamId}`}>{r.orgName}</Link> : r.orgName} {r.title}
          </span>
          <Space size={4}>
            {r.isChief && <Tag color="red">{t('reserve.bench.chief')}</Tag>}
            {r.isKey && !r.isChief && <Tag>{t('reserve.bench.key')}</Tag>}
            {r.urgent && <Tag color="#cf1322" data-testid="urgent-tag">{t('reserve.bench.urgent')}</Tag>}
          </Space>
        </Space>
      ),
    },
    {
      title: t('reserve.bench.incumbent'),
      key: 'incumbent',
      width: 220,
      render: (_: unknown, r: BenchRow) => {
        const list = r.incumbents;
        if (!list.length) return <span className="vacancy">{t('reserve.bench.vacant')}</span>;
        return (
          <Space orientation="vertical" size={0}>
            {list.map((i) => (
              <span key={i.cadreId}>
                <Link to={`/cadres/${i.cadreId}`}>{i.name}</Link>
                <span style={{ color: '#8c8c8c' }}>（{t('reserve.common.ageN', { n: i.age })}）</span>
                <Tag color={i.pastRetirement ? 'red' : i.retiringWithinHorizon ? 'orange' : undefined} style={{ marginInlineStart: 4 }} data-testid={i.retiringWithinHorizon || i.pastRetirement ? 'retiring-tag' : undefined}>
                  {t(i.pastRetirement ? 'reserve.bench.pastRetirement' : 'reserve.bench.retires', { date: i.retirementDate.slice(0, 7) })}
                </Tag>
              </span>
            ))}
          </Space>
        );
      },
    },
    ...TIERS.map((tier) => ({
      title: <span style={{ color: TIER_COLORS[tier] }}>{t(`reserve.tier.${tier}`)}</span>,
      key: tier,
      width: tier === 'readyNow' ? 220 : 200,
      render: (_: unknown, r: BenchRow) => people(r.successors[tier], r.counts[tier]),
    })),
  ];

  return (
    <div data-testid="reserve-bench-page">
      <h1 className="page-title">{t('reserve.bench.title')}</h1>
      <Typography.Paragraph type="secondary">{t('reserve.bench.hint', { n: horizon ?? '' })}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <TreeSelect
          allowClear
          showSearch
          treeData={org.tree}
          treeNodeFilterProp="title"
          value={orgId}
          onChange={(v) => {
            const next = new URLSearchParams(sp);
            if (v) next.set('orgId', String(v));
            else next.delete('orgId');
            setSp(next, { replace: true });
          }}
          placeholder={t('reserve.common.orgScope')}
          popupMatchSelectWidth={400}
          style={{ width: 280 }}
        />
        <Space>
          <Switch checked={keyOnly} onChange={(v) => (setKeyOnly(v), setPage((p) => ({ ...p, current: 1 })))} data-testid="bench-key-only" />
          {t('reserve.bench.keyOnly')}
        </Space>
        <Segmented
          value={urgentOnly ? 'urgent' : 'all'}
          onChange={(v) => (setUrgentOnly(v === 'urgent'), setPage((p) => ({ ...p, current: 1 })))}
          options={[
            { value: 'all', label: t('reserve.bench.showAll') },
            { value: 'urgent', label: <span data-testid="bench-show-urgent">{t('reserve.bench.showUrgent')}</span> },
          ]}
        />
      </Space>
      <ErrorAlert error={res.error} />
      {res.isPending ? (
        <Fallback />
      ) : res.data ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={5}><Card size="small"><Statistic title={t('reserve.bench.keyPosts')} value={s?.keyPosts ?? 0} suffix={<span style={{ fontSize: 12 }}>{t('reserve.bench.chiefN', { n: s?.chiefPosts ?? 0 })}</span>} /></Card></Col>
            <Col span={5}>
              <Card size="small" style={{ borderColor: (s?.urgent ?? 0) > 0 ? '#ffa39e' : undefined }}>
                <Statistic title={t('reserve.bench.urgentPosts')} value={s?.urgent ?? 0} styles={{ content: { color: '#cf1322' } }} suffix={<span style={{ fontSize: 12 }}>{t('reserve.bench.highRisk', { n: s?.urgentHighRisk ?? 0 })}</span>} data-testid="bench-urgent-count" />
              </Card>
            </Col>
            <Col span={5}><Card size="small"><Statistic title={t('reserve.bench.covered')} value={s?.withReadyNow ?? 0} styles={{ content: { color: TIER_COLORS.readyNow } }} /></Card></Col>
            <Col span={5}><Card size="small"><Statistic title={t('reserve.bench.retiringPosts', { n: horizon })} value={s?.retiringWithinHorizon ?? 0} /></Card></Col>
            <Col span={4}><Card size="small"><Statistic title={t('reserve.bench.noSuccessor')} value={s?.withoutSuccessor ?? 0} /></Card></Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('reserve.bench.successors', { r: s?.successors.readyNow ?? 0, s: s?.successors.shortTerm ?? 0, f: s?.successors.future ?? 0, u: s?.suggestedOnly ?? 0 })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="positionId"
            dataSource={res.data.rows}
            columns={columns}
            loading={res.isFetching}
            data-testid="bench-table"
            onRow={(r) => ({ style: r.urgent ? { background: '#fff1f0' } : undefined })}
            pagination={{ current: page.current, pageSize: page.size, total: res.data.total, showSizeChanger: true, onChange: (current, size) => setPage({ current, size }) }}
          />
        </>
      ) : null}
    </div>
  );
}
