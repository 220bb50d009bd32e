/**
 * 成长纪实 tab of the profile (一人一档): the full-lifecycle growth record — pools with their workflow history and tiers,
 * 成熟度, mentors, "一人一策" plans, training compliance, 挂职/轮岗, key-moment records and assessments.
 * Loaded lazily by the profile page.
 */
import { Link } from 'react-router';
import { Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { reserveApi, type Growth, type Movement } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { asTier, StageTag, TierTag, useLang } from './shared';

export default function GrowthTab({ cadreId }: { cadreId: number }) {
  const { t, en, bi } = useLang();
  const q = useQuery({ queryKey: ['reserve-growth', cadreId], queryFn: () => reserveApi.growth(cadreId) });
  const mq = useQuery({ queryKey: ['maturity', cadreId], queryFn: () => reserveApi.maturity(cadreId) });
  if (q.isPending) return <Fallback />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const g: Growth = q.data;
  const m = mq.data?.maturity;
  const training = g.training;
  return (
    <div data-testid="growth-tab">
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title={t('reserve.growthTab.pools')} style={{ marginBottom: 12 }}>
            {g.pools.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reserve.growthTab.noPool')} />
            ) : (
              g.pools.map((p) => (
                <div key={p.entryId} style={{ marginBottom: 10 }} data-testid="growth-pool">
                  <Space wrap>
                    <Link to={`/reserve/pools/${p.poolId}`}>{p.poolName}</Link>
                    <StageTag stage={p.stage} />
                    {p.field && <Tag>{p.field}</Tag>}
                    {asTier(p.tier) ? <TierTag tier={asTier(p.tier)} /> : <TierTag tier={asTier(p.suggestedTier)} suggested />}
                  </Space>
                  {(p.history ?? []).length > 0 && (
                    <Timeline
                      style={{ marginTop: 8 }}
                      items={(p.history ?? []).map((h) => ({
                        key: String(h.id),
                        content: (
                          <span style={{ fontSize: 12 }}>
                            {h.date ?? h.at?.slice(0, 10)} {t(`reserve.event.${h.kind}`, { defaultValue: h.kind })}
                            {h.toStage ? ` · ${t(`reserve.stage.${h.toStage}`)}` : ''}
                            {h.tier ? ` · ${t(`reserve.tier.${asTier(h.tier) ?? 'future'}`)}` : ''}
                            {h.reason ? ` · ${h.reason}` : ''}
                          </span>
                        ),
                      }))}
                    />
                  )}
                </div>
              ))
            )}
          </Card>
          <Card size="small" title={t('reserve.growthTab.timeline')} style={{ marginBottom: 12 }}>
            {g.timeline.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Timeline
                data-testid="growth-timeline"
                items={g.timeline.map((x, i) => ({
                  key: i,
                  color: x.kind === 'pool' || x.kind === 'tier' ? 'red' : x.kind === 'keyMoment' ? 'green' : 'gray',
                  content: (
                    <span>
                      <Typography.Text type="secondary">{x.date}</Typography.Text> {en && x.en ? x.en : x.text}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
          <Card size="small" title={t('reserve.growth.plans')} style={{ marginBottom: 12 }}>
            {g.plans.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reserve.growth.noPlan')} />
            ) : (
              g.plans.map((p) => (
                <div key={p.id} style={{ marginBottom: 8 }}>
                  <Space><b>{p.title}</b><Tag>{p.status}</Tag></Space>
                  <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                    {p.goals.map((x, i) => (
                      <li key={i} style={{ color: x.done ? '#389e0d' : undefined }}>{x.done ? '✓ ' : ''}{x.text}{x.due ? `（${x.due}）` : ''}</li>
                    ))}
                  </ul>
                  {(p.outcomes ?? []).map((o, i) => (
                    <div key={i} style={{ fontSize: 12, color: '#595959' }}>{t('reserve.growth.outcomes')}：{o.date} {o.text}</div>
                  ))}
                </div>
              ))
            )}
          </Card>
          <Card size="small" title={t('reserve.growth.movements')} style={{ marginBottom: 12 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={g.movements}
              locale={{ emptyText: t('common.noData') }}
              columns={[
                { title: t('reserve.growth.kind'), dataIndex: 'kind', width: 90 },
                { title: t('reserve.growth.status'), key: 's', width: 80, render: (_: unknown, mv: Movement) => (mv.status === 'planned' ? <Tag color="blue">{t('reserve.growth.planned')}</Tag> : <Tag color="green">{t('reserve.growth.done')}</Tag>) },
                { title: t('reserve.growth.hostUnit'), key: 'h', render: (_: unknown, mv: Movement) => mv.hostUnit ?? mv.toOrg ?? '' },
                { title: t('reserve.growth.period'), key: 'p', width: 190, render: (_: unknown, mv: Movement) => `${mv.startDate ?? mv.date} — ${mv.endDate ?? ''}` },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('reserve.common.maturity')} style={{ marginBottom: 12 }}>
            {m ? (
              <>
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="growth-maturity">{m.score.toFixed(1)}</Typography.Title>
                <Space wrap size={[4, 4]} style={{ margin: '6px 0' }}>
                  {Object.entries(m.parts).map(([k, v]) => (v == null ? null : <Tag key={k}>{t(`reserve.maturityPart.${k}`, { defaultValue: k })} {Math.round(v)}</Tag>))}
                </Space>
                <ul style={{ paddingInlineStart: 18, margin: 0, fontSize: 12 }}>
                  {m.factors.map((f, i) => (
                    <li key={i} style={{ color: f.effect === '-' ? '#cf1322' : undefined }}>{en ? f.detailEn : f.detail}</li>
                  ))}
                </ul>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card size="small" title={t('reserve.growth.mentors')} style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={g.mentors}
              locale={{ emptyText: t('common.noData') }}
              renderItem={(x) => (
                <List.Item>
                  <Link to={`/cadres/${x.mentorId}`}>{x.mentor?.name ?? x.mentorId}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.startDate} — {x.endDate ?? t('reserve.growth.ongoing')}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('reserve.growth.trainingTab')} style={{ marginBottom: 12 }}>
            {training ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('reserve.growth.political')}>
                  <Tag color={training.political.ok ? 'green' : 'red'}>{training.political.ok ? t('reserve.growth.ok') : t('reserve.growth.notOk')}</Tag>
                  {training.political.last ? t('reserve.growth.lastPolitical', { date: training.political.last.endDate }) : t('reserve.growth.noPolitical')}
                </Descriptions.Item>
                <Descriptions.Item label={t('reserve.growth.hours')}>
                  <Tag color={training.hours.met ? 'green' : training.hours.onPace ? 'blue' : 'red'}>{training.hours.met ? t('reserve.growth.ok') : training.hours.onPace ? t('reserve.growth.onPace') : t('reserve.growth.notOk')}</Tag>
                  {training.hours.done} / {training.hours.target} {t('reserve.growth.hourUnit')}
                </Descriptions.Item>
                {training.reasons.length > 0 && <Descriptions.Item label={t('reserve.growth.why')}>{training.reasons.map(bi).join('；')}</Descriptions.Item>}
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card size="small" title={t('reserve.growthTab.keyMoments')} style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={g.keyMoments}
              locale={{ emptyText: t('common.noData') }}
              renderItem={(k) => (
                <List.Item>
                  <span>{k.date} {k.event}</span>
                  {k.rating && <Tag>{k.rating}</Tag>}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('reserve.growthTab.assessments')}>
            <Space wrap>
              {g.assessments.map((a) => (
                <Tag key={a.year} color={a.result === '优秀' ? 'red' : a.result === '基本称职' || a.result === '不称职' ? 'orange' : undefined}>
                  {a.year} {a.result ?? '—'}
                </Tag>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
