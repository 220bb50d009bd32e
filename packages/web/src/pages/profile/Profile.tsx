import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { App, Avatar, Breadcrumb, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api/client';
import { useCodes, useMe } from '../../api/hooks';
import type { Cadre } from '../../api/types';
import { ErrorAlert, Fallback } from '../../components/common';
import { ageAt, yearsSince } from '../../validation';
import { AuditTab } from './AuditTab';
import { checkBasic } from './basicCheck';
import { formatValue } from './format';
import { RecordForm } from './RecordForm';
import { SectionTab } from './SectionTab';
import { BASIC_DATE_ORDER, BASIC_FIELDS, SECTIONS, issueField } from './sections';

/** 成长纪实 (储备链): its own lazy chunk, loaded when the tab opens */
const GrowthTab = lazy(() => import('../reserve/GrowthTab'));

const canon = (s: string) => s.toLowerCase().replace(/[-_]/g, '');

function photoSrc(photo: string | null): string | undefined {
  if (!photo) return undefined;
  if (/^(data:|https?:|\/)/.test(photo)) return photo;
  return `data:image/jpeg;base64,${photo}`;
}

export default function ProfilePage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t, i18n } = useTranslation();
  const codes = useCodes();
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['cadre', id], queryFn: () => api.cadre(id), enabled: Number.isFinite(id) });

  const canWrite = me.data?.permissions.canWrite ?? false;
  const visible = useMemo(() => {
    const allowed = new Set((q.data?.sections ?? []).map(canon));
    return SECTIONS.filter((s) => allowed.has(canon(s.key)));
  }, [q.data?.sections]);

  if (q.isPending) return <Fallback />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c: Cadre = q.data.cadre;
  const age = ageAt(c.birthDate);
  const inPost = yearsSince(c.postStartDate);
  const basicFields = BASIC_FIELDS.filter((f) => f.sensitive !== 'idNumber' || 'idNumber' in c);
  const tab = sp.get('tab') ?? 'basic';

  const header = (
    <Card data-testid="profile-header" style={{ marginBottom: 12 }}>
      <Row gutter={24} wrap={false}>
        <Col flex="120px">
          {photoSrc(c.photo) ? (
            <img src={photoSrc(c.photo)} alt={c.name} style={{ width: 108, height: 144, objectFit: 'cover', border: '1px solid #f0f0f0' }} data-testid="profile-photo" />
          ) : (
            <Avatar shape="square" size={108} style={{ background: '#f5f5f5', color: '#a8071a', fontSize: 40, height: 144 }} aria-label={t('profile.noPhoto')} data-testid="profile-photo">
              {c.name.slice(0, 1)}
            </Avatar>
          )}
        </Col>
        <Col flex="auto">
          <Space align="baseline" size={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="profile-name">{c.name}</Typography.Title>
            <Typography.Text>
              {codes.name('sex', c.sex)} · {codes.name('ethnicity', c.ethnicity)} · <span data-testid="profile-age">{t('profile.age', { age })}</span>（{c.birthDate?.slice(0, 7).replace('-', '.')}）
            </Typography.Text>
            {c.style && <Tag color={c.style === 'tiger' ? 'volcano' : 'default'} data-testid="profile-style">{t(`style.${c.style}`, { defaultValue: c.style })}</Tag>}
            {q.data.cadre.status && q.data.cadre.status !== '在职' && <Tag>{c.status}</Tag>}
          </Space>
          <Typography.Paragraph style={{ margin: '8px 0', fontSize: 15 }} data-testid="profile-post">
            {c.currentPostTitle ?? t('profile.noPost')}
            {inPost != null && <Typography.Text type="secondary">（{t('profile.inPostYears', { years: inPost })}，{c.postStartDate?.slice(0, 7).replace('-', '.')}）</Typography.Text>}
          </Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 2, sm: 2, md: 3, lg: 3, xl: 3, xxl: 4 }}>
            <Descriptions.Item label={t('field.nativePlace')}>{c.nativePlace ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('field.politicalStatus')}>
              {codes.name('political', c.politicalStatus)}
              {c.partyJoinDate ? `（${c.partyJoinDate.slice(0, 7).replace('-', '.')}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.highestEducation')}>
              {[codes.name('education', c.highestEducation), codes.name('degree', c.highestDegree)].filter(Boolean).join(' / ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.workStartDate')}>{c.workStartDate?.slice(0, 7).replace('-', '.')}</Descriptions.Item>
            <Descriptions.Item label={t('field.postLevel')}>{codes.name('postLevel', c.postLevel)}</Descriptions.Item>
            <Descriptions.Item label={t('field.rank')}>{codes.name('rank', c.rank)}</Descriptions.Item>
            <Descriptions.Item label={t('field.levelStartDate')}>{c.levelStartDate?.slice(0, 7).replace('-', '.') ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('field.tags')}>
              <Space size={[0, 4]} wrap data-testid="profile-tags">
                {age != null && (q.data.cadre.isYoung === true) && <Tag color="red">{t('profile.youngCadre')}</Tag>}
                {(c.tags ?? []).map((x) => <Tag key={x}>{x}</Tag>)}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </Col>
        <Col flex="none">
          <Space orientation="vertical" align="end">
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-basic">
                {t('profile.edit')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={`/api/interop/lrmx/export?ids=${c.id}`} download data-testid="export-lrmx">
              {i18n.language === 'en' ? 'Export LRMX' : '导出LRMX'}
            </Button>
            <Button icon={<PrinterOutlined />} href={`/api/cadres/${c.id}/form`} target="_blank" rel="noopener" data-testid="print-form">
              {i18n.language === 'en' ? 'Print appointment form' : '打印任免审批表'}
            </Button>
            {(me.data?.permissions.canWriteRegistry ?? false) && (
              <Popconfirm
                title={t('profile.deleteCadre')}
                description={<div style={{ maxWidth: 280 }}>{t('profile.deleteConfirm', { name: c.name })}</div>}
                okButtonProps={{ danger: true, 'data-testid': 'delete-cadre-ok' } as React.ComponentProps<typeof Button>}
                onConfirm={async () => {
                  try {
                    await api.deleteCadre(c.id, c.version);
                    void message.success(t('profile.deleted'));
                    void qc.invalidateQueries({ queryKey: ['roster'] });
                    qc.removeQueries({ queryKey: ['cadre', c.id] });
                    void navigate('/cadres');
                  } catch (e) {
                    void message.error(errorText(e, i18n.language));
                    void qc.invalidateQueries({ queryKey: ['cadre', c.id] });
                  }
                }}
              >
                <Button danger type="text" icon={<DeleteOutlined />} data-testid="delete-cadre">{t('profile.deleteCadre')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Col>
      </Row>
    </Card>
  );

  const basicTab = (
    <Descriptions bordered size="small" column={3} data-testid="basic-info">
      {basicFields.map((f) => (
        <Descriptions.Item key={f.name} label={t(`field.${f.name}`)} span={f.type === 'textarea' || f.type === 'tags' ? 3 : 1}>
          <span data-testid={`basic-${f.name}`}>{formatValue(f, c[f.name], codes, t, c)}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );

  const items = [
    { key: 'basic', label: <span data-testid="tab-basic">{t('section.basic')}</span>, children: basicTab },
    ...visible.map((s) => ({
      key: s.key,
      label: <span data-testid={`tab-${s.key}`}>{t(`section.${s.key}`)}</span>,
      children: <SectionTab def={s} cadre={c} canWrite={canWrite} />,
    })),
    {
      key: 'growth',
      label: <span data-testid="tab-growth">{i18n.language === 'en' ? 'Growth record' : '成长纪实'}</span>,
      children: (
        <Suspense fallback={<Fallback />}>
          <GrowthTab cadreId={c.id} />
        </Suspense>
      ),
    },
    { key: 'audit', label: <span data-testid="tab-audit">{t('section.audit')}</span>, children: <AuditTab cadreId={c.id} /> },
  ];

  return (
    <div data-testid="profile-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/cadres">{t('menu.roster')}</Link> }, { title: `${c.name} · ${t('profile.title')}` }]}
      />
      {header}
      <Card size="small">
        <Tabs
          data-testid="profile-tabs"
          activeKey={items.some((i) => i.key === tab) ? tab : 'basic'}
          onChange={(k) => setSp(k === 'basic' ? {} : { tab: k }, { replace: true })}
          items={items}
          tabPlacement="start"
          size="small"
          destroyOnHidden
          style={{ minHeight: 560 }}
        />
      </Card>
      <RecordForm
        open={editing}
        title={`${c.name} · ${t('profile.edit')}`}
        fields={basicFields}
        record={c}
        dateOrder={BASIC_DATE_ORDER}
        testId="edit-form-basic"
        width={760}
        // the server's own checks (@cadre/core checkCadreFacts): dates, ages, 入党时间 vs 政治面貌, 身份证号
        check={(v) => checkBasic(v, 'idNumber' in c, i18n.language)}
        submit={(payload, version) => api.updateCadre(c.id, { ...payload, version: version ?? c.version })}
        onClose={() => setEditing(false)}
        onDone={() => {
          setEditing(false);
          void qc.invalidateQueries({ queryKey: ['cadre', c.id] });
          void qc.invalidateQueries({ queryKey: ['cadre-audit', c.id] });
          void qc.invalidateQueries({ queryKey: ['roster'] });
        }}
      />
    </div>
  );
}
