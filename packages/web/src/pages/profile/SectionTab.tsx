import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Segmented, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api/client';
import { useCodes, useRules } from '../../api/hooks';
import type { Cadre, RulesConfig, SectionRow } from '../../api/types';
import { ErrorAlert } from '../../components/common';
import { Chart } from './Chart';
import { formatValue } from './format';
import { RecordForm } from './RecordForm';
import type { FieldDef, SectionDef } from './sections';

type Rec = Record<string, unknown>;

/** end of a discipline record's impact period (null when the months are unknown) */
export function impactEnd(row: Rec, config: RulesConfig | undefined): dayjs.Dayjs | null {
  const months = row.impactMonths != null ? Number(row.impactMonths) : config?.disciplineImpactMonths?.[String(row.kind)];
  if (months == null || !row.date) return null;
  return dayjs(String(row.date)).add(months, 'month');
}

export function SectionTab({ def, cadre, canWrite }: { def: SectionDef; cadre: Cadre; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodes();
  const rules = useRules();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Rec | null | undefined>(undefined); // undefined = closed, null = new
  const [view, setView] = useState<'timeline' | 'table'>('timeline');
  const key = ['section', cadre.id, def.key];
  const q = useQuery({ queryKey: key, queryFn: () => api.section(cadre.id, def.key) });

  const rows = useMemo(() => {
    const items = [...(q.data?.items ?? [])];
    if (def.sortBy) {
      const s = def.sortBy;
      items.sort((a, b) => String(b[s] ?? '').localeCompare(String(a[s] ?? ''), undefined, { numeric: true }));
    }
    return items;
  }, [q.data, def.sortBy]);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ['cadre', cadre.id] });
    void qc.invalidateQueries({ queryKey: ['cadre-audit', cadre.id] });
  };

  const remove = async (row: SectionRow) => {
    try {
      await api.deleteRow(cadre.id, def.key, row.id, row.version);
      void message.success(t('common.deleted'));
    } catch (e) {
      void message.error(errorText(e, i18n.language));
    }
    refresh();
  };

  const label = (f: FieldDef) => t(`field.${f.label ?? f.name}`);
  const config = rules.data?.config;

  const columns = def.fields
    .filter((f) => f.inTable ?? !['textarea', 'goals', 'checkpoints'].includes(f.type))
    .map((f) => ({
      title: label(f),
      key: f.name,
      dataIndex: f.name,
      ellipsis: f.type === 'textarea' ? { showTitle: true } : undefined,
      width: f.type === 'date' ? 110 : f.type === 'textarea' ? 320 : undefined,
      render: (v: unknown, r: SectionRow) => formatValue(f, v, codes, t, r),
    }));

  if (def.key === 'discipline') {
    columns.push(
      {
        title: t('field.impactEnd'), key: 'impactEnd', dataIndex: 'impactEnd', ellipsis: undefined, width: 110,
        render: (_: unknown, r: SectionRow) => impactEnd(r, config)?.format('YYYY-MM-DD') ?? '—',
      },
      {
        title: t('field.impactStatus'), key: 'impactStatus', dataIndex: 'impactStatus', ellipsis: undefined, width: 100,
        render: (_: unknown, r: SectionRow) => {
          const end = impactEnd(r, config);
          if (!end) return '—';
          const running = dayjs().isBefore(end, 'day');
          return (
            <span data-testid="impact-status">
              <Tag color={running ? 'red' : 'default'}>{running ? t('profile.impactRunning') : t('profile.impactOver')}</Tag>
              {r.revokedOn ? <Tag>{t('profile.impactRevoked')}</Tag> : null}
            </span>
          );
        },
      },
    );
  }
  if (def.key === 'political-quality') {
    columns.splice(6, 0, {
      title: t('profile.qualityAverage'), key: 'avg', dataIndex: 'avg', ellipsis: undefined, width: 80,
      render: (_: unknown, r: SectionRow) => {
        const v = ['loyalty', 'steadiness', 'responsibility', 'capability', 'selfDiscipline'].map((k) => r[k]).filter((x) => x != null).map(Number);
        return v.length ? (v.reduce((a, b) => a + b, 0) / v.length).toFixed(1) : '';
      },
    });
  }

  const actions = (r: SectionRow) =>
    canWrite ? (
      <Space size={0}>
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`row-edit-${def.key}`}>
          {t('common.edit')}
        </Button>
        <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove(r)} okButtonProps={{ 'data-testid': 'row-delete-ok' }}>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`row-delete-${def.key}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ) : null;

  const table = (
    <Table<SectionRow>
      data-testid={`section-table-${def.key}`}
      size="small"
      rowKey="id"
      bordered
      loading={q.isPending}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      columns={[...columns, ...(canWrite ? [{ title: t('common.actions'), key: '_actions', width: 150, fixed: 'right' as const, render: (_: unknown, r: SectionRow) => actions(r) }] : [])]}
    />
  );

  const extra = (() => {
    if (!rows.length) return null;
    if (def.key === 'career')
      return null; // rendered as the view switch below
    if (def.key === 'assessments') {
      const annual = rows.filter((r) => r.quarter == null && r.score != null).sort((a, b) => Number(a.year) - Number(b.year));
      if (!annual.length) return null;
      return (
        <Card size="small" title={t('profile.scoresByYear')} style={{ marginBottom: 12 }}>
          <Chart
            testId="chart-assessments"
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 40, right: 20, top: 30, bottom: 30 },
              xAxis: { type: 'category', data: annual.map((r) => String(r.year)) },
              yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100 },
              series: [
                {
                  type: 'bar',
                  barMaxWidth: 36,
                  data: annual.map((r) => ({ value: Number(r.score), itemStyle: { color: r.result === '优秀' ? '#a8071a' : r.result === '称职' ? '#8c8c8c' : '#d48806' } })),
                  label: { show: true, position: 'top', formatter: (p: { dataIndex: number; value: unknown }) => `${p.value}${annual[p.dataIndex]?.result ? ` ${annual[p.dataIndex].result}` : ''}` },
                },
              ],
            }}
          />
        </Card>
      );
    }
    if (def.key === 'training') {
      const target = Number(config?.training?.annualCentralisedHours ?? 0) || undefined;
      const byYear = new Map<string, Record<string, number>>();
      const modes = new Set<string>();
      for (const r of rows) {
        const y = String(r.startDate ?? '').slice(0, 4);
        if (!y) continue;
        const m = String(r.mode ?? '');
        modes.add(m);
        const e = byYear.get(y) ?? {};
        e[m] = (e[m] ?? 0) + Number(r.hours ?? 0);
        byYear.set(y, e);
      }
      const years = [...byYear.keys()].sort();
      return (
        <Card
          size="small"
          title={t('profile.hoursByYear')}
          extra={target ? <Typography.Text type="secondary" data-testid="training-target">{t('profile.targetHours', { hours: target })}</Typography.Text> : null}
          style={{ marginBottom: 12 }}
        >
          <Chart
            testId="chart-training"
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 40, right: 70, top: 36, bottom: 30 },
              xAxis: { type: 'category', data: years },
              yAxis: { type: 'value', name: 'h' },
              series: [...modes].map((m, i) => ({
                name: m || '—',
                type: 'bar' as const,
                stack: 'hours',
                barMaxWidth: 36,
                data: years.map((y) => byYear.get(y)?.[m] ?? 0),
                ...(i === 0 && target
                  ? { markLine: { symbol: 'none', lineStyle: { color: '#cf1322', type: 'dashed' as const }, label: { formatter: `${target}h` }, data: [{ yAxis: target }] } }
                  : {}),
              })),
            }}
          />
        </Card>
      );
    }
    return null;
  })();

  const careerTimeline =
    def.key === 'career' ? (
      <Timeline
        data-testid="career-timeline"
        items={[...rows].reverse().map((r) => ({
          color: r.endDate ? 'gray' : 'red',
          content: (
            <div>
              <Typography.Text type="secondary">
                {String(r.startDate ?? '').slice(0, 7).replace('-', '.')}—{r.endDate ? String(r.endDate).slice(0, 7).replace('-', '.') : t('profile.now')}
              </Typography.Text>{' '}
              <Typography.Text strong>{String(r.orgName ?? '')}</Typography.Text> {String(r.postTitle ?? '')}
              {r.postLevel ? <Tag style={{ marginInlineStart: 8 }}>{codes.name('postLevel', String(r.postLevel))}</Tag> : null}
              {r.isGrassroots ? <Tag color="orange">{t('field.isGrassroots')}</Tag> : null}
              {Array.isArray(r.experienceTypes) && (r.experienceTypes as string[]).map((x) => <Tag key={x}>{x}</Tag>)}
            </div>
          ),
        }))}
      />
    ) : null;

  return (
    <div data-testid={`section-${def.key}`}>
      <div className="section-toolbar">
        <Space>
          {def.key === 'career' && (
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'timeline' | 'table')}
              options={[{ value: 'timeline', label: t('profile.timeline') }, { value: 'table', label: t('profile.table') }]}
              data-testid="career-view"
            />
          )}
        </Space>
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid={`row-add-${def.key}`}>
            {t('common.add')}
          </Button>
        )}
      </div>
      <ErrorAlert error={q.error} />
      {extra}
      {!q.isPending && !rows.length ? (
        <Empty description={t('common.noData')} />
      ) : def.key === 'career' && view === 'timeline' ? (
        <Row>
          <Col span={24}>{careerTimeline}</Col>
        </Row>
      ) : (
        table
      )}
      <RecordForm
        open={editing !== undefined}
        title={`${t(`section.${def.key}`)} · ${editing ? t('common.edit') : t('common.add')}`}
        fields={def.fields}
        record={editing ?? null}
        dateOrder={def.dateOrder}
        testId={`edit-form-${def.key}`}
        check={(v) => {
          // mirrors the server's section checks (pastDates, afterWorkStart, assessment year)
          const errs: Record<string, string> = {};
          const today = dayjs();
          const lbl = (name: string) => {
            const f = def.fields.find((x) => x.name === name);
            return t(`field.${f?.label ?? name}`);
          };
          for (const name of def.pastDates ?? []) {
            const d = v[name] as dayjs.Dayjs | undefined;
            if (!d) continue;
            if (d.isAfter(today, 'day')) errs[name] = t('validation.future', { field: lbl(name) });
            else if (cadre.birthDate && d.isBefore(dayjs(cadre.birthDate), 'day'))
              errs[name] = t('validation.dateOrder', { start: t('field.birthDate'), end: lbl(name) });
          }
          for (const name of def.afterWorkStart ?? []) {
            const d = v[name] as dayjs.Dayjs | undefined;
            if (d && cadre.workStartDate && d.isBefore(dayjs(cadre.workStartDate), 'day') && !errs[name])
              errs[name] = t('validation.dateOrder', { start: t('field.workStartDate'), end: lbl(name) });
          }
          if (def.key === 'assessments' && typeof v.year === 'number') {
            if (v.year > today.year()) errs.year = t('validation.future', { field: lbl('year') });
            else if (cadre.workStartDate && v.year < Number(cadre.workStartDate.slice(0, 4)))
              errs.year = t('validation.dateOrder', { start: t('field.workStartDate'), end: lbl('year') });
          }
          return errs;
        }}
        submit={(payload, version) =>
          editing && version !== undefined
            ? api.updateRow(cadre.id, def.key, Number(editing.id), { ...payload, version })
            : api.createRow(cadre.id, def.key, payload)
        }
        onClose={() => setEditing(undefined)}
        onDone={() => {
          setEditing(undefined);
          refresh();
        }}
      />
    </div>
  );
}
