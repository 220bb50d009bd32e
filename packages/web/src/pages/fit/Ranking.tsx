/** 岗位人选排序: rank the registry (in scope) for a post, filters, explanation drawer with radar, pick 2–5 for 比选. */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Collapse, Descriptions, Drawer, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert, Fallback } from '../../components/common';
import { fitApi, type CandidateRow, DEGREES } from './api';
import { degreeColumns, DEGREE_NAMES, FactorList, FitRadar, PositionPicker, Score, STYLE_NAMES, useL } from './shared';

export default function RankingPage() {
  const { L, en } = useL();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const positionId = Number(sp.get('positionId')) || undefined;
  const [sex, setSex] = useState<string | undefined>();
  const [young, setYoung] = useState<string | undefined>();
  const [ageMax, setAgeMax] = useState<number | null>(null);
  const [limit, setLimit] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [explainId, setExplainId] = useState<number | null>(null);

  const q = useMemo(() => ({ sex, young, ageMax: ageMax ?? undefined, limit }), [sex, young, ageMax, limit]);
  const res = useQuery({ queryKey: ['fit-candidates', positionId, q], queryFn: () => fitApi.candidates(positionId!, q), enabled: !!positionId, placeholderData: keepPreviousData });
  const ex = useQuery({ queryKey: ['fit-explain', positionId, explainId], queryFn: () => fitApi.explain(positionId!, explainId!), enabled: !!positionId && explainId != null });

  const setPosition = (id: number | undefined) => {
    const next = new URLSearchParams(sp);
    if (id) next.set('positionId', String(id));
    else next.delete('positionId');
    setSp(next);
    setSelected([]);
  };

  const columns = [
    { title: L('排名', 'Rank'), dataIndex: 'rank', width: 64 },
    {
      title: L('姓名', 'Name'),
      key: 'name',
      render: (_: unknown, r: CandidateRow) => (
        <Space size={4}>
          <Link to={`/cadres/${r.cadreId}`}>{r.name}</Link>
          {r.sex === '2' && <Tag>{L('女', 'F')}</Tag>}
        </Space>
      ),
    },
    { title: L('年龄', 'Age'), dataIndex: 'age', width: 64 },
    { title: L('现单位职务', 'Current post'), key: 'post', render: (_: unknown, r: CandidateRow) => `${r.orgName ?? ''} ${r.currentPostTitle ?? ''}` },
    { title: L('综合适配度', 'Total fit'), key: 'total', width: 100, align: 'right' as const, render: (_: unknown, r: CandidateRow) => <Score v={r.total} testId="candidate-total" /> },
    ...degreeColumns(L),
    {
      title: '',
      key: 'act',
      width: 80,
      render: (_: unknown, r: CandidateRow) => (
        <Button size="small" onClick={() => setExplainId(r.cadreId)} data-testid={`explain-${r.cadreId}`}>
          {L('解释', 'Explain')}
        </Button>
      ),
    },
  ];

  const d = res.data;
  return (
    <div data-testid="fit-ranking-page">
      <Typography.Title level={4}>{L('岗位人选排序', 'Candidates for a post')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <PositionPicker value={positionId} onChange={setPosition} />
          <Space wrap>
            <Select allowClear placeholder={L('性别', 'Sex')} style={{ width: 100 }} value={sex} onChange={setSex} options={[{ value: '1', label: L('男', 'male') }, { value: '2', label: L('女', 'female') }]} data-testid="filter-sex" />
            <Select allowClear placeholder={L('年轻干部', 'Young')} style={{ width: 120 }} value={young} onChange={setYoung} options={[{ value: 'true', label: L('仅年轻干部', 'young only') }]} data-testid="filter-young" />
            <InputNumber placeholder={L('年龄不超过', 'max age')} min={20} max={70} value={ageMax} onChange={(v) => setAgeMax(v)} data-testid="filter-age-max" />
            <Select value={limit} onChange={setLimit} style={{ width: 110 }} options={[20, 50, 100, 200].map((n) => ({ value: n, label: L(`前 ${n} 名`, `top ${n}`) }))} />
            <Button type="primary" disabled={!positionId || selected.length < 2 || selected.length > 5} onClick={() => navigate(`/fit/compare?positionId=${positionId}&ids=${selected.join(',')}`)} data-testid="open-compare">
              {L(`比选（已选 ${selected.length}）`, `Compare (${selected.length})`)}
            </Button>
            {positionId && (
              <Link to={`/fit/positions/${positionId}/description`} data-testid="edit-description-link">
                {L('岗位说明书', 'Position description')}
              </Link>
            )}
          </Space>
        </Space>
      </Card>
      {!positionId && <Empty description={L('请选择岗位', 'Pick a post')} />}
      {positionId && res.isPending && <Fallback />}
      <ErrorAlert error={res.error} />
      {d && (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={`${d.position.orgName} ${d.position.title}`}
            description={L(
              `符合条件 ${d.eligibleTotal} 人，显示前 ${d.items.length} 名；不符合任职条件 ${d.excluded.total} 人（见下方）。研判日期 ${d.asOf}，用时 ${d.timing.totalMs} ms。`,
              `${d.eligibleTotal} eligible, top ${d.items.length} shown; ${d.excluded.total} excluded (below). As of ${d.asOf}, ${d.timing.totalMs} ms.`,
            )}
          />
          <Table
            size="small"
            rowKey="cadreId"
            dataSource={d.items}
            columns={columns}
            pagination={false}
            scroll={{ x: 1100 }}
            data-testid="candidate-table"
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: () => ({}) }}
          />
          <Collapse
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'ex',
                label: <span data-testid="excluded-toggle">{L(`不符合任职条件（${d.excluded.total} 人）`, `Excluded (${d.excluded.total})`)}</span>,
                children: (
                  <>
                    <Space wrap style={{ marginBottom: 8 }}>
                      {Object.entries(d.excluded.byReason).map(([k, n]) => (
                        <Tag key={k}>{k}: {n}</Tag>
                      ))}
                    </Space>
                    <Table
                      size="small"
                      rowKey="cadreId"
                      data-testid="excluded-table"
                      dataSource={d.excluded.items}
                      pagination={{ pageSize: 20 }}
                      columns={[
                        { title: L('姓名', 'Name'), dataIndex: 'name' },
                        { title: L('年龄', 'Age'), dataIndex: 'age', width: 64 },
                        { title: L('现单位职务', 'Current post'), key: 'p', render: (_: unknown, r) => `${r.orgName ?? ''} ${r.currentPostTitle ?? ''}` },
                        { title: L('排除原因', 'Reasons'), key: 'r', render: (_: unknown, r) => r.reasons.map((x) => <Tag key={x.code} color="red">{en ? x.en : x.zh}</Tag>) },
                      ]}
                    />
                  </>
                ),
              },
            ]}
          />
        </>
      )}
      <Drawer open={explainId != null} onClose={() => setExplainId(null)} size={640} title={L('适配度解释', 'Fit explanation')} data-testid="explain-drawer" destroyOnHidden>
        <ErrorAlert error={ex.error} />
        {ex.isPending && <Fallback />}
        {ex.data && (
          <div data-testid="explain-body">
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={L('姓名', 'Name')}>{ex.data.candidate.name}</Descriptions.Item>
              <Descriptions.Item label={L('综合适配度', 'Total')}><Score v={ex.data.fit.total} /></Descriptions.Item>
              <Descriptions.Item label={L('年龄', 'Age')}>{ex.data.candidate.age}</Descriptions.Item>
              <Descriptions.Item label={L('性格类型', 'Style')}>{ex.data.candidate.style ? L(STYLE_NAMES[ex.data.candidate.style]?.zh ?? '', STYLE_NAMES[ex.data.candidate.style]?.en ?? '') : '—'}</Descriptions.Item>
              <Descriptions.Item label={L('任现级年限', 'Years at level')}>{ex.data.candidate.yearsAtLevel}</Descriptions.Item>
              <Descriptions.Item label={L('基层经历', 'Grassroots')}>{ex.data.candidate.grassrootsYears}</Descriptions.Item>
            </Descriptions>
            <FitRadar series={[{ name: ex.data.candidate.name, degrees: ex.data.fit.degrees }]} testId="explain-radar" />
            {ex.data.fit.exclusions.length > 0 && (
              <Alert type="error" style={{ marginBottom: 8 }} title={L('不符合任职条件', 'Excluded')} description={ex.data.fit.exclusions.map((x) => (en ? x.en : x.zh)).join('；')} />
            )}
            {DEGREES.map((dg) => (
              <Card key={dg} size="small" style={{ marginBottom: 8 }} title={<span>{L(DEGREE_NAMES[dg].zh, DEGREE_NAMES[dg].en)} <Score v={ex.data!.fit.degrees[dg]} /></span>}>
                <FactorList items={ex.data!.fit.explanation[dg]} en={en} />
              </Card>
            ))}
          </div>
        )}
      </Drawer>
    </div>
  );
}
