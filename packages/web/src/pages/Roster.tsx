import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Modal,
  Popover,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
  type TableProps,
  type TreeSelectProps,
} from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  DownOutlined,
  FilterOutlined,
  PlusOutlined,
  SaveOutlined,
  TableOutlined,
  UpOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, itemsOf } from '../api/client';
import { useCodes, useMe, useOrgTree } from '../api/hooks';
import type { RosterRow } from '../api/types';
import { ErrorAlert } from '../components/common';
import { FILTER_KEYS, filtersFromParams, filtersToRecord, rosterApiQuery, type FilterValues } from './rosterQuery';

const COLUMNS_KEY = 'cadre.roster.columns';
const ALL_COLUMNS = [
  'name', 'sex', 'ethnicity', 'birthDate', 'age', 'politicalStatus', 'highestEducation', 'specialtyCategory',
  'orgName', 'currentPostTitle', 'postLevel', 'rank', 'postStartDate', 'yearsInPost', 'tags',
] as const;
type ColumnKey = (typeof ALL_COLUMNS)[number];
const DEFAULT_COLUMNS: ColumnKey[] = [
  'name', 'sex', 'ethnicity', 'birthDate', 'age', 'politicalStatus', 'highestEducation', 'orgName', 'currentPostTitle',
  'postLevel', 'rank', 'postStartDate', 'yearsInPost', 'tags',
];
/** columns the server can sort by (docs/api.md) */
const SORTABLE: Partial<Record<ColumnKey, string>> = {
  name: 'name', birthDate: 'birthDate', postStartDate: 'postStartDate', postLevel: 'postLevel', orgName: 'orgName',
};
const TEXT_KEYS = new Set(['q', 'specialty', 'tag', 'ageMin', 'ageMax']);
const STATUS_DEFAULT = ['在职', '退休', '调出', '去世'];
/** a roster page fetched this recently is shown without asking again (mount, back/forward) */
const ROSTER_STALE_MS = 30_000;

function loadColumns(): ColumnKey[] {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null');
    if (Array.isArray(v)) {
      const cols = v.filter((c): c is ColumnKey => (ALL_COLUMNS as readonly string[]).includes(c));
      if (cols.length) return cols;
    }
  } catch {
    /* ignore */
  }
  return DEFAULT_COLUMNS;
}

/**
 * 单位 filter. The org tree (≈ 5,000 units in a district of 100,000 cadres) is loaded only when the user
 * reaches for the select (hover, focus, open) or when a unit is already chosen (its name must show) —
 * not for the first roster page.
 */
function OrgFilter(props: Omit<TreeSelectProps<number>, 'treeData'> & { 'data-testid'?: string }) {
  const [wanted, setWanted] = useState(false);
  const org = useOrgTree({ enabled: wanted || props.value != null });
  const want = () => setWanted(true);
  return (
    <TreeSelect<number>
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      popupMatchSelectWidth={400}
      {...props}
      treeData={org.tree}
      loading={org.isFetching}
      notFoundContent={org.isPending && org.fetchStatus === 'fetching' ? <Spin size="small" /> : undefined}
      onMouseEnter={(e) => {
        want();
        props.onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        want();
        props.onFocus?.(e);
      }}
      onOpenChange={(open) => {
        if (open) want();
        props.onOpenChange?.(open);
      }}
    />
  );
}

/** 常用查询 (saved filter presets): loaded when the user reaches for the menu, not with the first page */
function PresetMenu({ onApply }: { onApply: (filter: Record<string, unknown>) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [wanted, setWanted] = useState(false);
  const presets = useQuery({ queryKey: ['saved-filters'], queryFn: async () => itemsOf(await api.savedFilters()), enabled: wanted });
  const deletePreset = useMutation({
    mutationFn: (id: number) => api.deleteFilter(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['saved-filters'] }),
  });
  const want = () => setWanted(true);
  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(open) => open && want()}
      menu={{
        items: presets.data?.length
          ? presets.data.map((p) => ({
              key: String(p.id),
              label: (
                <Space style={{ justifyContent: 'space-between', width: '100%', minWidth: 200 }} data-testid="preset-item">
                  <span>{p.name}</span>
                  <Tooltip title={t('roster.deletePreset')}>
                    <DeleteOutlined
                      aria-label={t('roster.deletePreset')}
                      onClick={(e) => {
                        e.stopPropagation();
                        deletePreset.mutate(p.id);
                      }}
                    />
                  </Tooltip>
                </Space>
              ),
            }))
          : presets.isPending
            ? [{ key: 'loading', disabled: true, label: <Spin size="small" /> }]
            : [{ key: 'none', disabled: true, label: t('roster.noPresets') }],
        onClick: ({ key }) => {
          const p = presets.data?.find((x) => String(x.id) === key);
          if (p) onApply(p.filter ?? {});
        },
      }}
    >
      <Button icon={<FilterOutlined />} onMouseEnter={want} onFocus={want} data-testid="preset-menu">
        {t('roster.presets')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/** 新增干部: its own chunk, loaded when the button is pressed (the roster's first load stays small) */
const NewCadre = lazy(() => import('./profile/NewCadre'));

export default function RosterPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodes();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const [form] = Form.useForm<FilterValues>();
  const [more, setMore] = useState(false);
  const [columns, setColumns] = useState<ColumnKey[]>(loadColumns);
  const [selected, setSelected] = useState<number[]>([]);
  const [creating, setCreating] = useState(false);
  const me = useMe();
  const canWriteRegistry = me.data?.permissions.canWriteRegistry ?? false;
  const [presetOpen, setPresetOpen] = useState(false);
  const [presetName, setPresetName] = useState('');
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const filters = useMemo(() => filtersFromParams(sp), [sp]);
  const filterRecord = useMemo(() => filtersToRecord(filters), [filters]);
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(sp.get('pageSize')) || 50));
  const sort = sp.get('sort') ?? '';

  // keep the form in step with the URL (back/forward, dashboard links, presets)
  useEffect(() => {
    const current = filtersToRecord(form.getFieldsValue(true) as FilterValues);
    const same = (a: Record<string, string>, b: Record<string, string>) =>
      Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);
    if (same(current, filterRecord)) return;
    const cleared = Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])) as FilterValues;
    form.setFieldsValue({ ...cleared, ...filters });
  }, [filters, filterRecord, form]);

  useEffect(() => {
    if (filters.postLevel?.length || filters.rank?.length || filters.political?.length || filters.education?.length || filters.ethnicity || filters.specialty || filters.tag || filters.status || filters.nonParty) setMore(true);
    // only on first render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const apiQuery = useMemo(() => rosterApiQuery(sp), [sp]);
  const roster = useQuery({
    queryKey: ['roster', apiQuery],
    queryFn: () => api.roster(apiQuery),
    placeholderData: keepPreviousData,
    // the first page is usually prefetched at start-up (App, early.ts): do not ask for it again on mount;
    // edits elsewhere invalidate ['roster']
    staleTime: ROSTER_STALE_MS,
  });

  const savePreset = useMutation({
    mutationFn: (name: string) => api.saveFilter(name, { ...filterRecord, ...(sort ? { sort } : {}) }),
    onSuccess: () => {
      void message.success(t('roster.presetSaved'));
      setPresetOpen(false);
      setPresetName('');
      void qc.invalidateQueries({ queryKey: ['saved-filters'] });
    },
    onError: (e) => void message.error(String((e as Error).message)),
  });

  /** write filters (and optionally paging/sort) to the URL */
  const push = (values: FilterValues, extra: Record<string, string> = {}) => {
    const rec = filtersToRecord(values);
    const next = new URLSearchParams(rec);
    if (sort && !('sort' in extra)) next.set('sort', sort);
    if (pageSize !== 50) next.set('pageSize', String(pageSize));
    for (const [k, v] of Object.entries(extra)) if (v) next.set(k, v); else next.delete(k);
    setSp(next);
  };

  const onValuesChange = (changed: Partial<FilterValues>, all: FilterValues) => {
    const keys = Object.keys(changed);
    // keep filters that live only in the URL (e.g. retiringWithinYears from the dashboard)
    const merged = { ...all, retiringWithinYears: filters.retiringWithinYears, ids: filters.ids, asOf: filters.asOf };
    clearTimeout(debounce.current);
    if (keys.some((k) => TEXT_KEYS.has(k))) debounce.current = setTimeout(() => push(merged), 400);
    else push(merged);
  };

  useEffect(() => () => clearTimeout(debounce.current), []);

  const onTableChange: TableProps<RosterRow>['onChange'] = (pg, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? SORTABLE[s.columnKey as ColumnKey] : undefined;
    const nextSort = key ? (s.order === 'descend' ? `-${key}` : key) : '';
    const next = new URLSearchParams(sp);
    if (nextSort) next.set('sort', nextSort);
    else next.delete('sort');
    const sortChanged = nextSort !== sort;
    const newSize = pg.pageSize ?? pageSize;
    const newPage = sortChanged || newSize !== pageSize ? 1 : pg.current ?? 1;
    if (newPage > 1) next.set('page', String(newPage));
    else next.delete('page');
    if (newSize !== 50) next.set('pageSize', String(newSize));
    else next.delete('pageSize');
    setSp(next);
  };

  // built once per (language, code lists, visible columns, sort): other re-renders of the page (selection,
  // filter typing) hand the table the same columns
  const tableColumns = useMemo(() => {
    const sortOrderOf = (key: ColumnKey): 'ascend' | 'descend' | null => {
      const k = SORTABLE[key];
      if (!k) return null;
      if (sort === k) return 'ascend';
      if (sort === `-${k}`) return 'descend';
      return null;
    };

    const allColumns: Record<ColumnKey, NonNullable<TableProps<RosterRow>['columns']>[number]> = {
      name: {
        title: t('field.name'), dataIndex: 'name', width: 110, fixed: 'left',
        render: (v: string, r) => <Link to={`/cadres/${r.id}`} data-testid="roster-name-link">{v}</Link>,
      },
      sex: { title: t('field.sex'), dataIndex: 'sex', width: 60, render: (v: string) => codes.name('sex', v) },
      ethnicity: { title: t('field.ethnicity'), dataIndex: 'ethnicity', width: 80, render: (v: string) => codes.name('ethnicity', v) },
      birthDate: { title: t('field.birthDate'), dataIndex: 'birthDate', width: 100, render: (v: string) => v?.slice(0, 7).replace('-', '.') },
      age: { title: t('field.age'), dataIndex: 'age', width: 60 },
      politicalStatus: { title: t('field.politicalStatus'), dataIndex: 'politicalStatus', width: 100, render: (v: string) => codes.name('political', v) },
      highestEducation: { title: t('field.highestEducation'), dataIndex: 'highestEducation', width: 110, ellipsis: true, render: (v: string) => codes.name('education', v) },
      specialtyCategory: { title: t('field.specialtyCategory'), dataIndex: 'specialtyCategory', width: 100, render: (v: string) => codes.name('specialty', v) },
      orgName: { title: t('field.orgName'), dataIndex: 'orgName', width: 180, ellipsis: true },
      currentPostTitle: { title: t('field.currentPostTitle'), dataIndex: 'currentPostTitle', width: 200, ellipsis: true },
      postLevel: { title: t('field.postLevel'), dataIndex: 'postLevel', width: 100, render: (v: string) => codes.name('postLevel', v) },
      rank: { title: t('field.rank'), dataIndex: 'rank', width: 110, render: (v: string) => codes.name('rank', v) },
      postStartDate: { title: t('field.postStartDate'), dataIndex: 'postStartDate', width: 110, render: (v: string | null) => v?.slice(0, 7).replace('-', '.') },
      yearsInPost: { title: t('field.yearsInPost'), dataIndex: 'yearsInPost', width: 90, render: (v: number | null) => (v == null ? '' : Math.floor(v * 10) / 10) },
      tags: {
        title: t('field.tags'), dataIndex: 'tags', width: 220,
        // one line per row (keeps rows the same height): young flag, style, first tag, then "+N" with the rest in a tooltip
        render: (_: unknown, r) => {
          const tags = r.tags ?? [];
          return (
            <span style={{ whiteSpace: 'nowrap' }}>
              {r.isYoung && <Tag color="red">{t('roster.young_tag')}</Tag>}
              {r.style && <Tag color={r.style === 'tiger' ? 'volcano' : 'default'}>{t(`style.${r.style}`, { defaultValue: codes.name('style', r.style) })}</Tag>}
              {tags.slice(0, 1).map((tag) => <Tag key={tag}>{tag}</Tag>)}
              {tags.length > 1 && (
                <Tooltip title={tags.slice(1).join('、')}>
                  <Tag>+{tags.length - 1}</Tag>
                </Tooltip>
              )}
            </span>
          );
        },
      },
    };
    return ALL_COLUMNS.filter((c) => columns.includes(c)).map((c) => ({
      ...allColumns[c],
      key: c,
      sorter: SORTABLE[c] ? true : undefined,
      sortOrder: SORTABLE[c] ? sortOrderOf(c) : undefined,
      sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[],
    }));
  }, [t, codes, columns, sort]);

  const setCols = (cols: ColumnKey[]) => {
    const next = cols.length ? cols : ['name' as ColumnKey];
    setColumns(next);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  };

  // the whole filtered view, in the table's sort order
  const exportQuery = { ...filterRecord, ...(sort ? { sort } : {}) };
  const exportHref = api.exportUrl(exportQuery);
  // only the selected rows (the roster API's `ids` filter, ≤ 5,000), same sort and columns
  const exportSelectedHref = api.exportUrl({ ids: selected.join(','), ...(sort ? { sort } : {}) });

  const statusOptions = codes.options('status').length ? codes.options('status') : STATUS_DEFAULT.map((s) => ({ value: s, label: s }));
  const specialtyOptions = codes.options('specialty');
  const tagOptions = codes.options('tag');
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, optionFilterProp: 'label' };

  return (
    <div data-testid="roster-page">
      <h1 className="page-title">{t('roster.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }} className="filter-bar">
        <Form form={form} layout="vertical" onValuesChange={onValuesChange} initialValues={filters} data-testid="roster-filters">
          <Row gutter={12}>
            <Col span={5}>
              <Form.Item name="q" label={t('roster.q')}>
                <Input allowClear placeholder={t('roster.q')} data-testid="filter-q" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="orgId" label={t('roster.unit')}>
                <OrgFilter placeholder={t('roster.unit')} data-testid="filter-org" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={`${t('field.age')}`} style={{ marginBottom: 8 }}>
                <Space.Compact block>
                  <Form.Item name="ageMin" noStyle>
                    <InputNumber min={18} max={80} placeholder={t('roster.ageMin')} style={{ width: '50%' }} data-testid="filter-age-min" />
                  </Form.Item>
                  <Form.Item name="ageMax" noStyle>
                    <InputNumber min={18} max={80} placeholder={t('roster.ageMax')} style={{ width: '50%' }} data-testid="filter-age-max" />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name="sex" label={t('roster.sex')}>
                <Select allowClear options={codes.options('sex')} placeholder={t('common.all')} data-testid="filter-sex" />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name="young" label=" " valuePropName="checked">
                <Checkbox data-testid="filter-young">{t('roster.young')}</Checkbox>
              </Form.Item>
            </Col>
            <Col span={3} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 8, justifyContent: 'flex-end' }}>
              <Space>
                <Button type="link" onClick={() => setMore(!more)} icon={more ? <UpOutlined /> : <DownOutlined />} data-testid="filter-more">
                  {more ? t('roster.less') : t('roster.more')}
                </Button>
              </Space>
            </Col>
          </Row>
          {/* kept mounted (hidden) so that every filter stays addressable */}
          <div style={{ display: more ? 'block' : 'none' }}>
            <Row gutter={12}>
              <Col span={5}>
                <Form.Item name="postLevel" label={t('roster.postLevel')}>
                  <Select {...multi} options={codes.options('postLevel')} data-testid="filter-post-level" />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="rank" label={t('roster.rank')}>
                  <Select {...multi} options={codes.options('rank')} data-testid="filter-rank" />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="political" label={t('roster.political')}>
                  <Select {...multi} options={codes.options('political')} data-testid="filter-political" />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="education" label={t('roster.education')}>
                  <Select {...multi} options={codes.options('education')} data-testid="filter-education" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="nonParty" label=" " valuePropName="checked">
                  <Checkbox data-testid="filter-non-party">{t('roster.nonParty')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={5}>
                <Form.Item name="ethnicity" label={t('roster.ethnicity')}>
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={codes.options('ethnicity')} data-testid="filter-ethnicity" />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="specialty" label={t('roster.specialty')}>
                  {specialtyOptions.length ? (
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={specialtyOptions} data-testid="filter-specialty" />
                  ) : (
                    <Input allowClear data-testid="filter-specialty" />
                  )}
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="tag" label={t('roster.tag')}>
                  {tagOptions.length ? (
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={tagOptions} data-testid="filter-tag" />
                  ) : (
                    <Input allowClear data-testid="filter-tag" />
                  )}
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="status" label={t('roster.status')}>
                  <Select allowClear options={statusOptions} placeholder="在职" data-testid="filter-status" />
                </Form.Item>
              </Col>
            </Row>
          </div>
        </Form>
        <Space wrap>
          <Button onClick={() => setSp(new URLSearchParams())} data-testid="filter-reset">{t('common.reset')}</Button>
          <PresetMenu onApply={(filter) => setSp(new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)])))} />
          <Button icon={<SaveOutlined />} onClick={() => setPresetOpen(true)} data-testid="preset-save">{t('roster.savePreset')}</Button>
          {filters.retiringWithinYears != null && (
            <Tag
              closable
              color="orange"
              onClose={() => push({ ...filters, retiringWithinYears: undefined })}
              data-testid="filter-retiring"
            >
              {t('roster.retiring', { n: filters.retiringWithinYears })}
            </Tag>
          )}
        </Space>
      </Card>

      {(filters.ids || filters.asOf) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="roster-link-filter"
          title={[
            filters.ids ? t('roster.idsFilter', { n: filters.ids.split(',').length }) : '',
            filters.asOf ? t('roster.asOfFilter', { date: filters.asOf }) : '',
          ].filter(Boolean).join('；')}
          action={
            <Button size="small" onClick={() => push({ ...filters, ids: undefined, asOf: undefined })} data-testid="roster-link-filter-clear">
              {t('roster.clearIds')}
            </Button>
          }
        />
      )}
      <Card size="small">
        <div className="section-toolbar">
          <Space>
            <Typography.Text strong data-testid="roster-total">{t('roster.total', { total: roster.data?.total ?? 0 })}</Typography.Text>
            {selected.length > 0 && (
              <>
                <Typography.Text type="secondary" data-testid="roster-selected">{t('roster.selected', { n: selected.length })}</Typography.Text>
                <Button size="small" type="link" onClick={() => setSelected([])}>{t('roster.clearSelection')}</Button>
                <Button size="small" icon={<DownloadOutlined />} href={exportSelectedHref} download data-testid="roster-export-selected">
                  {t('roster.exportSelected')}（{selected.length}）
                </Button>
                <Button size="small" icon={<DownloadOutlined />} href={`/api/interop/lrmx/export?ids=${selected.join(',')}`} download data-testid="export-lrmx">
                  {i18n.language === 'en' ? `Export LRMX (${selected.length})` : `导出LRMX（${selected.length}）`}
                </Button>
              </>
            )}
          </Space>
          <Space>
            <Popover
              trigger="click"
              placement="bottomRight"
              title={t('roster.columns')}
              content={
                <Checkbox.Group
                  value={columns}
                  onChange={(v) => setCols(v as ColumnKey[])}
                  style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4, width: 300 }}
                  options={ALL_COLUMNS.map((c) => ({ value: c, label: t(`field.${c}`), disabled: c === 'name' }))}
                  data-testid="column-chooser-list"
                />
              }
            >
              <Button icon={<TableOutlined />} data-testid="column-chooser">{t('roster.columns')}</Button>
            </Popover>
            {canWriteRegistry && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="roster-create">
                {t('roster.create')}
              </Button>
            )}
            <Button type="primary" icon={<DownloadOutlined />} href={exportHref} download data-testid="roster-export">
              {t('roster.export')}
            </Button>
          </Space>
        </div>
        <ErrorAlert error={roster.error} />
        <Table<RosterRow>
          data-testid="roster-table"
          rowKey="id"
          size="small"
          bordered
          columns={tableColumns}
          dataSource={roster.data?.items ?? []}
          loading={roster.isFetching}
          onChange={onTableChange}
          scroll={{ x: 'max-content', y: 'calc(100vh - 390px)' }}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys as number[]),
          }}
          pagination={{
            current: page,
            pageSize,
            total: roster.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showQuickJumper: true,
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      </Card>

      {creating && (
        <Suspense fallback={null}>
          <NewCadre open={creating} onClose={() => setCreating(false)} />
        </Suspense>
      )}
      <Modal
        open={presetOpen}
        title={t('roster.savePreset')}
        onCancel={() => setPresetOpen(false)}
        onOk={() => presetName.trim() && savePreset.mutate(presetName.trim())}
        okButtonProps={{ disabled: !presetName.trim(), loading: savePreset.isPending, 'data-testid': 'preset-save-ok' }}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={presetName}
          onChange={(e) => setPresetName(e.target.value)}
          placeholder={t('roster.presetName')}
          onPressEnter={() => presetName.trim() && savePreset.mutate(presetName.trim())}
          data-testid="preset-name"
        />
      </Modal>
    </div>
  );
}
