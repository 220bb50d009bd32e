/**
 * 年轻干部培养: 导师帮带 (一对一 / 多对一), training compliance of a pool with who is behind, and per member the
 * "一人一策" plans (goals, checkpoints, outcomes) and 挂职 / 轮岗 planned and done.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Checkbox, Col, DatePicker, Empty, Form, Input, List, Modal, Popconfirm, Row, Segmented, Select, Space, Statistic, Switch, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, itemsOf } from '../../api/client';
import { useMe } from '../../api/hooks';
import { reserveApi, type DevelopmentPlan, type Mentorship, type Movement, type TrainingMember } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { CadreSelect, errorText, PoolSelect, useLang, usePools } from './shared';

// ───────────── 导师帮带 ─────────────
function Mentors({ canWrite }: { canWrite: boolean }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [active, setActive] = useState(true);
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: ['reserve-mentorships', active], queryFn: async () => itemsOf(await reserveApi.mentorships(active ? { active: true } : {})) });
  const [form] = Form.useForm<{ menteeId: number; mentors: { id?: number }[]; startDate: Dayjs; note?: string }>();
  const create = useMutation({
    mutationFn: (v: { menteeId: number; mentors: { id?: number }[]; startDate: Dayjs; note?: string }) =>
      reserveApi.createMentorship({ menteeId: v.menteeId, mentorIds: v.mentors.map((m) => m.id).filter((x): x is number => x != null), startDate: v.startDate.format('YYYY-MM-DD'), note: v.note?.trim() || undefined }),
    onSuccess: () => {
      message.success(t('common.saved'));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['reserve-mentorships'] });
    },
    onError: (e) => message.error(errorText(e, en)),
  });
  const end = useMutation({
    mutationFn: (m: Mentorship) => reserveApi.updateMentorship(m.id, { endDate: dayjs().format('YYYY-MM-DD'), version: m.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reserve-mentorships'] }),
    onError: (e) => message.error(errorText(e, en)),
  });
  // one row per mentee: several open mentors = 多对一
  const rows = useMemo(() => {
    const by = new Map<number, Mentorship[]>();
    for (const m of q.data ?? []) by.set(m.menteeId, [...(by.get(m.menteeId) ?? []), m]);
    return [...by.entries()].map(([menteeId, list]) => ({ menteeId, menteeName: list[0].mentee?.name ?? String(menteeId), list }));
  }, [q.data]);
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={active} onChange={setActive} /> {t('reserve.growth.activeOnly')}
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setOpen(true))} data-testid="mentor-add">
            {t('reserve.growth.addMentor')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={q.error} />
      <Table
        size="small"
        rowKey="menteeId"
        loading={q.isPending}
        dataSource={rows}
        data-testid="mentor-table"
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('reserve.growth.mentee'), key: 'mentee', width: 140, render: (_: unknown, r: (typeof rows)[number]) => <Link to={`/cadres/${r.menteeId}?tab=growth`}>{r.menteeName}</Link> },
          {
            title: t('reserve.growth.mode'),
            key: 'mode',
            width: 90,
            render: (_: unknown, r: (typeof rows)[number]) => {
              const open = r.list.filter((m) => m.active ?? (!m.endDate || m.endDate >= dayjs().format('YYYY-MM-DD'))).length;
              return <Tag data-testid="mentor-mode">{open > 1 ? t('reserve.growth.manyToOne') : t('reserve.growth.oneToOne')}</Tag>;
            },
          },
          {
            title: t('reserve.growth.mentors'),
            key: 'mentors',
            render: (_: unknown, r: (typeof rows)[number]) => (
              <Space orientation="vertical" size={0}>
                {r.list.map((m) => (
                  <span key={m.id}>
                    <Link to={`/cadres/${m.mentorId}`}>{m.mentor?.name ?? m.mentorId}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      {m.startDate} — {m.endDate ?? t('reserve.growth.ongoing')} {m.note ?? ''}
                    </Typography.Text>
                    {canWrite && !m.endDate && (
                      <Popconfirm title={t('reserve.growth.endConfirm')} onConfirm={() => end.mutate(m)}>
                        <Button type="link" size="small">{t('reserve.growth.end')}</Button>
                      </Popconfirm>
                    )}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={open} title={t('reserve.growth.addMentor')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ mentors: [{}], startDate: dayjs() }}>
          <Form.Item name="menteeId" label={t('reserve.growth.mentee')} rules={[{ required: true }]}>
            <CadreSelect onChange={(v) => form.setFieldValue('menteeId', v)} width="100%" testId="mentee-pick" />
          </Form.Item>
          <Typography.Text>{t('reserve.growth.mentorsHint')}</Typography.Text>
          <Form.List name="mentors">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'id']} rules={[{ required: true }]}>
                      <CadreSelect onChange={(v) => form.setFieldValue(['mentors', f.name, 'id'], v)} width={380} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="link" onClick={() => remove(f.name)}>{t('common.delete')}</Button>}
                  </Space>
                ))}
                {fields.length < 5 && <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>{t('reserve.growth.moreMentor')}</Button>}
              </>
            )}
          </Form.List>
          <Form.Item name="startDate" label={t('reserve.growth.start')} rules={[{ required: true }]} style={{ marginTop: 12 }}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('reserve.pool.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

// ───────────── 培训达标 ─────────────
function Training({ poolId }: { poolId?: number }) {
  const { t, bi } = useLang();
  const [behindOnly, setBehindOnly] = useState(true);
  const q = useQuery({ queryKey: ['reserve-training', poolId], queryFn: () => reserveApi.training({ poolId }), enabled: !!poolId });
  if (!poolId) return <Empty description={t('reserve.common.pickPool')} />;
  if (q.isPending) return <Fallback />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { items, summary, rules: r } = q.data;
  const rows = behindOnly ? items.filter((m) => m.compliance.behind) : items;
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}><Card size="small"><Statistic title={t('reserve.growth.members')} value={summary.members} /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title={t('reserve.growth.behind')} value={summary.behind} styles={{ content: { color: '#cf1322' } }} data-testid="training-behind" /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title={t('reserve.growth.politicalBehind')} value={summary.politicalOverdue} /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title={t('reserve.growth.hoursBehind')} value={summary.hoursBehind} /></Card></Col>
      </Row>
      <Typography.Paragraph type="secondary">
        {t('reserve.growth.trainingRule', { days: r.political.minDays, years: r.political.everyYears, hours: r.annualHours })}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={behindOnly} onChange={setBehindOnly} /> {t('reserve.growth.behindOnly')}
      </Space>
      <Table
        size="small"
        rowKey="cadreId"
        dataSource={rows}
        data-testid="training-table"
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('reserve.common.name'), key: 'name', width: 100, render: (_: unknown, m: TrainingMember) => <Link to={`/cadres/${m.cadreId}?tab=growth`}>{m.name}</Link> },
          { title: t('reserve.common.post'), key: 'post', ellipsis: true, render: (_: unknown, m: TrainingMember) => `${m.orgName ?? ''} ${m.currentPostTitle ?? ''}` },
          {
            title: t('reserve.growth.political'),
            key: 'pol',
            width: 260,
            render: (_: unknown, m: TrainingMember) => {
              const p = m.compliance.political;
              return (
                <Space size={4}>
                  <Tag color={p.ok ? 'green' : 'red'}>{p.ok ? t('reserve.growth.ok') : t('reserve.growth.notOk')}</Tag>
                  <span style={{ fontSize: 12 }}>
                    {p.last ? t('reserve.growth.lastPolitical', { date: p.last.endDate }) : t('reserve.growth.noPolitical')}
                    {p.dueBy ? ` · ${t('reserve.growth.dueBy', { date: p.dueBy })}` : ''}
                  </span>
                </Space>
              );
            },
          },
          {
            title: t('reserve.growth.hours'),
            key: 'hours',
            width: 220,
            render: (_: unknown, m: TrainingMember) => {
              const h = m.compliance.hours;
              return (
                <Space size={4}>
                  <Tag color={h.met ? 'green' : h.onPace ? 'blue' : 'red'}>{h.met ? t('reserve.growth.ok') : h.onPace ? t('reserve.growth.onPace') : t('reserve.growth.notOk')}</Tag>
                  <span style={{ fontSize: 12 }}>{`${h.done} / ${h.target} ${t('reserve.growth.hourUnit')}`}</span>
                </Space>
              );
            },
          },
          { title: t('reserve.growth.why'), key: 'why', render: (_: unknown, m: TrainingMember) => <span style={{ fontSize: 12 }}>{m.compliance.reasons.map(bi).join('；')}</span> },
        ]}
      />
    </>
  );
}

// ───────────── 一人一策 and 挂职/轮岗 of one member ─────────────
function PlanCard({ cadreId, plan, canWrite }: { cadreId: number; plan: DevelopmentPlan; canWrite: boolean }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState('');
  // PATCH of the registry section: only the changed fields (goals, outcomes) with the row's version
  const save = useMutation({
    mutationFn: (body: Pick<Partial<DevelopmentPlan>, 'goals' | 'outcomes' | 'status'>) => api.updateRow(cadreId, 'development-plans', plan.id, { ...body, version: plan.version ?? 1 }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reserve-growth', cadreId] }),
    onError: (e) => message.error(errorText(e, en)),
  });
  return (
    <Card size="small" title={plan.title} extra={<Tag color={plan.status === '已完成' ? 'green' : plan.status === '已终止' ? 'default' : 'blue'}>{plan.status}</Tag>} style={{ marginBottom: 8 }} data-testid="plan-card">
      <Row gutter={16}>
        <Col span={10}>
          <Typography.Text strong>{t('reserve.growth.goals')}</Typography.Text>
          <List
            size="small"
            dataSource={plan.goals}
            renderItem={(g, i) => (
              <List.Item>
                <Checkbox
                  checked={!!g.done}
                  disabled={!canWrite || save.isPending}
                  onChange={(e) => save.mutate({ goals: plan.goals.map((x, k) => (k === i ? { ...x, done: e.target.checked } : x)) })}
                >
                  {g.text}
                  {g.due && <Typography.Text type="secondary" style={{ fontSize: 12 }}> （{t('reserve.growth.dueBy', { date: g.due })}）</Typography.Text>}
                </Checkbox>
              </List.Item>
            )}
          />
        </Col>
        <Col span={7}>
          <Typography.Text strong>{t('reserve.growth.checkpoints')}</Typography.Text>
          <Timeline style={{ marginTop: 8 }} items={plan.checkpoints.map((c, i) => ({ key: i, content: <span style={{ fontSize: 12 }}>{c.date} {c.note}</span> }))} />
        </Col>
        <Col span={7}>
          <Typography.Text strong>{t('reserve.growth.outcomes')}</Typography.Text>
          <Timeline style={{ marginTop: 8 }} items={(plan.outcomes ?? []).map((c, i) => ({ key: i, color: 'green', content: <span style={{ fontSize: 12 }}>{c.date} {c.text}</span> }))} />
          {canWrite && (
            <Space.Compact style={{ width: '100%' }}>
              <Input size="small" value={outcome} onChange={(e) => setOutcome(e.target.value)} placeholder={t('reserve.growth.addOutcome')} maxLength={1000} data-testid="plan-outcome" />
              <Button size="small" disabled={!outcome.trim()} loading={save.isPending} onClick={() => save.mutate({ outcomes: [...(plan.outcomes ?? []), { date: dayjs().format('YYYY-MM-DD'), text: outcome.trim() }] }, { onSuccess: () => setOutcome('') })} data-testid="plan-outcome-add">
                {t('common.add')}
              </Button>
            </Space.Compact>
          )}
        </Col>
      </Row>
    </Card>
  );
}

function NewPlan({ cadreId, name, onDone }: { cadreId: number; name: string; onDone: () => void }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; goals: { text: string; due?: Dayjs }[]; checkpoints: { date: Dayjs; note: string }[] }>();
  const m = useMutation({
    mutationFn: (v: { title: string; goals: { text: string; due?: Dayjs }[]; checkpoints?: { date: Dayjs; note: string }[] }) =>
      api.createRow(cadreId, 'development-plans', {
        title: v.title,
        status: '进行中',
        goals: v.goals.map((g) => ({ text: g.text, due: g.due?.format('YYYY-MM-DD'), done: false })),
        checkpoints: (v.checkpoints ?? []).map((c) => ({ date: c.date.format('YYYY-MM-DD'), note: c.note })),
      }),
    onSuccess: () => (setOpen(false), onDone()),
    onError: (e) => message.error(errorText(e, en)),
  });
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setOpen(true))} data-testid="plan-add">{t('reserve.growth.addPlan')}</Button>
      <Modal open={open} title={t('reserve.growth.addPlan')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={m.isPending} width={680} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ title: t('reserve.growth.planTitle', { name }), goals: [{}], checkpoints: [] }}>
          <Form.Item name="title" label={t('reserve.growth.planName')} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
          <Typography.Text strong>{t('reserve.growth.goals')}</Typography.Text>
          <Form.List name="goals">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true }]}><Input style={{ width: 400 }} maxLength={500} /></Form.Item>
                    <Form.Item name={[f.name, 'due']}><DatePicker placeholder={t('reserve.growth.due')} /></Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>{t('common.delete')}</Button>
                  </Space>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>{t('reserve.growth.addGoal')}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 12 }}><Typography.Text strong>{t('reserve.growth.checkpoints')}</Typography.Text></div>
          <Form.List name="checkpoints">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'date']} rules={[{ required: true }]}><DatePicker /></Form.Item>
                    <Form.Item name={[f.name, 'note']} rules={[{ required: true, whitespace: true }]}><Input style={{ width: 380 }} maxLength={1000} /></Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>{t('common.delete')}</Button>
                  </Space>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>{t('reserve.growth.addCheckpoint')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

/** 调整类型 codes (movementKind) shown on the growth record */
const MOVE_KINDS = ['挂职', '上挂下派', '交流轮岗'];
type MovementForm = { kind: string; status: 'planned' | 'done'; hostUnit?: string; toOrg?: string; range?: [Dayjs, Dayjs | null]; note?: string };

function NewMovement({ cadreId, onDone }: { cadreId: number; onDone: () => void }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MovementForm>();
  const status = Form.useWatch('status', form);
  const m = useMutation({
    mutationFn: (v: MovementForm) =>
      api.createRow(cadreId, 'movements', {
        kind: v.kind,
        status: v.status,
        // a planned movement is dated by its planned start; a done one by its start (or today)
        date: (v.range?.[0] ?? dayjs()).format('YYYY-MM-DD'),
        hostUnit: v.hostUnit || undefined,
        toOrg: v.toOrg || undefined,
        startDate: v.range?.[0]?.format('YYYY-MM-DD'),
        endDate: v.range?.[1]?.format('YYYY-MM-DD'),
        note: v.note || undefined,
      }),
    onSuccess: () => {
      setOpen(false);
      onDone();
    },
    onError: (e) => message.error(errorText(e, en)),
  });
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setOpen(true))}>{t('reserve.growth.addMovement')}</Button>
      <Modal open={open} title={t('reserve.growth.addMovement')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={m.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ kind: '挂职', status: 'planned' }}>
          <Form.Item name="kind" label={t('reserve.growth.kind')} rules={[{ required: true }]}><Select options={MOVE_KINDS.map((k) => ({ value: k, label: k }))} /></Form.Item>
          <Form.Item name="status" label={t('reserve.growth.status')}>
            <Segmented options={[{ value: 'planned', label: t('reserve.growth.planned') }, { value: 'done', label: t('reserve.growth.done') }]} />
          </Form.Item>
          <Form.Item name="hostUnit" label={t('reserve.growth.hostUnit')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="toOrg" label={t('reserve.growth.toOrg')}><Input maxLength={100} /></Form.Item>
          {/* a done movement starts today at the latest (the server refuses later dates); a planned one may start ahead */}
          <Form.Item name="range" label={t('reserve.growth.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker allowEmpty={[false, true]} disabledDate={(d, info) => status === 'done' && info.from == null && d.isAfter(dayjs(), 'day')} data-testid="movement-range" />
          </Form.Item>
          <Form.Item name="note" label={t('reserve.pool.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

const isPlanned = (m: Movement) => m.status === 'planned';
const TRACKED_MOVES = new Set(MOVE_KINDS);

export function MemberGrowth({ cadreId, name, canWrite }: { cadreId: number; name: string; canWrite: boolean }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['reserve-growth', cadreId], queryFn: () => reserveApi.growth(cadreId) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['reserve-growth', cadreId] });
  // a planned 挂职 / 轮岗 carried out: status done (the server refuses it while its dates lie ahead, naming the field)
  const carryOut = useMutation({
    mutationFn: (m: Movement & { version?: number }) => api.updateRow(cadreId, 'movements', m.id, { status: 'done', version: m.version ?? 1 }),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e, en)),
  });
  if (q.isPending) return <Fallback />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const g = q.data;
  const moves = (g.movements ?? []).filter((m) => TRACKED_MOVES.has(m.kind));
  return (
    <div data-testid="member-growth">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('reserve.growth.plans')}</Typography.Text>
        {canWrite && <NewPlan cadreId={cadreId} name={name} onDone={refresh} />}
      </Space>
      {(g.plans ?? []).length === 0 ? <Empty description={t('reserve.growth.noPlan')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : g.plans.map((p) => <PlanCard key={p.id} cadreId={cadreId} plan={p} canWrite={canWrite} />)}
      <Space style={{ margin: '12px 0 8px' }}>
        <Typography.Text strong>{t('reserve.growth.movements')}</Typography.Text>
        {canWrite && <NewMovement cadreId={cadreId} onDone={refresh} />}
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={moves}
        columns={[
          { title: t('reserve.growth.kind'), dataIndex: 'kind', width: 90 },
          {
            title: t('reserve.growth.status'),
            key: 's',
            width: 150,
            render: (_: unknown, m: Movement) => (
              <Space size={4}>
                <Tag color={isPlanned(m) ? 'blue' : 'green'} data-testid="movement-status" data-status={m.status}>{isPlanned(m) ? t('reserve.growth.planned') : t('reserve.growth.done')}</Tag>
                {canWrite && isPlanned(m) && (
                  <Popconfirm title={`${t('reserve.growth.planned')} → ${t('reserve.growth.done')}`} onConfirm={() => carryOut.mutate(m)}>
                    <Button type="link" size="small" loading={carryOut.isPending && carryOut.variables?.id === m.id} data-testid="movement-done">→ {t('reserve.growth.done')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
          { title: t('reserve.growth.hostUnit'), key: 'host', render: (_: unknown, m: Movement) => m.hostUnit ?? m.toOrg ?? '' },
          { title: t('reserve.growth.period'), key: 'p', width: 200, render: (_: unknown, m: Movement) => `${m.startDate ?? m.date} — ${m.endDate ?? ''}` },
          { title: t('reserve.pool.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
    </div>
  );
}

function Plans({ poolId, canWrite }: { poolId?: number; canWrite: boolean }) {
  const { t } = useLang();
  const pool = useQuery({ queryKey: ['reserve-pool', poolId], queryFn: () => reserveApi.pool(poolId!), enabled: !!poolId });
  const [cadreId, setCadreId] = useState<number | undefined>();
  const members = (pool.data?.entries ?? []).filter((e) => e.stage === 'admitted');
  const chosen = members.find((m) => m.cadreId === cadreId);
  if (!poolId) return <Empty description={t('reserve.common.pickPool')} />;
  return (
    <>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 360, marginBottom: 12 }}
        placeholder={t('reserve.growth.pickMember')}
        loading={pool.isPending}
        value={cadreId}
        onChange={setCadreId}
        options={members.map((m) => ({ value: m.cadreId, label: `${m.name}　${m.orgName ?? ''} ${m.currentPostTitle ?? ''}` }))}
        data-testid="growth-member"
      />
      {chosen ? <MemberGrowth cadreId={chosen.cadreId} name={chosen.name} canWrite={canWrite} /> : <Empty description={t('reserve.growth.pickMember')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </>
  );
}

export default function GrowthPage() {
  const { t } = useLang();
  const me = useMe();
  const pools = usePools();
  const canWrite = !!me.data?.permissions.canWrite;
  const [poolId, setPoolId] = useState<number | undefined>();
  // default: the first 优秀年轻干部 pool
  const effectivePool = poolId ?? pools.data?.items.find((p) => p.kind === '优秀年轻干部')?.id ?? pools.data?.items[0]?.id;
  return (
    <div data-testid="reserve-growth-page">
      <h1 className="page-title">{t('reserve.growth.title')}</h1>
      <Typography.Paragraph type="secondary">{t('reserve.growth.hint')}</Typography.Paragraph>
      <Card size="small">
        <Tabs
          tabBarExtraContent={<PoolSelect value={effectivePool} onChange={setPoolId} testId="growth-pool" />}
          items={[
            { key: 'mentors', label: t('reserve.growth.mentorTab'), children: <Mentors canWrite={canWrite} /> },
            { key: 'training', label: t('reserve.growth.trainingTab'), children: <Training poolId={effectivePool} /> },
            { key: 'plans', label: t('reserve.growth.planTab'), children: <Plans poolId={effectivePool} canWrite={canWrite} /> },
          ]}
        />
      </Card>
    </div>
  );
}
