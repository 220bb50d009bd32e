/**
 * 调整方案: pick several vacancies and a candidate set, solve (exact assignment; ILP with team
 * constraints), see per-post fit and total, the teams' indicators before/after (what-if on a copy),
 * pin / forbid pairs and re-solve, save as a draft; saved plans listed below.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, Input, InputNumber, List, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { ErrorAlert } from '../../components/common';
import { fitApi, type Pair, type PlanInputs, type PlanResult, type TeamState } from './api';
import { Score, useL } from './shared';

const COLOR_NAMES: Record<string, { zh: string; en: string }> = { red: { zh: '红', en: 'red' }, blue: { zh: '蓝', en: 'blue' }, green: { zh: '绿', en: 'green' } };

function TeamCell({ s, L, testId }: { s: TeamState; L: (zh: string, en: string) => string; testId?: string }) {
  const f = s.figures;
  return (
    <Space direction="vertical" size={2} data-testid={testId}>
      <Tag color={s.hex} data-testid={testId ? `${testId}-color` : undefined}>{L(COLOR_NAMES[s.color].zh, COLOR_NAMES[s.color].en)}</Tag>
      <span style={{ fontSize: 12 }} data-testid={testId ? `${testId}-figures` : undefined}>
        {L(`在任${f.filled}/${f.quota}，空缺${f.vacancies}，女${f.women}，年轻${f.youngCount}，平均${f.meanAge ?? '—'}岁`, `${f.filled}/${f.quota} filled, ${f.vacancies} vacant, ${f.women} women, ${f.youngCount} young, mean age ${f.meanAge ?? '—'}`)}
      </span>
      <span style={{ fontSize: 12, color: '#8c8c8c' }}>{s.reasons.map((r) => L(r.reason.zh, r.reason.en)).join('；')}</span>
    </Space>
  );
}

export default function PlansPage() {
  const { L, en } = useL();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const canWrite = !!me.data?.permissions.canWrite && me.data.user.role !== 'unit_hr';
  const vac = useQuery({ queryKey: ['fit-vacancies'], queryFn: () => fitApi.vacancies({}) });
  const plans = useQuery({ queryKey: ['fit-plans'], queryFn: fitApi.plans });
  const [positionIds, setPositionIds] = useState<number[]>([]);
  const [topPerPost, setTopPerPost] = useState(30);
  const [sex, setSex] = useState<string | undefined>();
  const [tc, setTc] = useState({ enabled: false, requireWoman: false, requireYoung: false, requireNonParty: false, maxFromOneUnit: null as number | null });
  const [pins, setPins] = useState<Pair[]>([]);
  const [forbids, setForbids] = useState<Pair[]>([]);
  const [result, setResult] = useState<PlanResult | null>(null);
  const [name, setName] = useState('');
  const [loaded, setLoaded] = useState<{ id: number; version: number } | null>(null);

  const inputs = (p = pins, f = forbids): PlanInputs => ({
    positionIds,
    topPerPost,
    candidateFilter: sex ? { sex } : undefined,
    pins: p,
    forbids: f,
    teamConstraints: { ...tc, maxFromOneUnit: tc.maxFromOneUnit ?? undefined },
  });
  const solve = useMutation({ mutationFn: (i: PlanInputs) => fitApi.solve(i), onSuccess: (r) => setResult(r) });
  const save = useMutation({
    mutationFn: async () => (loaded ? fitApi.updatePlan(loaded.id, { version: loaded.version, name, inputs: inputs() }) : fitApi.savePlan(name, inputs())),
    onSuccess: (p) => {
      setLoaded({ id: p.id, version: p.version });
      if (p.result) setResult(p.result);
      void qc.invalidateQueries({ queryKey: ['fit-plans'] });
      message.success(L('方案已保存为草稿', 'Plan saved as a draft'));
    },
    onError: (e) => message.error(e instanceof ApiError ? e.localized(en ? 'en' : 'zh') : String(e)),
  });
  const open = async (id: number) => {
    const p = await fitApi.plan(id);
    setPositionIds(p.inputs.positionIds);
    setTopPerPost(p.inputs.topPerPost ?? 30);
    setPins(p.inputs.pins ?? []);
    setForbids(p.inputs.forbids ?? []);
    const t = p.inputs.teamConstraints;
    setTc({ enabled: !!t?.enabled, requireWoman: !!t?.requireWoman, requireYoung: !!t?.requireYoung, requireNonParty: !!t?.requireNonParty, maxFromOneUnit: t?.maxFromOneUnit ?? null });
    setName(p.name);
    setLoaded({ id: p.id, version: p.version });
    setResult(p.result);
  };
  const resolveWith = (p: Pair[], f: Pair[]) => {
    setPins(p);
    setForbids(f);
    solve.mutate(inputs(p, f));
  };

  return (
    <div data-testid="fit-plans-page">
      <Typography.Title level={4}>{L('调整方案', 'Adjustment plan')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            placeholder={L('选择若干空缺岗位（含即将空缺）', 'Pick vacancies')}
            value={positionIds}
            onChange={(v) => setPositionIds(v)}
            loading={vac.isPending}
            data-testid="plan-vacancies"
            options={(vac.data?.items ?? []).map((v) => ({ value: v.positionId, label: `${v.orgName} ${v.title}` }))}
          />
          <Space wrap>
            <span>{L('每个岗位取前', 'Top')}</span>
            <InputNumber min={1} max={500} value={topPerPost} onChange={(v) => setTopPerPost(v ?? 30)} data-testid="plan-top" />
            <span>{L('名作为人选', 'candidates per post')}</span>
            <Select allowClear placeholder={L('性别', 'Sex')} style={{ width: 100 }} value={sex} onChange={setSex} options={[{ value: '1', label: L('男', 'male') }, { value: '2', label: L('女', 'female') }]} />
            <Switch checked={tc.enabled} onChange={(v) => setTc({ ...tc, enabled: v })} data-testid="plan-team-constraints" />
            <span>{L('班子结构约束', 'Team constraints')}</span>
            <Checkbox disabled={!tc.enabled} checked={tc.requireWoman} onChange={(e) => setTc({ ...tc, requireWoman: e.target.checked })}>{L('每个班子至少1名女干部', '≥ 1 woman')}</Checkbox>
            <Checkbox disabled={!tc.enabled} checked={tc.requireYoung} onChange={(e) => setTc({ ...tc, requireYoung: e.target.checked })}>{L('至少1名年轻干部', '≥ 1 young')}</Checkbox>
            <Checkbox disabled={!tc.enabled} checked={tc.requireNonParty} onChange={(e) => setTc({ ...tc, requireNonParty: e.target.checked })}>{L('至少1名党外干部', '≥ 1 non-CPC')}</Checkbox>
            <InputNumber disabled={!tc.enabled} min={1} max={20} placeholder={L('同一来源单位≤', 'max from one unit')} value={tc.maxFromOneUnit} onChange={(v) => setTc({ ...tc, maxFromOneUnit: v })} style={{ width: 150 }} />
          </Space>
          <Space>
            <Button type="primary" disabled={!positionIds.length} loading={solve.isPending} onClick={() => solve.mutate(inputs())} data-testid="plan-solve">
              {L('求解最优方案', 'Solve')}
            </Button>
            {(pins.length > 0 || forbids.length > 0) && (
              <Button onClick={() => resolveWith([], [])} data-testid="plan-clear-pins">{L(`清除锁定/排除（${pins.length + forbids.length}）`, `Clear pins/forbids (${pins.length + forbids.length})`)}</Button>
            )}
          </Space>
        </Space>
      </Card>
      <ErrorAlert error={solve.error} />
      {result && (
        <div data-testid="plan-result">
          <Alert
            type={result.status === 'optimal' ? 'success' : 'warning'}
            style={{ marginBottom: 12 }}
            title={
              <span>
                {L('方案总适配度', 'Total fit')} <b data-testid="plan-total">{result.total}</b>，{L(`配备 ${result.filled}/${result.posts.length} 个岗位`, `${result.filled}/${result.posts.length} posts filled`)}
                {result.unconstrainedTotal != null && L(`（不加班子约束时 ${result.unconstrainedTotal}）`, ` (without team constraints ${result.unconstrainedTotal})`)}
              </span>
            }
            description={L(
              `求解方法：${result.solver === 'ilp' ? '整数规划（HiGHS），最优性差距 ' + result.gap : '匈牙利算法（精确）'}；人选 ${result.candidates.count} 名；用时 ${result.timing.totalMs} ms。模拟结果，不改动干部数据。`,
              `Solver: ${result.solver === 'ilp' ? 'ILP (HiGHS), gap ' + result.gap : 'Hungarian (exact)'}; ${result.candidates.count} candidates; ${result.timing.totalMs} ms. What-if only: the registry is not changed.`,
            )}
          />
          <Card size="small" title={L('岗位配备', 'Assignments')} style={{ marginBottom: 12 }}>
            <Table
              size="small"
              rowKey="positionId"
              pagination={false}
              dataSource={result.posts}
              data-testid="plan-posts"
              columns={[
                { title: L('岗位', 'Post'), key: 'p', render: (_: unknown, r) => `${r.orgName} ${r.title}` },
                {
                  title: L('人选', 'Candidate'),
                  key: 'c',
                  render: (_: unknown, r) =>
                    r.candidate ? (
                      <Space size={4}>
                        <Link to={`/cadres/${r.candidate.cadreId}`}>{r.candidate.name}</Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.candidate.orgName} {r.candidate.currentPostTitle}</Typography.Text>
                        {r.pinned && <Tag color="gold">{L('已锁定', 'pinned')}</Tag>}
                      </Space>
                    ) : (
                      <Tag>{L('空缺', 'empty')}</Tag>
                    ),
                },
                { title: L('适配度', 'Fit'), key: 'f', width: 90, render: (_: unknown, r) => (r.fit ? <Score v={r.fit.total} /> : '—') },
                {
                  title: '',
                  key: 'a',
                  width: 180,
                  render: (_: unknown, r) =>
                    r.candidate && (
                      <Space size={4}>
                        <Button size="small" disabled={r.pinned} onClick={() => resolveWith([...pins.filter((x) => x.positionId !== r.positionId), { positionId: r.positionId, cadreId: r.candidate!.cadreId }], forbids)} data-testid={`pin-${r.positionId}`}>
                          {L('锁定', 'Pin')}
                        </Button>
                        <Button size="small" danger onClick={() => resolveWith(pins.filter((x) => !(x.positionId === r.positionId && x.cadreId === r.candidate!.cadreId)), [...forbids, { positionId: r.positionId, cadreId: r.candidate!.cadreId }])} data-testid={`forbid-${r.positionId}`}>
                          {L('排除并重算', 'Forbid')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={L('班子指标：调整前 → 调整后（模拟）', "Teams' indicators: before → after (what-if)")} style={{ marginBottom: 12 }}>
            <Table
              size="small"
              rowKey="teamId"
              pagination={false}
              dataSource={result.teams}
              data-testid="plan-teams"
              columns={[
                { title: L('班子', 'Team'), key: 't', render: (_: unknown, r) => <Space>{r.name}{r.changed && <Tag color="processing" data-testid="team-changed">{L('有变化', 'changed')}</Tag>}</Space> },
                { title: L('调整前', 'Before'), key: 'b', render: (_: unknown, r) => <TeamCell s={r.before} L={L} testId={`team-before-${r.teamId}`} /> },
                { title: L('调整后', 'After'), key: 'a', render: (_: unknown, r) => <TeamCell s={r.after} L={L} testId={`team-after-${r.teamId}`} /> },
              ]}
            />
          </Card>
          {(result.constraints.length > 0 || result.unsatisfiable.length > 0) && (
            <Card size="small" title={L('约束情况', 'Constraints')} style={{ marginBottom: 12 }}>
              <List
                size="small"
                data-testid="plan-constraints"
                dataSource={[
                  ...result.constraints.map((c) => ({
                    key: c.id,
                    text: `${c.teamName ?? ''} ${en ? c.en : c.zh}`,
                    tag: c.binding ? <Tag color="red">{L(`起作用（放开可提高 ${c.objectiveWithout != null ? Math.round((c.objectiveWithout - result.total) * 10) / 10 : '?'}）`, 'binding')}</Tag> : c.tight ? <Tag color="orange">{L('恰好满足', 'tight')}</Tag> : <Tag>{L('未起作用', 'slack')}</Tag>,
                  })),
                  ...result.unsatisfiable.map((u, i) => ({ key: `u${i}`, text: en ? u.en : u.zh, tag: <Tag color="volcano">{L('无法满足', 'unsatisfiable')}</Tag> })),
                ]}
                renderItem={(x) => (
                  <List.Item>
                    {x.tag} {x.text}
                  </List.Item>
                )}
              />
            </Card>
          )}
          {canWrite && (
            <Space style={{ marginBottom: 16 }}>
              <Input placeholder={L('方案名称', 'Plan name')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 280 }} data-testid="plan-name" />
              <Button type="primary" disabled={!name.trim()} loading={save.isPending} onClick={() => save.mutate()} data-testid="plan-save">
                {loaded ? L('保存修改', 'Save changes') : L('保存为草稿', 'Save as draft')}
              </Button>
            </Space>
          )}
        </div>
      )}
      <Row>
        <Col span={24}>
          <Card size="small" title={L('已保存的方案', 'Saved plans')}>
            <ErrorAlert error={plans.error} />
            <Table
              size="small"
              rowKey="id"
              data-testid="plan-list"
              dataSource={plans.data?.items ?? []}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: L('名称', 'Name'), dataIndex: 'name', render: (v: string, r) => <a onClick={() => void open(r.id)} data-testid={`plan-open-${r.id}`}>{v}</a> },
                { title: L('状态', 'Status'), dataIndex: 'status', render: (v: string) => <Tag>{v === 'final' ? L('定稿', 'final') : L('草稿', 'draft')}</Tag> },
                { title: L('岗位数', 'Posts'), dataIndex: 'posts' },
                { title: L('总适配度', 'Total'), dataIndex: 'total' },
                { title: L('制定人', 'By'), dataIndex: 'createdByName' },
                { title: L('更新时间', 'Updated'), dataIndex: 'updatedAt', render: (v: string) => v?.slice(0, 16).replace('T', ' ') },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
