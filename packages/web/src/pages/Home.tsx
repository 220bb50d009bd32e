import { Link, useNavigate } from 'react-router';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { reserveApi } from '../api/reserve';
import { useMe } from '../api/hooks';
import type { StatsOverview } from '../api/types';
import { ErrorAlert, Fallback } from '../components/common';
import { rosterHref } from './rosterQuery';

/** Age band → roster age filter. Uses min/max when the server sends them, else reads the label ("35岁及以下", "36-40岁", "56岁以上"). */
export function bandFilter(b: StatsOverview['ageBands'][number]): Record<string, number> {
  const f: Record<string, number> = {};
  if (b.min != null) f.ageMin = b.min;
  if (b.max != null) f.ageMax = b.max;
  if (Object.keys(f).length) return f;
  const nums = (b.label.match(/\d+/g) ?? []).map(Number);
  if (nums.length >= 2) return { ageMin: nums[0], ageMax: nums[1] };
  if (nums.length === 1) {
    if (/以下|及以下|≤|<|under|below/i.test(b.label)) return { ageMax: /<(?!=)/.test(b.label) ? nums[0] - 1 : nums[0] };
    if (/以上|及以上|≥|>|\+|over|above/i.test(b.label)) return { ageMin: /以上/.test(b.label) && !/及以上/.test(b.label) ? nums[0] + 1 : nums[0] };
    return { ageMin: nums[0], ageMax: nums[0] };
  }
  return f;
}

function Figure(props: { title: string; value: number | string; suffix?: string; to: string; testId: string; precision?: number }) {
  const navigate = useNavigate();
  return (
    <Card
      className="stat-link"
      hoverable
      role="link"
      tabIndex={0}
      onClick={() => navigate(props.to)}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), navigate(props.to))}
      data-testid={props.testId}
    >
      <Statistic title={props.title} value={props.value} suffix={props.suffix} precision={props.precision} />
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const q = useQuery({ queryKey: ['stats-overview'], queryFn: () => api.overview() });
  // 急用现找 (储备链): key posts with nobody 随时能用; only the summary is shown here, the board is /reserve/bench
  const bench = useQuery({ queryKey: ['reserve-bench-summary'], queryFn: () => reserveApi.bench({ keyOnly: true, summaryOnly: true }), retry: false, staleTime: 5 * 60_000 });
  if (q.isPending) return <Fallback />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const maxBand = Math.max(1, ...s.ageBands.map((b) => b.count));
  const share = s.youngShare <= 1 ? s.youngShare * 100 : s.youngShare;
  const n = s.retiringHorizonYears;

  return (
    <div data-testid="home-page">
      <h1 className="page-title">{t('home.title')}</h1>
      <Typography.Paragraph type="secondary">
        {t('home.scope')}：{me.data?.user.scopeOrgName ?? t('user.allScope')} · {t('home.hint')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col span={6}><Figure title={t('home.cadreCount')} value={s.cadreCount} suffix={t('common.persons')} to="/cadres" testId="stat-cadre-count" /></Col>
        <Col span={6}><Figure title={t('home.young')} value={s.youngCount} suffix={t('common.persons')} to={rosterHref({ young: true })} testId="stat-young" /></Col>
        <Col span={6}><Figure title={t('home.youngShare')} value={share} precision={1} suffix="%" to={rosterHref({ young: true })} testId="stat-young-share" /></Col>
        <Col span={6}><Figure title={t('home.retiring', { n })} value={s.retiringSoon} suffix={t('common.persons')} to={rosterHref({ retiringWithinYears: n })} testId="stat-retiring" /></Col>
        <Col span={6}><Figure title={t('home.vacancies')} value={s.vacancies} to="/org" testId="stat-vacancies" /></Col>
        <Col span={6}><Figure title={t('home.women')} value={s.women} suffix={t('common.persons')} to={rosterHref({ sex: '2' })} testId="stat-women" /></Col>
        <Col span={6}><Figure title={t('home.nonParty')} value={s.nonParty} suffix={t('common.persons')} to={rosterHref({ nonParty: true })} testId="stat-non-party" /></Col>
        {bench.data && (
          <Col span={6}>
            <Figure
              title={`${t('home.urgentPosts')}（${t('home.urgentOf', { n: bench.data.summary.keyPosts })}）`}
              value={bench.data.summary.urgent}
              to="/reserve/bench?urgent=1"
              testId="stat-urgent-posts"
            />
          </Col>
        )}
      </Row>
      <Card title={t('home.ageStructure')} style={{ marginTop: 16 }} data-testid="age-structure">
        {s.ageBands.map((b) => (
          <Link key={b.label} to={rosterHref(bandFilter(b))} className="age-bar" data-testid="age-band">
            <span className="label">{b.label}</span>
            <span className="bar" style={{ width: `${(b.count / maxBand) * 60}%`, minWidth: b.count ? 2 : 0 }} />
            <span className="count">
              {b.count}
              {t('common.persons')}
              {s.cadreCount ? `（${((b.count / s.cadreCount) * 100).toFixed(1)}%）` : ''}
            </span>
          </Link>
        ))}
      </Card>
    </div>
  );
}
