import { useState } from 'react';
import { Empty, Segmented, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ErrorAlert } from '../../components/common';
import { plain } from './format';
import { SECTIONS } from './sections';

/** audit entity (table name) → tab key */
export const ENTITY_SECTION: Record<string, string> = { cadre: 'basic', ...Object.fromEntries(SECTIONS.map((s) => [s.entity, s.key])) };

const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'updated_at', 'created_at']);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** the fields whose value differs between before and after */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: FieldChange[] = [];
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    const b = before?.[k];
    const a = after?.[k];
    if (JSON.stringify(b ?? null) !== JSON.stringify(a ?? null)) out.push({ field: k, before: b, after: a });
  }
  return out;
}

export const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', read: 'default' };

export function ChangeList({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = diffFields(entry.before, entry.after);
  if (!changes.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const label = (k: string) => t(`field.${k}`, { defaultValue: k });
  return (
    <div data-testid="audit-changes">
      {changes.map((c) => (
        <div key={c.field} style={{ marginBottom: 2 }} data-testid="audit-change" data-field={c.field}>
          <Typography.Text strong>{label(c.field)}</Typography.Text>：
          {entry.action !== 'create' && <span className="diff-before">{plain(c.before) || '∅'}</span>}
          {entry.action !== 'delete' && (
            <>
              {entry.action !== 'create' && ' → '}
              <span className="diff-after">{plain(c.after) || '∅'}</span>
            </>
          )}
        </div>
      ))}
    </div>
  );
}

export function AuditTab({ cadreId }: { cadreId: number }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'changes' | 'all'>('changes');
  const q = useQuery({ queryKey: ['cadre-audit', cadreId], queryFn: () => api.cadreAudit(cadreId) });
  if (q.error) return <ErrorAlert error={q.error} />;
  const items = [...(q.data?.items ?? [])]
    .filter((e) => mode === 'all' || e.action !== 'read')
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <>
    <Segmented
      style={{ marginBottom: 12 }}
      value={mode}
      onChange={(v) => setMode(v as 'changes' | 'all')}
      options={[{ value: 'changes', label: t('audit.onlyChanges') }, { value: 'all', label: t('audit.withReads') }]}
      data-testid="audit-mode"
    />
    <Table<AuditEntry>
      data-testid="audit-table"
      size="small"
      rowKey="id"
      loading={q.isPending}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('common.noData')} /> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
        { title: t('audit.user'), dataIndex: 'username', width: 110 },
        {
          title: t('audit.action'), dataIndex: 'action', width: 80,
          render: (v: string) => <Tag color={ACTION_COLORS[v] ?? 'default'}>{t(`audit.actions.${v}`, { defaultValue: v })}</Tag>,
        },
        { title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (v: string) => t(`section.${ENTITY_SECTION[v] ?? v}`, { defaultValue: v }) },
        { title: t('audit.changes'), key: 'changes', render: (_, r) => <ChangeList entry={r} /> },
      ]}
    />
    </>
  );
}
