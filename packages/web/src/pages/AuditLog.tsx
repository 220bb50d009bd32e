import { useState } from 'react';
import { Link } from 'react-router';
import { Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { AuditEntry } from '../api/types';
import { ErrorAlert } from '../components/common';
import { ACTION_COLORS, ChangeList } from './profile/AuditTab';

interface F {
  entity?: string;
  action?: string;
  cadreId?: string;
  userId?: string;
  range?: [dayjs.Dayjs, dayjs.Dayjs] | null;
}

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [f, setF] = useState<F>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const query = {
    entity: f.entity,
    action: f.action,
    cadreId: f.cadreId,
    userId: f.userId,
    from: f.range?.[0]?.startOf('day').toISOString(),
    to: f.range?.[1]?.endOf('day').toISOString(),
    page,
    pageSize,
  };
  const q = useQuery({ queryKey: ['audit', query], queryFn: () => api.audit(query), placeholderData: keepPreviousData });
  const actions = ['create', 'update', 'delete', 'read', 'login', 'login_failed', 'import', 'export', 'restore'];

  return (
    <div data-testid="audit-page">
      <h1 className="page-title">{t('audit.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" onValuesChange={(_, all: F) => { setF(all); setPage(1); }}>
          <Form.Item name="action" label={t('audit.action')}>
            <Select allowClear style={{ width: 130 }} options={actions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))} />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.entity')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="cadreId" label={t('audit.cadreId')}>
            <Input allowClear style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="userId" label={t('audit.user')}>
            <Input allowClear style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker />
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={q.error} />
      <Card size="small">
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => { setPage(p); setPageSize(s); },
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('audit.user'), dataIndex: 'username', width: 100 },
            { title: t('audit.action'), dataIndex: 'action', width: 90, render: (v: string) => <Tag color={ACTION_COLORS[v] ?? 'default'}>{t(`audit.actions.${v}`, { defaultValue: v })}</Tag> },
            { title: t('audit.entity'), dataIndex: 'entity', width: 120 },
            { title: t('audit.entityId'), dataIndex: 'entityId', width: 80 },
            { title: t('audit.cadreId'), dataIndex: 'cadreId', width: 80, render: (v: number | null) => (v ? <Link to={`/cadres/${v}?tab=audit`}>{v}</Link> : '') },
            { title: t('audit.changes'), key: 'changes', render: (_, r) => <ChangeList entry={r} /> },
            { title: t('audit.ip'), dataIndex: 'ip', width: 120 },
          ]}
        />
      </Card>
    </div>
  );
}
