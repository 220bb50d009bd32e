/** 班子运行全息图: one screen per team (GET /api/teams/:id/analysis and /history; docs/analysis.md). */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Card, Col, Empty, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { api } from '../../api/client';
import { useCodes } from '../../api/hooks';
import type { LedgerItem, MemberCard, TeamAnalysis, TeamHistory } from '../../api/types';
import { ErrorAlert, Fallback } from '../../components/common';
import '../../i18n/analysis';
import { EChart } from '../../components/EChart';
import { tint } from './Overview';
import { DEGREES, fitApi, type BarometerRow } from '../fit/api';

const GREY = '#bfbfbf';
const PRIORITY_COLOR: Record<LedgerItem['priority'], string> = { high: 'red', medium: 'gold', low: 'default' };

/** A member card's stripe: the colour of the most serious thing about this member. */
function memberStatus(m: MemberCard, colors: TeamAnalysis['colors'], lowIds: Set<number>): { color: string; level: 'red' | 'blue' | 'ok' } {
  if (m.rotation === 'must' || m.pastRetirement || lowIds.has(m.cadreId) || (m.isChief && (m.missingExperience.length > 0 || !m.grassroots)))
    return { color: colors.red, level: 'red' };
  if (m.rotation === 'should' || m.retiringSoon) return { color: colors.blue, level: 'blue' };
  return { color: GREY, level: 'ok' };
}

export default function HologramPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const id = Number(useParams().id);
  const a = useQuery({ queryKey: ['team-analysis', id], queryFn: () => api.teamAnalysis(id), enabled: id > 0 });
  const h = useQuery({ queryKey: ['team-history', id], queryFn: () => api.teamHistory(id), enabled: id > 0 });

  if (a.isPending) return <Fallback />;
  if (a.error) return <ErrorAlert error={a.error} />;
  const d = a.data;
  const f = d.figures;
  const lowIds = new Set(d.assessments.low);

  return (
    <div data-testid="team-hologram" data-team-id={d.team.id} data-color={d.color}>
      <Link to="/teams" className="back-link" data-testid="hologram-back">
        <ArrowLeftOutlined /> {t('hologram.back')}
      </Link>
      <Card size="small" className="hologram-head" style={{ borderTop: `4px solid ${d.hex}`, marginBottom: 12 }}>
        <div className="hologram-title">
          <span className="status" style={{ background: d.hex }} data-testid="hologram-color">{t(`teams.colorName.${d.color}`)}</span>
          <div>
            <h1 className="page-title" style={{ margin: 0 }} data-testid="hologram-name">{d.team.name}</h1>
            <Typography.Text type="secondary">
              {t('hologram.title')} · {d.team.orgName} · {t(`teams.kinds.${d.team.unitKind}`, { defaultValue: d.team.unitKind })} · {d.team.kind} · {t('teams.asOf', { date: d.asOf })}
            </Typography.Text>
          </div>
        </div>
        <div className="hologram-figures" data-testid="hologram-figures">
          <Fig label={t('hologram.figures.quota')} value={f.quota} />
          <Fig label={t('hologram.figures.filled')} value={f.filled} />
          <Fig label={t('hologram.figures.vacancies')} value={f.vacancies} alert={f.vacancies > 0} />
          <Fig label={t('hologram.figures.meanAge')} value={f.meanAge == null ? '—' : (Math.round(f.meanAge * 10) / 10).toFixed(1)} />
          <Fig label={t('hologram.figures.range')} value={f.youngestAge == null ? '—' : `${f.youngestAge}–${f.oldestAge}`} />
          <Fig label={t('hologram.figures.young')} value={f.youngCount} alert={f.youngCount === 0} />
          <Fig label={t('hologram.figures.women')} value={f.women} alert={f.women === 0} />
          <Fig label={t('hologram.figures.nonParty')} value={f.nonParty} />
          <Fig label={t('hologram.figures.minority')} value={f.minority} />
        </div>
      </Card>

      <Row gutter={12}>
        <Col span={15}>
          <Card size="small" title={t('hologram.members')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hologram.legend')}</Typography.Text>} style={{ marginBottom: 12 }} data-testid="team-members">
            {d.positions.length === 0 && <Empty />}
            {d.positions.map((p) => (
              <div key={p.id} className="post-row" data-testid="post-row">
                <div className="post-label">
                  <div className="title">{p.title}</div>
                  <div className="sub">
                    {p.levelName ?? p.level ?? ''} · {t('hologram.quota', { quota: p.quota, filled: p.filled })}
                  </div>
                  <div>
                    {p.isChief && <Tag color="red" bordered={false}>{t('hologram.chief')}</Tag>}
                    {p.isKey && <Tag bordered={false}>{t('hologram.key')}</Tag>}
                  </div>
                </div>
                <div className="post-cards">
                  {p.members.map((m) => (
                    <Member key={`${m.cadreId}-${m.kind}`} m={m} status={memberStatus(m, d.colors, lowIds)} low={lowIds.has(m.cadreId)} />
                  ))}
                  {Array.from({ length: p.vacancies }, (_, i) => (
                    <div key={`v${i}`} className="member-card vacancy-card" data-testid="vacancy-card" style={{ borderColor: d.colors.red }}>
                      <div className="name" style={{ color: d.colors.red }}>{t('hologram.vacancy')}</div>
                      <div className="sub">{t('hologram.vacancyLevel', { level: p.levelName ?? '' })}</div>
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </Card>
          <Card size="small" title={t('hologram.ledger')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hologram.ledgerHint')}</Typography.Text>} data-testid="team-ledger">
            {d.ledger.length === 0 ? (
              <Empty description={t('hologram.noLedger')} />
            ) : (
              <ol className="ledger">
                {d.ledger.map((l, i) => (
                  <li key={i} data-testid="ledger-item" data-priority={l.priority} data-kind={l.kind}>
                    <Tag color={PRIORITY_COLOR[l.priority]} style={{ minWidth: 28, textAlign: 'center' }}>{t(`hologram.priority.${l.priority}`)}</Tag>
                    <span className="text">
                      {l.cadreId ? <Link to={`/cadres/${l.cadreId}`}>{l.text}</Link> : l.text}
                    </span>
                    <span className="reason">{l.reason}</span>
                    {l.due && <span className="due">{t('hologram.due', { date: l.due })}</span>}
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <TeamBarometer teamId={d.team.id} />
        </Col>
        <Col span={9}>
          <Card size="small" title={t('hologram.indicators')} style={{ marginBottom: 12 }} data-testid="team-indicators">
            {d.hits.length === 0 ? (
              <div className="indicator ok" style={{ borderColor: d.colors.green }}>
                <Tag color={d.colors.green}>{t('teams.colorName.green')}</Tag>
                {t('hologram.noHits')}
              </div>
            ) : (
              d.hits.map((hit) => (
                <div key={hit.id} className="indicator" style={{ borderColor: d.colors[hit.color], background: tint(d.colors[hit.color], 0.05) }} data-testid="team-indicator" data-color={hit.color} data-id={hit.id}>
                  <div>
                    <Tag color={d.colors[hit.color]}>{t(`teams.colorName.${hit.color}`)}</Tag>
                    <strong>{hit.name}</strong>
                  </div>
                  <div className="reason" data-testid="team-indicator-reason">{en ? hit.reason.en : hit.reason.zh}</div>
                  {hit.source && <div className="source">{t('hologram.source', { s: hit.source })}</div>}
                </div>
              ))
            )}
          </Card>
          <Card size="small" title={t('hologram.history')} style={{ marginBottom: 12 }} data-testid="team-history">
            <History h={h.data} error={h.error} />
          </Card>
          <Card size="small" title={t('hologram.radar')} style={{ marginBottom: 12 }}>
            <Radar d={d} />
          </Card>
          <Card size="small" title={t('hologram.coverage')}>
            <CoverageBlock d={d} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Fig({ label, value, alert }: { label: string; value: number | string; alert?: boolean }) {
  return (
    <div className="fig">
      <div className="v" style={alert ? { color: '#cf1322' } : undefined}>{value}</div>
      <div className="l">{label}</div>
    </div>
  );
}

function Member({ m, status, low }: { m: MemberCard; status: { color: string; level: string }; low: boolean }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const flags: { key: string; color?: string }[] = [];
  if (m.young) flags.push({ key: 'young', color: 'red' });
  if (m.sex === '2') flags.push({ key: 'woman', color: 'magenta' });
  if (m.nonParty) flags.push({ key: 'nonParty', color: 'blue' });
  if (m.minority) flags.push({ key: 'minority', color: 'cyan' });
  if (m.rotation === 'must') flags.push({ key: 'must', color: 'red' });
  else if (m.rotation === 'should') flags.push({ key: 'should', color: 'gold' });
  if (m.pastRetirement) flags.push({ key: 'past', color: 'red' });
  else if (m.retiringSoon) flags.push({ key: 'retiring', color: 'gold' });
  if (low) flags.push({ key: 'lowAssessment', color: 'red' });
  if (m.isChief && (m.missingExperience.length > 0 || !m.grassroots)) flags.push({ key: 'missingExperience', color: 'red' });
  const tip = [
    m.positionTitle + (m.kind !== '任职' ? `（${m.kind}）` : ''),
    [m.educationGroup, codes.name('degree', m.highestDegree), m.specialtyCategory].filter(Boolean).join(' · '),
    m.experienceTypes.length ? m.experienceTypes.join('、') : '',
    m.lastAssessment ? `${m.lastAssessment.year}：${m.lastAssessment.result}` : '',
    m.retirementDate ? `退休 ${m.retirementDate}` : '',
  ].filter(Boolean);
  return (
    <Tooltip title={<div>{tip.map((s, i) => <div key={i}>{s}</div>)}</div>}>
      <Link to={`/cadres/${m.cadreId}`} className="member-card" style={{ borderLeftColor: status.color }} data-testid="member-card" data-cadre-id={m.cadreId} data-status={status.level}>
        <div className="name">
          {m.name}
          {m.kind !== '任职' && <span className="kind">{m.kind}</span>}
        </div>
        <div className="sub">
          {m.age != null ? t('hologram.age', { age: m.age }) : ''} · {m.educationGroup ?? ''}
          {m.yearsInPost != null ? ` · ${t('hologram.inPost', { y: Math.floor(m.yearsInPost) })}` : ''}
        </div>
        <div className="flags">
          {flags.map((f) => (
            <Tag key={f.key} color={f.color} bordered={false} data-testid={`member-flag-${f.key}`}>{t(`hologram.flags.${f.key}`)}</Tag>
          ))}
        </div>
      </Link>
    </Tooltip>
  );
}

function History({ h, error }: { h: TeamHistory | undefined; error: unknown }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  if (error) return <ErrorAlert error={error} />;
  if (!h) return <Fallback />;
  return (
    <>
      <div className="history-strip">
        {h.items.map((q) => (
          <Tooltip
            key={q.quarter}
            title={
              <div>
                <div>{q.date} · {t('hologram.memberCount', { n: q.memberCount })}</div>
                {q.reasons.length ? q.reasons.map((r) => <div key={r.id}>· {en ? r.reason.en : r.reason.zh}</div>) : <div>{t('teams.noReason')}</div>}
              </div>
            }
          >
            <div className="q" data-testid="team-history-item" data-quarter={q.quarter} data-color={q.color}>
              <div className="cell" style={{ background: q.hex }}>{t(`teams.colorName.${q.color}`)}</div>
              <div className="label">{q.quarter}</div>
            </div>
          </Tooltip>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hologram.historyHint', { n: h.items.length })}</Typography.Text>
    </>
  );
}

function Radar({ d }: { d: TeamAnalysis }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, data: [t('hologram.current'), t('hologram.target')] },
      radar: {
        radius: '62%',
        center: ['50%', '48%'],
        indicator: d.radar.map((r) => ({ name: r.target == null ? r.label : `${r.label}*`, max: 1, min: 0 })),
        axisName: { color: '#595959', fontSize: 11 },
        splitArea: { areaStyle: { color: ['#fff', '#fafafa'] } },
      },
      series: [
        {
          type: 'radar',
          data: [
            // where the description asks nothing the requirement line follows the current value (no gap is claimed)
            { name: t('hologram.target'), value: d.radar.map((r) => r.target ?? r.value), lineStyle: { type: 'dashed', color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' }, symbolSize: 3 },
            { name: t('hologram.current'), value: d.radar.map((r) => Math.round(r.value * 100) / 100), areaStyle: { color: tint(d.hex, 0.2) }, lineStyle: { color: d.hex }, itemStyle: { color: d.hex } },
          ],
        },
      ],
    }),
    [d, t],
  );
  return (
    <>
      <EChart option={option} height={260} testId="team-radar" label={t('hologram.radar')} />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={d.radar}
        data-testid="team-radar-table"
        columns={[
          { title: t('hologram.axis'), dataIndex: 'label' },
          { title: t('hologram.value'), dataIndex: 'value', render: (v: number) => `${(v * 100).toFixed(0)}%` },
          { title: t('hologram.requirement'), dataIndex: 'target', render: (v: number | null) => (v == null ? <Typography.Text type="secondary">{t('hologram.notAsked')}</Typography.Text> : `${(v * 100).toFixed(0)}%`) },
        ]}
      />
    </>
  );
}

function CoverageBlock({ d }: { d: TeamAnalysis }) {
  const { t } = useTranslation();
  const row = (label: string, c: TeamAnalysis['coverage']['specialties']) => (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {c.required.length === 0 && <Typography.Text type="secondary">{t('hologram.notAsked')}</Typography.Text>}
      {c.covered.map((s) => <Tag key={s} color="green" bordered={false}>{s} ✓</Tag>)}
      {c.missing.map((s) => <Tag key={s} color="red" bordered={false}>{s}（{t('hologram.missing')}）</Tag>)}
    </div>
  );
  return (
    <div data-testid="team-coverage">
      {row(t('hologram.specialties'), d.coverage.specialties)}
      {row(t('hologram.experience'), d.coverage.experience)}
      <div>
        <Typography.Text type="secondary">{t('hologram.education')}：</Typography.Text>
        <Space size={4} wrap>
          {d.education.map((e) => <Tag key={e.key} bordered={false}>{e.label} {e.count}</Tag>)}
        </Space>
      </div>
    </div>
  );
}


const BAND_COLOR: Record<BarometerRow['band'], string> = { good: 'green', fair: 'gold', misfit: 'red' };
const DEGREE_LABEL: Record<string, [string, string]> = {
  position: ['岗位匹配度', 'Post match'],
  experience: ['经历相关度', 'Experience'],
  competency: ['能力契合度', 'Competency'],
  temperament: ['性格相容度', 'Temperament'],
};

/** 人岗适配晴雨表 of this team: each incumbent's fit to their own post (GET /api/fit/barometer?teamId=). */
function TeamBarometer({ teamId }: { teamId: number }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const q = useQuery({ queryKey: ['fit-barometer', teamId], queryFn: () => fitApi.barometer({ teamId }) });
  return (
    <Card size="small" title={en ? 'Person–post fit barometer' : '人岗适配晴雨表'} style={{ marginTop: 12 }} data-testid="team-barometer">
      {q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Table<BarometerRow>
          size="small"
          rowKey={(r) => `${r.positionId}-${r.cadreId}`}
          loading={q.isPending}
          pagination={false}
          dataSource={q.data?.rows ?? []}
          columns={[
            { title: en ? 'Name' : '姓名', dataIndex: 'name', render: (v: string, r) => <Link to={`/cadres/${r.cadreId}`}>{v}</Link> },
            { title: en ? 'Post' : '职务', dataIndex: 'positionTitle' },
            {
              title: en ? 'Fit' : '适配度',
              dataIndex: 'total',
              render: (v: number, r) => (
                <Tooltip title={r.reasons.slice(0, 4).map((f) => (en ? f.detailEn : f.detail)).join('；')}>
                  <Tag color={BAND_COLOR[r.band]} data-testid="barometer-total" data-band={r.band}>{v.toFixed(1)}</Tag>
                </Tooltip>
              ),
            },
            ...DEGREES.map((k) => ({ title: DEGREE_LABEL[k][en ? 1 : 0], key: k, render: (_: unknown, r: BarometerRow) => r.degrees[k].toFixed(0) })),
          ]}
        />
      )}
    </Card>
  );
}
