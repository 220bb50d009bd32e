/**
 * 储备库详情: the members of one pool — cadre, unit/post, field, workflow stage with the allowed steps
 * (单位推荐 → 组织考察 → 比选研究 → 入库; 未入库 / 出库 with a reason), suggested vs confirmed tier, 推荐集中度,
 * 成熟度 with its explanation; nominate, step, confirm a tier, history drawer, the 9-box grid, export.
 */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Popover, Radio, Row, Segmented, Select, Space, Spin, Statistic, Table, Tabs, Tag, Timeline, Tooltip, Typography,
} from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { allowedActions, suggestTier, type RulesConfig } from '@cadre/core';
import { useMe, useRules } from '../../api/hooks';
import { reserveApi, TIERS, type NineBox, type PoolAction, type PoolEntry, type Stage, type Tier } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { asTier, CadreSelect, errorText, KIND_FIELDS, maturityScore, pct, StageTag, suggestedOf, suggestionReasons, TIER_COLORS, TierTag, useLang } from './shared';

const STAGE_FILTERS = ['active', 'process', 'admitted', 'left', 'all'] as const;
type StageFilter = (typeof STAGE_FILTERS)[number];
const inFilter = (s: Stage, f: StageFilter) =>
  f === 'all' ? true : f === 'active' ? s !== 'exited' && s !== 'rejected' : f === 'process' ? ['nominated', 'inspected', 'compared'].includes(s) : f === 'admitted' ? s === 'admitted' : s === 'exited' || s === 'rejected';

/** 成熟度 with its explanation, fetched when the popover opens */
export function MaturityCell({ cadreId, value }: { cadreId: number; value: number | null | undefined }) {
  const { t, en } = useLang();
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: ['maturity', cadreId], queryFn: () => reserveApi.maturity(cadreId), enabled: open });
  const score = maturityScore(value);
  const content = (
    <div style={{ width: 380 }} data-testid="maturity-explain">
      {q.isPending ? (
        <Spin size="small" />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data ? (
        <>
          <Space wrap size={[4, 4]} style={{ marginBottom: 6 }}>
            {Object.entries(q.data.maturity.parts).map(([k, v]) =>
              v == null ? null : (
                <Tag key={k}>
                  {t(`reserve.maturityPart.${k}`, { defaultValue: k })} {Math.round(v)}
                </Tag>
              ),
            )}
          </Space>
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {q.data.maturity.factors.map((f, i) => (
              <li key={i} style={{ color: f.effect === '-' ? '#cf1322' : f.effect === '+' ? '#389e0d' : undefined }}>
                {en ? f.detailEn : f.detail}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
  return (
    <Popover content={content} title={t('reserve.common.maturity')} trigger="click" open={open} onOpenChange={setOpen}>
      <Button type="link" size="small" style={{ padding: 0 }} data-testid={`maturity-${cadreId}`}>
        {score == null ? '—' : score.toFixed(1)}
      </Button>
    </Popover>
  );
}

interface TransitionState { entry: PoolEntry; action: PoolAction }

export default function PoolDetailPage() {
  const { id: idParam } = useParams();
  const poolId = Number(idParam);
  const { t, bi } = useLang();
  const qc = useQueryClient();
  const me = useMe();
  const rules = useRules();
  const canWrite = !!me.data?.permissions.canWrite;
  const res = useQuery({ queryKey: ['reserve-pool', poolId], queryFn: () => reserveApi.pool(poolId), enabled: Number.isFinite(poolId) });
  const [tab, setTab] = useState('members');
  const [stageFilter, setStageFilter] = useState<StageFilter>('active');
  const [tierFilter, setTierFilter] = useState<Tier | 'none' | undefined>();
  const [search, setSearch] = useState('');
  const [nominating, setNominating] = useState(false);
  const [transition, setTransition] = useState<TransitionState | null>(null);
  const [confirming, setConfirming] = useState<{ entry: PoolEntry; tier?: Tier } | null>(null);
  const [historyOf, setHistoryOf] = useState<PoolEntry | null>(null);

  const reserveRules = (rules.data?.config as { reserve?: { exitReasons?: string[]; rejectReasons?: string[] } } | undefined)?.reserve;
  const invalidate = () => {
    void qc.invalidateQueries({ queryKey: ['reserve-pool', poolId] });
    void qc.invalidateQueries({ queryKey: ['reserve-nine-box', poolId] });
    void qc.invalidateQueries({ queryKey: ['reserve-pools'] });
    void qc.invalidateQueries({ queryKey: ['reserve-history'] });
  };

  const entries = res.data?.entries ?? [];
  const rows = useMemo(() => {
    const s = search.trim();
    return entries.filter((e) => {
      if (!inFilter(e.stage, stageFilter)) return false;
      const tier = asTier(e.confirmedTier) ?? suggestedOf(e);
      if (tierFilter === 'none' ? tier != null : tierFilter && tier !== tierFilter) return false;
      return !s || e.name.includes(s) || (e.orgName ?? '').includes(s);
    });
  }, [entries, stageFilter, tierFilter, search]);

  if (res.isPending) return <Fallback />;
  if (res.error) return <ErrorAlert error={res.error} />;
  const { pool } = res.data;
  const admitted = entries.filter((e) => e.stage === 'admitted');
  const tierCount = (tier: Tier) => admitted.filter((e) => (asTier(e.confirmedTier) ?? suggestedOf(e)) === tier).length;
  const unconfirmed = admitted.filter((e) => !asTier(e.confirmedTier)).length;
  const fields = KIND_FIELDS[pool.kind];

  const columns = [
    {
      title: t('reserve.common.name'),
      key: 'name',
      width: 110,
      render: (_: unknown, e: PoolEntry) => (
        <Space size={2}>
          <Link to={`/cadres/${e.cadreId}`} data-testid="entry-name">{e.name}</Link>
          {e.sex === '2' && <Tag style={{ marginInlineEnd: 0 }}>{t('reserve.common.female')}</Tag>}
        </Space>
      ),
    },
    { title: t('reserve.common.age'), dataIndex: 'age', width: 56 },
    { title: t('reserve.common.post'), key: 'post', ellipsis: true, render: (_: unknown, e: PoolEntry) => `${e.orgName ?? ''} ${e.currentPostTitle ?? ''}` },
    { title: t('reserve.common.field'), key: 'field', width: 90, render: (_: unknown, e: PoolEntry) => e.field ?? '' },
    {
      title: t('reserve.common.stage'),
      key: 'stage',
      width: 210,
      render: (_: unknown, e: PoolEntry) => (
        <Space size={4} wrap>
          <StageTag stage={e.stage} />
          {canWrite &&
            (e.allowedActions ?? allowedActions(e.stage)).map((a) => (
              <Button key={a} size="small" type={a === 'reject' || a === 'exit' ? 'default' : 'primary'} ghost={a !== 'reject' && a !== 'exit'} danger={a === 'reject' || a === 'exit'} onClick={() => setTransition({ entry: e, action: a })} data-testid={`action-${a}-${e.id}`}>
                {t(`reserve.action.${a}`)}
              </Button>
            ))}
        </Space>
      ),
    },
    {
      title: t('reserve.common.suggestedTier'),
      key: 'suggested',
      width: 96,
      render: (_: unknown, e: PoolEntry) => {
        const reasons = suggestionReasons(e);
        const tag = <TierTag tier={suggestedOf(e)} suggested testId={`suggested-${e.id}`} />;
        return reasons.length ? <Tooltip title={reasons.map(bi).join('；')}>{<span>{tag}</span>}</Tooltip> : tag;
      },
    },
    {
      title: t('reserve.common.confirmedTier'),
      key: 'confirmed',
      width: 150,
      render: (_: unknown, e: PoolEntry) => (
        <Space size={4}>
          <TierTag tier={asTier(e.confirmedTier)} testId={`confirmed-${e.id}`} />
          {canWrite && e.stage === 'admitted' && (
            <Button size="small" type="link" onClick={() => setConfirming({ entry: e })} data-testid={`confirm-tier-${e.id}`}>
              {asTier(e.confirmedTier) ? t('reserve.pool.change') : t('reserve.pool.confirm')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('reserve.common.concentration'),
      key: 'concentration',
      width: 96,
      align: 'right' as const,
      sorter: (a: PoolEntry, b: PoolEntry) => (a.concentration ?? -1) - (b.concentration ?? -1),
      render: (_: unknown, e: PoolEntry) =>
        e.concentration == null ? (
          <Typography.Text type="secondary">{t('reserve.pool.noRound')}</Typography.Text>
        ) : (
          <Tooltip title={e.concentrationRound ? `${e.concentrationRound.name ?? ''} ${e.concentrationRound.date}` : undefined}>
            <span data-testid={`concentration-${e.id}`}>{pct(e.concentration)}</span>
          </Tooltip>
        ),
    },
    {
      title: t('reserve.common.maturity'),
      key: 'maturity',
      width: 80,
      align: 'right' as const,
      sorter: (a: PoolEntry, b: PoolEntry) => (a.maturity ?? -1) - (b.maturity ?? -1),
      render: (_: unknown, e: PoolEntry) => <MaturityCell cadreId={e.cadreId} value={e.maturity} />,
    },
    {
      title: '',
      key: 'history',
      width: 44,
      render: (_: unknown, e: PoolEntry) => (
        <Tooltip title={t('reserve.pool.history')}>
          <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => setHistoryOf(e)} data-testid={`history-${e.id}`} aria-label={t('reserve.pool.history')} />
        </Tooltip>
      ),
    },
  ];

  return (
    <div data-testid="reserve-pool-page">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/reserve">{t('reserve.pools.title')}</Link> }, { title: pool.name }]} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={16} align="middle">
          <Col flex="auto">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="pool-name">{pool.name}</Typography.Title>
            <Typography.Text type="secondary">
              {pool.kind}
              {pool.level ? ` · ${pool.level}` : ''}
              {pool.description ? ` · ${pool.description}` : ''}
            </Typography.Text>
          </Col>
          <Col><Statistic title={t('reserve.pools.admitted')} value={admitted.length} /></Col>
          {TIERS.map((tier) => (
            <Col key={tier}><Statistic title={t(`reserve.tier.${tier}`)} value={tierCount(tier)} styles={{ content: { color: TIER_COLORS[tier] } }} /></Col>
          ))}
          <Col><Statistic title={t('reserve.pool.unconfirmed')} value={unconfirmed} /></Col>
          <Col>
            <Space orientation="vertical">
              {canWrite && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="nominate">
                  {t('reserve.pool.nominate')}
                </Button>
              )}
            </Space>
          </Col>
        </Row>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'members',
              label: <span data-testid="tab-members">{t('reserve.pool.members')}</span>,
              children: (
                <>
                  <Space wrap style={{ marginBottom: 8 }}>
                    <Segmented value={stageFilter} onChange={(v) => setStageFilter(v as StageFilter)} options={STAGE_FILTERS.map((f) => ({ value: f, label: t(`reserve.pool.filter.${f}`) }))} data-testid="stage-filter" />
                    <Select
                      allowClear
                      style={{ width: 140 }}
                      placeholder={t('reserve.common.tier')}
                      value={tierFilter}
                      onChange={setTierFilter}
                      options={[...TIERS.map((x) => ({ value: x, label: t(`reserve.tier.${x}`) })), { value: 'none', label: t('reserve.pool.noTier') }]}
                    />
                    <Input.Search allowClear placeholder={t('reserve.pool.search')} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 220 }} />
                    <Typography.Text type="secondary">{t('reserve.pool.shown', { n: rows.length })}</Typography.Text>
                  </Space>
                  <Table size="small" rowKey="id" dataSource={rows} columns={columns} pagination={{ pageSize: 50, showSizeChanger: true }} data-testid="entry-table" scroll={{ x: 1200 }} />
                </>
              ),
            },
            {
              key: 'nineBox',
              label: <span data-testid="tab-nine-box">{t('reserve.nineBox.title')}</span>,
              children: tab === 'nineBox' ? <NineBoxGrid poolId={poolId} canWrite={canWrite} entries={entries} onMove={(entry, tier) => setConfirming({ entry, tier })} /> : null,
            },
          ]}
        />
      </Card>

      <NominateDialog open={nominating} poolId={poolId} fields={fields} onClose={() => setNominating(false)} onDone={invalidate} />
      <TransitionDialog state={transition} exitReasons={reserveRules?.exitReasons ?? []} rejectReasons={reserveRules?.rejectReasons ?? []} onClose={() => setTransition(null)} onDone={invalidate} />
      <ConfirmTierDialog state={confirming} onClose={() => setConfirming(null)} onDone={invalidate} />
      <HistoryDrawer entry={historyOf} onClose={() => setHistoryOf(null)} />
    </div>
  );

}

function NominateDialog(p: { open: boolean; poolId: number; fields?: string[]; onClose: () => void; onDone: () => void }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cadreId: number; field?: string; reason: string; date?: Dayjs }>();
  const m = useMutation({
    mutationFn: (v: { cadreId: number; field?: string; reason: string; date?: Dayjs }) =>
      reserveApi.nominate(p.poolId, { cadreId: v.cadreId, field: v.field || undefined, reason: v.reason, date: v.date?.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success(t('reserve.pool.nominated'));
      p.onClose();
      p.onDone();
    },
    onError: (e) => message.error(errorText(e, en)),
  });
  return (
    <Modal open={p.open} title={t('reserve.pool.nominate')} onCancel={p.onClose} onOk={() => form.submit()} confirmLoading={m.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'nominate-ok' }}>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ date: dayjs() }}>
        <Form.Item name="cadreId" label={t('reserve.common.cadre')} rules={[{ required: true, message: t('reserve.pool.pickCadre') }]}>
          <CadreSelect onChange={(v) => form.setFieldValue('cadreId', v)} testId="nominate-cadre" width="100%" />
        </Form.Item>
        <Form.Item name="field" label={t('reserve.common.field')}>
          {p.fields ? <Select allowClear options={p.fields.map((f) => ({ value: f, label: f }))} /> : <Input maxLength={50} />}
        </Form.Item>
        <Form.Item name="reason" label={t('reserve.pool.nominateReason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('reserve.pool.nominateReasonHint')} data-testid="nominate-reason" />
        </Form.Item>
        <Form.Item name="date" label={t('reserve.common.date')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TransitionDialog(p: { state: TransitionState | null; exitReasons: string[]; rejectReasons: string[]; onClose: () => void; onDone: () => void }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string; exitReason?: string; date?: Dayjs }>();
  const action = p.state?.action;
  const m = useMutation({
    mutationFn: (v: { reason?: string; exitReason?: string; date?: Dayjs }) =>
      reserveApi.transition(p.state!.entry.id, {
        action: action!,
        reason: v.reason?.trim() || undefined,
        exitReason: v.exitReason || undefined,
        date: v.date?.format('YYYY-MM-DD'),
        version: p.state!.entry.version,
      }),
    onSuccess: () => {
      message.success(t('reserve.pool.stepDone', { step: t(`reserve.action.${action}`) }));
      p.onClose();
      p.onDone();
    },
    onError: (e) => message.error(errorText(e, en)),
  });
  if (!p.state) return null;
  const needsReason = action === 'reject' || action === 'exit';
  return (
    <Modal open title={`${p.state.entry.name} · ${t(`reserve.action.${action}`)}`} onCancel={p.onClose} onOk={() => form.submit()} confirmLoading={m.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'transition-ok' }}>
      <Typography.Paragraph type="secondary">
        <StageTag stage={p.state.entry.stage} /> → {t(`reserve.actionTo.${action}`)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ date: dayjs() }}>
        {action === 'exit' && (
          <Form.Item name="exitReason" label={t('reserve.pool.exitReason')} rules={[{ required: true, message: t('reserve.pool.exitReasonRequired') }]}>
            <Select options={p.exitReasons.map((r) => ({ value: r, label: r }))} data-testid="exit-reason" />
          </Form.Item>
        )}
        {action === 'reject' && p.rejectReasons.length > 0 && (
          <Form.Item name="exitReason" label={t('reserve.pool.rejectCategory')}>
            <Select allowClear options={p.rejectReasons.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('reserve.pool.reason')} rules={needsReason ? [{ required: true, whitespace: true, message: t('reserve.pool.reasonRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={500} data-testid="transition-reason" />
        </Form.Item>
        <Form.Item name="date" label={t('reserve.common.date')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConfirmTierDialog(p: { state: { entry: PoolEntry; tier?: Tier } | null; onClose: () => void; onDone: () => void }) {
  const { t, en, bi } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ tier: Tier; note?: string }>();
  const m = useMutation({
    mutationFn: (v: { tier: Tier; note?: string }) => reserveApi.confirmTier(p.state!.entry.id, { tier: v.tier, note: v.note?.trim() || undefined, version: p.state!.entry.version }),
    onSuccess: () => {
      message.success(t('reserve.pool.tierConfirmed'));
      p.onClose();
      p.onDone();
    },
    onError: (e) => message.error(errorText(e, en)),
  });
  if (!p.state) return null;
  const e = p.state.entry;
  const suggested = suggestedOf(e);
  const reasons = suggestionReasons(e);
  return (
    <Modal open title={`${e.name} · ${t('reserve.pool.confirmTier')}`} onCancel={p.onClose} onOk={() => form.submit()} confirmLoading={m.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'confirm-tier-ok' }}>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('reserve.common.suggestedTier')}>
          <TierTag tier={suggested} suggested />
          {reasons.length > 0 && <div style={{ fontSize: 12, color: '#595959' }}>{reasons.map(bi).join('；')}</div>}
        </Descriptions.Item>
        <Descriptions.Item label={t('reserve.common.concentration')}>{pct(e.concentration)}</Descriptions.Item>
        <Descriptions.Item label={t('reserve.common.maturity')}>{maturityScore(e.maturity)?.toFixed(1) ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reserve.common.confirmedTier')}><TierTag tier={asTier(e.confirmedTier)} /></Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ tier: p.state.tier ?? asTier(e.confirmedTier) ?? suggested ?? undefined }}>
        <Form.Item name="tier" label={t('reserve.pool.decision')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={TIERS.map((x) => ({ value: x, label: <span data-testid={`tier-option-${x}`}>{t(`reserve.tier.${x}`)}</span> }))} />
        </Form.Item>
        <Form.Item name="note" label={t('reserve.pool.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('reserve.pool.noteHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HistoryDrawer({ entry, onClose }: { entry: PoolEntry | null; onClose: () => void }) {
  const { t, en } = useLang();
  const q = useQuery({ queryKey: ['reserve-history', entry?.id], queryFn: async () => (await reserveApi.history(entry!.id)).events, enabled: !!entry });
  return (
    <Drawer open={!!entry} onClose={onClose} title={entry ? `${entry.name} · ${t('reserve.pool.history')}` : ''} size={520} destroyOnHidden>
      <ErrorAlert error={q.error} />
      {q.isPending && entry ? (
        <Fallback />
      ) : (
        <div data-testid="history-list">
          {(q.data ?? []).length === 0 ? (
            <Empty />
          ) : (
            <Timeline
              items={(q.data ?? []).map((h) => ({
                key: String(h.id),
                color: h.kind.includes('tier') ? 'green' : h.toStage === 'exited' || h.toStage === 'rejected' ? 'red' : 'blue',
                content: (
                  <div>
                    <div>
                      <b>{t(`reserve.event.${h.kind}`, { defaultValue: h.kind })}</b>
                      {h.fromStage && h.toStage && (
                        <span> · {t(`reserve.stage.${h.fromStage}`)} → {t(`reserve.stage.${h.toStage}`)}</span>
                      )}
                      {!h.fromStage && h.toStage && <span> · {t(`reserve.stage.${h.toStage}`)}</span>}
                      {h.tier && <span> · <TierTag tier={asTier(h.tier)} suggested={h.kind === 'tier_suggestion'} /></span>}
                    </div>
                    {(h.reason || h.exitReason) && <div>{[h.exitReason, h.reason].filter(Boolean).join('；')}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {h.date} {h.by?.displayName ?? h.by?.username ?? ''} · {t('reserve.pool.recordedAt')} {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          )}
          {!en && null}
        </div>
      )}
    </Drawer>
  );
}

/** the 3 × 3 grid (推荐集中度 across, 成熟度 up); drag a member onto another cell (or click them) to confirm a tier */
function NineBoxGrid({ poolId, canWrite, entries, onMove }: { poolId: number; canWrite: boolean; entries: PoolEntry[]; onMove: (e: PoolEntry, tier?: Tier) => void }) {
  const { t, bi } = useLang();
  const rules = useRules();
  const q = useQuery({ queryKey: ['reserve-nine-box', poolId], queryFn: () => reserveApi.nineBox(poolId) });
  const [dragging, setDragging] = useState<number | null>(null);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  if (q.isPending) return <Fallback />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const grid: NineBox = q.data;
  const cell = (row: number, col: number) => grid.cells.find((c) => c.row === row && c.col === col);
  const { concentration: cc, maturity: cm } = grid.cuts;
  /** the tier a cell stands for: core suggestTier at the cell's lower corner (rules in force) */
  const cellTier = (row: number, col: number): Tier | undefined => {
    const config = rules.data?.config as unknown as RulesConfig | undefined;
    if (!config?.reserveTiers || !config.reserve) return undefined;
    const c = [0, cc.low, cc.high][col];
    const m = [0, cm.low, cm.high][row];
    return suggestTier(c, m, config).tier;
  };
  const band = (low: string, high: string, k: number) => (k === 2 ? `≥${high}` : k === 1 ? `${low}–${high}` : `<${low}`);
  return (
    <div data-testid="nine-box">
      <Typography.Paragraph type="secondary">{t('reserve.nineBox.hint')}</Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: '28px repeat(3, 1fr)', gap: 6 }}>
        {[2, 1, 0].map((row) => (
          <div key={row} style={{ display: 'contents' }}>
            <div style={{ writingMode: 'vertical-rl', textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>
              {t(`reserve.nineBox.m${row}`)} {band(String(cm.low), String(cm.high), row)}
            </div>
            {[0, 1, 2].map((col) => {
              const c = cell(row, col);
              const tier = cellTier(row, col);
              return (
                <div
                  key={col}
                  data-testid={`nine-box-${row}-${col}`}
                  data-tier={tier}
                  onDragOver={(ev) => canWrite && dragging != null && ev.preventDefault()}
                  onDrop={(ev) => {
                    ev.preventDefault();
                    const e = dragging != null ? byId.get(dragging) : undefined;
                    setDragging(null);
                    if (e) onMove(e, tier);
                  }}
                  style={{ minHeight: 130, border: '1px solid #f0f0f0', borderTop: `3px solid ${tier ? TIER_COLORS[tier] : '#d9d9d9'}`, borderRadius: 4, padding: 6, background: '#fff' }}
                >
                  <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, marginBottom: 4 }}>
                    <span>
                      <b>{c ? bi(c.label) : ''}</b>
                      {tier && <span style={{ color: TIER_COLORS[tier] }}> · {t(`reserve.tier.${tier}`)}</span>}
                    </span>
                    <span style={{ color: '#8c8c8c' }}>{t('reserve.common.persons', { n: c?.members.length ?? 0 })}</span>
                  </div>
                  <Space size={[4, 4]} wrap>
                    {(c?.members ?? []).map((m) => {
                      const confirmed = asTier(m.confirmedTier);
                      const entry = byId.get(m.id) ?? m;
                      return (
                        <Tag
                          key={m.id}
                          draggable={canWrite}
                          onDragStart={() => setDragging(m.id)}
                          onDragEnd={() => setDragging(null)}
                          onClick={() => canWrite && onMove(entry, confirmed ?? tier)}
                          style={{ cursor: canWrite ? 'grab' : undefined, marginInlineEnd: 0, borderColor: confirmed ? TIER_COLORS[confirmed] : undefined }}
                          title={`${t('reserve.common.concentration')} ${pct(m.concentration)} · ${t('reserve.common.maturity')} ${maturityScore(m.maturity)?.toFixed(1) ?? '—'}${confirmed ? ` · ${t(`reserve.tier.${confirmed}`)}` : ''}`}
                          data-testid="nine-box-member"
                        >
                          {m.name}
                          {confirmed && <span style={{ color: TIER_COLORS[confirmed] }}> ●</span>}
                        </Tag>
                      );
                    })}
                  </Space>
                </div>
              );
            })}
          </div>
        ))}
        <div />
        {[0, 1, 2].map((col) => (
          <div key={col} style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>
            {t(`reserve.nineBox.c${col}`)} {band(pct(cc.low, 0), pct(cc.high, 0), col)}
          </div>
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('reserve.nineBox.legend')}
      </Typography.Paragraph>
    </div>
  );
}
