/** 人岗适配晴雨表: every incumbent's fit to their own post, department-wide or for one unit; misfits coloured. */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Segmented, Space, Statistic, Table, Tag, TreeSelect, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useOrgTree } from '../../api/hooks';
import { ErrorAlert, Fallback } from '../../components/common';
import { fitApi, type Band, type BarometerRow } from './api';
import { BAND_COLORS, BAND_NAMES, degreeColumns, Score, useL } from './shared';

export default function BarometerPage() {
  const { L, en } = useL();
  const org = useOrgTree();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [band, setBand] = useState<'all' | Band>('all');
  const res = useQuery({ queryKey: ['fit-barometer', orgId], queryFn: () => fitApi.barometer({ orgId }), placeholderData: keepPreviousData });
  const rows = useMemo(() => (res.data?.rows ?? []).filter((r) => band === 'all' || r.band === band), [res.data, band]);

  const columns = [
    { title: L('单位 / 班子', 'Unit / team'), key: 'team', render: (_: unknown, r: BarometerRow) => <Link to={`/teams/${r.teamId}`}>{r.teamName}</Link> },
    {
      title: L('职务', 'Post'),
      key: 'post',
      render: (_: unknown, r: BarometerRow) => <Link to={`/fit/rank?positionId=${r.positionId}`}>{r.positionTitle}</Link>,
    },
    { title: L('姓名', 'Name'), key: 'name', render: (_: unknown, r: BarometerRow) => <Link to={`/cadres/${r.cadreId}`}>{r.name}</Link> },
    { title: L('年龄', 'Age'), dataIndex: 'age', width: 60 },
    {
      title: L('综合适配度', 'Total'),
      key: 'total',
      width: 110,
      sorter: (a: BarometerRow, b: BarometerRow) => a.total - b.total,
      render: (_: unknown, r: BarometerRow) => (
        <Space size={4}>
          <Score v={r.total} />
          <Tag color={BAND_COLORS[r.band]} data-testid={`band-${r.band}`}>{L(BAND_NAMES[r.band].zh, BAND_NAMES[r.band].en)}</Tag>
        </Space>
      ),
    },
    ...degreeColumns(L),
    {
      title: L('主要原因', 'Main reasons'),
      key: 'reasons',
      render: (_: unknown, r: BarometerRow) => (
        <span style={{ fontSize: 12 }}>
          {r.exclusions.map((x) => (
            <Tag key={x.code} color="red">{en ? x.en : x.zh}</Tag>
          ))}
          {r.reasons.map((f) => (en ? f.detailEn : f.detail)).join('；')}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="fit-barometer-page">
      <Typography.Title level={4}>{L('人岗适配晴雨表', 'Person–post fit barometer')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <TreeSelect
          allowClear
          showSearch
          treeData={org.tree}
          treeNodeFilterProp="title"
          value={orgId}
          onChange={(v) => setOrgId(v ? Number(v) : undefined)}
          placeholder={L('单位范围（含下属）', 'Unit (with sub-units)')}
          popupMatchSelectWidth={400}
          style={{ width: 280 }}
          data-testid="barometer-org"
        />
        <Segmented
          value={band}
          onChange={(v) => setBand(v as 'all' | Band)}
          options={[
            { value: 'all', label: L('全部', 'all') },
            { value: 'misfit', label: L('不适配', 'misfit') },
            { value: 'fair', label: L('基本适配', 'fair') },
            { value: 'good', label: L('适配', 'fits') },
          ]}
          data-testid="barometer-band"
        />
      </Space>
      <ErrorAlert error={res.error} />
      {res.isPending && <Fallback />}
      {res.data && (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={6}><Card size="small"><Statistic title={L('在任干部', 'Incumbents')} value={res.data.summary.count} /></Card></Col>
            <Col span={6}><Card size="small"><Statistic title={L('平均适配度', 'Mean fit')} value={res.data.summary.mean ?? '—'} /></Card></Col>
            <Col span={6}><Card size="small"><Statistic title={L(`基本适配（${res.data.bands.misfit}–${res.data.bands.good}）`, `Fair`)} value={res.data.summary.fair} valueStyle={{ color: BAND_COLORS.fair }} /></Card></Col>
            <Col span={6}><Card size="small"><Statistic title={L(`不适配（< ${res.data.bands.misfit}）`, `Misfit`)} value={res.data.summary.misfit} valueStyle={{ color: BAND_COLORS.misfit }} data-testid="barometer-misfits" /></Card></Col>
          </Row>
          <Table
            size="small"
            rowKey={(r) => `${r.positionId}-${r.cadreId}`}
            dataSource={rows}
            columns={columns}
            data-testid="barometer-table"
            rowClassName={(r) => (r.band === 'misfit' ? 'fit-row-misfit' : '')}
            onRow={(r) => ({ style: r.band === 'misfit' ? { background: '#fff1f0' } : r.band === 'fair' ? { background: '#fffbe6' } : undefined })}
            pagination={{ pageSize: 50, showSizeChanger: true }}
            scroll={{ x: 1200 }}
          />
        </>
      )}
    </div>
  );
}
