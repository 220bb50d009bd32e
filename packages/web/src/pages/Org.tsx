import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Col, Descriptions, Empty, Input, Popconfirm, Row, Space, Table, Tag, Tree, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client';
import { useCodes, useMe, useOrgTree, type OrgTreeNode } from '../api/hooks';
import type { Holder, OrgUnitDetail, Position, Team } from '../api/types';
import { ErrorAlert, Fallback } from '../components/common';
import { rosterHref } from './rosterQuery';
import { AppointForm, EndForm, PositionForm, TeamForm, UnitForm } from './org/OrgEdit';

interface ViewNode {
  key: string;
  title: React.ReactNode;
  children?: ViewNode[];
}

function highlight(text: string, q: string): React.ReactNode {
  if (!q) return text;
  const i = text.indexOf(q);
  if (i < 0) return text;
  return (
    <span>
      {text.slice(0, i)}
      <mark style={{ background: '#ffe58f', padding: 0 }}>{q}</mark>
      {text.slice(i + q.length)}
    </span>
  );
}

/** Keep matching nodes and their ancestors; returns the keys to expand. */
function filterTree(nodes: OrgTreeNode[], q: string, expand: string[]): ViewNode[] {
  const out: ViewNode[] = [];
  for (const n of nodes) {
    const kids = n.children ? filterTree(n.children, q, expand) : [];
    const hit = !q || n.title.includes(q) || (n.unit.shortName ?? '').includes(q);
    if (hit || kids.length) {
      if (q && kids.length) expand.push(n.key);
      out.push({ key: n.key, title: highlight(n.title, q), children: q ? (kids.length ? kids : undefined) : n.children ? filterTree(n.children, '', []) : undefined });
    }
  }
  return out;
}

export default function OrgPage() {
  const { t } = useTranslation();
  const org = useOrgTree();
  const [sp, setSp] = useSearchParams();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const selectedId = Number(sp.get('id')) || undefined;

  const { viewTree, searchExpand } = useMemo(() => {
    const exp: string[] = [];
    const v = filterTree(org.tree, search.trim(), exp);
    return { viewTree: v, searchExpand: exp };
  }, [org.tree, search]);

  // default expansion: roots and the path to the selected unit
  const defaultExpanded = useMemo(() => {
    const keys = org.tree.map((n) => n.key);
    const u = selectedId ? org.byId.get(selectedId) : undefined;
    if (u) keys.push(...u.path.split('/').filter(Boolean));
    return keys;
  }, [org.tree, org.byId, selectedId]);

  const expandedKeys = search.trim() ? searchExpand : expanded ?? defaultExpanded;

  return (
    <div data-testid="org-page">
      <h1 className="page-title">{t('menu.org')}</h1>
      <Row gutter={16}>
        <Col span={7}>
          <Card size="small" title={t('org.tree')} className="org-tree-card">
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('org.search')}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 8 }}
              data-testid="org-search"
            />
            {org.isPending ? (
              <Fallback />
            ) : (
              <Tree
                data-testid="org-tree"
                treeData={viewTree}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys as string[])}
                selectedKeys={selectedId ? [String(selectedId)] : []}
                onSelect={(keys) => keys.length && setSp({ id: String(keys[0]) })}
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col span={17}>{selectedId ? <UnitDetail id={selectedId} /> : <Card><Empty description={t('org.selectUnit')} /></Card>}</Col>
      </Row>
    </div>
  );
}

function UnitDetail({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const codes = useCodes();
  const me = useMe();
  const canWriteOrg = me.data?.permissions.canWriteOrg ?? false;
  const canWrite = me.data?.permissions.canWriteRegistry ?? false;
  const [unitForm, setUnitForm] = useState<'edit' | 'child' | null>(null);
  const [appointTo, setAppointTo] = useState<Position | null>(null);
  const [ending, setEnding] = useState<{ h: Holder; post: string } | null>(null);
  const [teamForm, setTeamForm] = useState<{ team: Team | null } | null>(null);
  const [positionForm, setPositionForm] = useState<{ teamId: number; position: Position | null } | null>(null);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const removePosition = async (p: Position) => {
    try {
      await api.deletePosition(p.id, p.version);
      void message.success(t('org.positionDeleted'));
      await qc.invalidateQueries({ queryKey: ['org-unit'] });
    } catch (e) {
      void message.error(errorText(e, i18n.language));
    }
  };
  const q = useQuery({ queryKey: ['org-unit', id], queryFn: () => api.orgUnit(id) });
  if (q.isPending) return <Card><Fallback /></Card>;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d: OrgUnitDetail = q.data;
  const all = d.teams.flatMap((tm) => tm.positions);
  const quota = all.reduce((s, p) => s + p.position.quota, 0);
  const filled = all.reduce((s, p) => s + (p.filled ?? p.holders.length), 0);
  const vacancies = all.reduce((s, p) => s + p.vacancies, 0);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid="org-unit-detail">
      <Card
        size="small"
        title={<span data-testid="org-unit-name">{d.unit.name}</span>}
        extra={
          <Space size={8}>
            {canWriteOrg && (
              <>
                <Button size="small" icon={<EditOutlined />} onClick={() => setUnitForm('edit')} data-testid="org-unit-edit">{t('org.editUnit')}</Button>
                <Button size="small" icon={<PlusOutlined />} onClick={() => setUnitForm('child')} data-testid="org-unit-add-child">{t('org.addChild')}</Button>
                <Button size="small" icon={<PlusOutlined />} onClick={() => setTeamForm({ team: null })} data-testid="org-add-team">{t('org.addTeam')}</Button>
              </>
            )}
            <Link to={rosterHref({ orgId: d.unit.id })} data-testid="org-unit-roster">
              <Button size="small" icon={<TeamOutlined />} tabIndex={-1}>{t('org.viewRoster')}</Button>
            </Link>
          </Space>
        }
      >
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('org.kind')}>{d.unit.kind}</Descriptions.Item>
          <Descriptions.Item label={t('org.managementLevel')}>{d.unit.managementLevel}</Descriptions.Item>
          <Descriptions.Item label={t('org.rankLevel')}>{codes.name('postLevel', d.unit.rankLevel) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('org.quota')}>
            <span>
              {t('org.summary', { quota, filled, vacancies })}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {d.teams.length === 0 && <Card size="small"><Empty description={t('org.noTeam')} /></Card>}
      {d.teams.map(({ team, positions }) => (
        <Card
          size="small"
          key={team.id}
          title={`${team.name}`}
          extra={
            <Space size={8}>
              <Tag>{team.kind}</Tag>
              {canWriteOrg && (
                <>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setTeamForm({ team })} data-testid="org-edit-team">{t('org.editTeam')}</Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setPositionForm({ teamId: team.id, position: null })} data-testid="org-add-position">{t('org.addPosition')}</Button>
                </>
              )}
            </Space>
          }
          data-testid="org-team"
        >
          <Table<{ position: Position; holders: Holder[]; filled: number; vacancies: number }>
            size="small"
            rowKey={(r) => r.position.id}
            pagination={false}
            dataSource={positions}
            rowClassName={(r) => (r.vacancies > 0 ? 'row-vacant' : '')}
            columns={[
              {
                title: t('org.position'),
                key: 'title',
                width: 220,
                render: (_, r) => (
                  <Space size={4} wrap>
                    <span>{r.position.title}</span>
                    {r.position.isChief && <Tag color="red">{t('org.chief')}</Tag>}
                    {r.position.isKey && <Tag color="gold">{t('org.key')}</Tag>}
                  </Space>
                ),
              },
              { title: t('org.level'), key: 'level', width: 90, render: (_, r) => codes.name('postLevel', r.position.level) },
              { title: t('org.quota'), key: 'quota', width: 60, align: 'center', render: (_, r) => r.position.quota },
              { title: t('org.filled'), key: 'filled', width: 60, align: 'center', render: (_, r) => r.filled ?? r.holders.length },
              {
                title: t('org.vacancy'),
                key: 'vacancies',
                width: 70,
                align: 'center',
                render: (_, r) =>
                  r.vacancies > 0 ? (
                    <Tag color="error" className="vacancy" data-testid="vacancy">{t('org.vacancy')} {r.vacancies}</Tag>
                  ) : (
                    <Typography.Text type="secondary">0</Typography.Text>
                  ),
              },
              {
                title: t('org.incumbents'),
                key: 'holders',
                render: (_, r) => (
                  <Space size={[12, 4]} wrap>
                    {r.holders.map((h) => (
                      <span key={h.appointmentId} data-testid="org-holder">
                        <Link to={`/cadres/${h.cadreId}`} data-testid="org-holder-link">{h.name}</Link>
                        {h.kind && h.kind !== '任职' && <Tag style={{ marginInlineStart: 4 }}>{h.kind}</Tag>}
                        <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
                          {codes.name('sex', h.sex)}，{t('org.age', { age: h.age })}，{t('org.inPost', { years: Math.floor(h.yearsInPost * 10) / 10 })}
                        </Typography.Text>
                        {canWrite && (
                          <Button type="link" size="small" onClick={() => setEnding({ h, post: r.position.title })} data-testid="org-end-appointment">
                            {t('org.endAppointment')}
                          </Button>
                        )}
                      </span>
                    ))}
                  </Space>
                ),
              },
              ...(canWrite || canWriteOrg
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: canWriteOrg ? 150 : 80,
                      render: (_: unknown, r: { position: Position; holders: Holder[] }) => (
                        <Space size={4}>
                          {canWrite && (
                            <Button size="small" icon={<UserAddOutlined />} onClick={() => setAppointTo(r.position)} data-testid="org-appoint">
                              {t('org.appoint')}
                            </Button>
                          )}
                          {canWriteOrg && (
                            <>
                              <Button size="small" icon={<EditOutlined />} aria-label={t('org.editPosition')} title={t('org.editPosition')} onClick={() => setPositionForm({ teamId: r.position.teamId, position: r.position })} data-testid="org-edit-position" />
                              {/* only an empty post can go (the server also refuses one with past appointments, and says so) */}
                              {r.holders.length === 0 && (
                                <Popconfirm title={t('org.deletePositionConfirm', { title: r.position.title })} onConfirm={() => removePosition(r.position)} okButtonProps={{ danger: true }}>
                                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('org.deletePosition')} title={t('org.deletePosition')} data-testid="org-delete-position" />
                                </Popconfirm>
                              )}
                            </>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}
      <UnitForm open={unitForm != null} unit={unitForm === 'edit' ? d.unit : null} parent={unitForm === 'child' ? d.unit : null} onClose={() => setUnitForm(null)} />
      <AppointForm position={appointTo} onClose={() => setAppointTo(null)} />
      <EndForm holder={ending} onClose={() => setEnding(null)} />
      <TeamForm open={teamForm != null} unitId={d.unit.id} team={teamForm?.team ?? null} onClose={() => setTeamForm(null)} />
      <PositionForm open={positionForm != null} teamId={positionForm?.teamId ?? 0} position={positionForm?.position ?? null} onClose={() => setPositionForm(null)} />
    </Space>
  );
}
