/** 班子总览: every team in scope as a grid coloured by its 红/蓝/绿 status (docs/analysis.md, GET /api/teams/analysis). */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Checkbox, Col, Empty, Input, Row, Segmented, Space, Spin, TreeSelect, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useOrgTree } from '../../api/hooks';
import type { IndicatorHit, TeamColor, TeamsAnalysis, TeamSummary } from '../../api/types';
import { ErrorAlert, Fallback } from '../../components/common';
import '../../i18n/analysis';

export const COLORS: TeamColor[] = ['red', 'blue', 'green'];
/** Unit kinds of the API (docs/api.md: Teams); 党政机关 is what the documents call 委办局. */
export const UNIT_KINDS = ['镇街', '党政机关', '国有企业', '事业单位', '园区', '高校科研'];
/** GET /api/teams/analysis: each team's `reasons` are rule ids, their texts come once in `indicators`. */
export type OverviewTeam = TeamSummary;
export type TeamsOverview = TeamsAnalysis;
const fetchOverview = (q: Record<string, string | number | undefined>) => api.teamsAnalysis(q);

/** render at most this many cells before "show all" (thousands of teams stay responsive) */
const FIRST = 240;

/** the reason to show first: the first red hit, else the first hit */
export function topReason(hits: IndicatorHit[]): IndicatorHit | undefined {
  return hits.find((h) => h.color === 'red') ?? hits[0];
}

/** a colour with alpha, for tinted backgrounds */
export function tint(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255).toString(16).padStart(2, '0');
  return /^#[0-9a-f]{6}$/i.test(hex) ? `${hex}${a}` : hex;
}

export default function TeamsOverviewPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const org = useOrgTree();
  const [sp, setSp] = useSearchParams();
  const [all, setAll] = useState(false);

  const unitKind = sp.get('unitKind') ?? '';
  const colors = (sp.get('color') ?? '').split(',').filter((c): c is TeamColor => (COLORS as string[]).includes(c));
  const orgId = Number(sp.get('orgId')) || undefined;
  const q = sp.get('q') ?? '';

  const query = useMemo(() => ({ unitKind: unitKind || undefined, orgId, color: colors.length ? colors.join(',') : undefined }), [unitKind, orgId, colors.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const res = useQuery({ queryKey: ['teams-analysis', query], queryFn: () => fetchOverview(query), placeholderData: keepPreviousData });

  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    setSp(next, { replace: k === 'q' });
    setAll(false);
  };

  const items = useMemo(() => {
    const list = res.data?.items ?? [];
    const needle = q.trim().toLowerCase();
    return needle ? list.filter((i) => i.name.toLowerCase().includes(needle) || i.orgName.toLowerCase().includes(needle)) : list;
  }, [res.data, q]);

  if (res.isPending) return <Fallback />;
  if (res.error && !res.data) return <ErrorAlert error={res.error} />;
  const data = res.data!;
  const shown = all ? items : items.slice(0, FIRST);

  return (
    <div data-testid="teams-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 className="page-title">{t('teams.title')}</h1>
        <Typography.Text type="secondary">{t('teams.asOf', { date: data.asOf })}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('teams.hint')}</Typography.Paragraph>

      <Row gutter={12} style={{ marginBottom: 12 }}>
        {COLORS.map((c) => {
          const active = colors.includes(c);
          return (
            <Col span={8} key={c}>
              <button
                type="button"
                className={`team-count${active ? ' active' : ''}`}
                style={{ borderColor: active ? data.colors[c] : undefined, ['--team-color' as string]: data.colors[c] }}
                onClick={() => set('color', active ? colors.filter((x) => x !== c).join(',') : [...colors, c].join(','))}
                aria-pressed={active}
                data-testid={`team-count-${c}`}
                data-count={data.counts[c]}
              >
                <span className="swatch" style={{ background: data.colors[c] }} />
                <span className="name">{t(`teams.colorName.${c}`)}</span>
                <span className="meaning">{t(`teams.colorMeaning.${c}`)}</span>
                <span className="n" style={{ color: data.colors[c] }}>{data.counts[c]}</span>
              </button>
            </Col>
          );
        })}
      </Row>

      <Card size="small" className="filter-bar" style={{ marginBottom: 12 }}>
        <Space wrap size={[16, 8]} style={{ width: '100%' }}>
          <Space size={6}>
            <Typography.Text type="secondary">{t('teams.unitKind')}</Typography.Text>
            <Segmented
              data-testid="filter-unit-kind"
              value={unitKind}
              onChange={(v) => set('unitKind', String(v) || undefined)}
              options={[{ value: '', label: t('common.all') }, ...UNIT_KINDS.map((k) => ({ value: k, label: <span data-testid={`unit-kind-${k}`}>{t(`teams.kinds.${k}`)}</span> }))]}
            />
          </Space>
          <Space size={6}>
            <Typography.Text type="secondary">{t('teams.color')}</Typography.Text>
            <Checkbox.Group
              data-testid="filter-color"
              value={colors}
              onChange={(v) => set('color', (v as string[]).join(',') || undefined)}
              options={COLORS.map((c) => ({
                value: c,
                label: (
                  <span data-testid={`filter-color-${c}`}>
                    <span className="dot" style={{ background: data.colors[c] }} />
                    {t(`teams.colorName.${c}`)}
                  </span>
                ),
              }))}
            />
          </Space>
          <TreeSelect
            allowClear
            showSearch
            treeData={org.tree}
            treeNodeFilterProp="title"
            value={orgId}
            onChange={(v) => set('orgId', v ? String(v) : undefined)}
            placeholder={t('teams.org')}
            popupMatchSelectWidth={400}
            style={{ width: 260 }}
            data-testid="filter-org"
          />
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('teams.q')}
            onChange={(e) => set('q', e.target.value || undefined)}
            style={{ width: 220 }}
            data-testid="filter-team-q"
          />
          <Button icon={<DownloadOutlined />} href={api.teamsXlsxUrl(query)} download data-testid="teams-export">
            {t('teams.export')}
          </Button>
        </Space>
      </Card>

      <Card size="small" title={<span data-testid="teams-total">{t('teams.total', { n: items.length })}</span>} extra={res.isFetching ? <Spin size="small" /> : null}>
        <ErrorAlert error={res.error} />
        {items.length === 0 ? (
          <Empty description={t('teams.none')} />
        ) : (
          <div className="team-grid" data-testid="team-grid">
            {shown.map((team) => (
              <TeamCell key={team.teamId} team={team} hex={data.colors[team.color]} indicators={data.indicators} en={en} />
            ))}
          </div>
        )}
        {!all && items.length > FIRST && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => setAll(true)} data-testid="teams-show-all">{t('teams.showAll', { n: items.length })}</Button>
          </div>
        )}
      </Card>
    </div>
  );
}

function TeamCell({ team, hex, indicators, en }: { team: OverviewTeam; hex: string; indicators: TeamsOverview['indicators']; en: boolean }) {
  const { t } = useTranslation();
  const hits = team.reasons.map((id) => indicators[id]);
  const top = topReason(hits);
  const f = team.figures;
  return (
    <Link
      to={`/teams/${team.teamId}`}
      className="team-cell"
      style={{ borderTopColor: hex, background: tint(hex, 0.05) }}
      data-testid="team-cell"
      data-color={team.color}
      data-team-id={team.teamId}
      title={hits.map((r) => `${r.name}：${en ? r.reason.en : r.reason.zh}`).join('\n')}
    >
      <div className="head">
        <span className="name" data-testid="team-cell-name">{team.name}</span>
        <span className="badge" style={{ background: hex }}>{t(`teams.colorName.${team.color}`)}</span>
      </div>
      <div className="org">{team.orgName} · {t(`teams.kinds.${team.unitKind}`, { defaultValue: team.unitKind })}</div>
      <div className="reason" data-testid="team-cell-reason" style={{ color: top ? (top.color === 'red' ? hex : '#434343') : '#8c8c8c' }}>
        {top ? (en ? top.reason.en : top.reason.zh) : t('teams.noReason')}
        {team.reasons.length > 1 && <span className="more">{t('teams.more', { n: team.reasons.length })}</span>}
      </div>
      <div className="figures">
        <span>{t('teams.filled', { filled: f.filled, quota: f.quota })}</span>
        <span className={f.vacancies ? 'vacancy' : undefined} data-testid="team-cell-vacancies">
          {f.vacancies ? t('teams.vacancies', { n: f.vacancies }) : t('teams.noVacancy')}
        </span>
        {f.meanAge != null && <span>{t('teams.meanAge', { age: Math.round(f.meanAge * 10) / 10 })}</span>}
      </div>
    </Link>
  );
}
