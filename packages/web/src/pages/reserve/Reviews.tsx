/**
 * 季度研判: pick a pool and a quarter → generate the three lists (问题清单 / 实绩清单 / 整改清单), edit the items
 * inline (text, owner, due date, status), export to .xlsx, print (the server's printable HTML).
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Badge, Button, Card, DatePicker, Empty, Input, Popconfirm, Select, Space, Table, Tabs, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ApiError, itemsOf } from '../../api/client';
import { useMe } from '../../api/hooks';
import { ITEM_STATUS, REVIEW_LISTS, reserveApi, type Review, type ReviewItem, type ReviewListKind } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { errorText, PoolSelect, quarterOf, recentQuarters, useLang, usePools } from './shared';

/** one editable text cell: saves on blur / Enter when changed */
function TextCell({ value, disabled, onSave, testId, multiline }: { value: string; disabled: boolean; onSave: (v: string) => void; testId?: string; multiline?: boolean }) {
  const [v, setV] = useState(value);
  const [prev, setPrev] = useState(value);
  if (prev !== value) (setPrev(value), setV(value));
  const commit = () => v.trim() !== value && onSave(v.trim());
  return multiline ? (
    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} variant="borderless" value={v} disabled={disabled} onChange={(e) => setV(e.target.value)} onBlur={commit} data-testid={testId} maxLength={2000} />
  ) : (
    <Input variant="borderless" value={v} disabled={disabled} onChange={(e) => setV(e.target.value)} onBlur={commit} onPressEnter={commit} data-testid={testId} maxLength={100} />
  );
}

function ReviewLists({ review, canWrite }: { review: Review; canWrite: boolean }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['reserve-review', review.id];
  const save = useMutation({
    mutationFn: ({ item, patch }: { item: ReviewItem; patch: Partial<Pick<ReviewItem, 'text' | 'owner' | 'dueDate' | 'status'>> }) =>
      reserveApi.updateItem(item.id, { ...patch, version: item.version } as Parameters<typeof reserveApi.updateItem>[1]),
    onSuccess: (updated) => {
      qc.setQueryData<Review>(key, (r) => (r ? { ...r, items: r.items.map((i) => (i.id === updated.id ? { ...i, ...updated } : i)) } : r));
      message.success(t('common.saved'));
    },
    onError: (e) => {
      message.error(errorText(e, en));
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: key });
    },
  });
  const edit = (item: ReviewItem, patch: Partial<Pick<ReviewItem, 'text' | 'owner' | 'dueDate' | 'status'>>) => save.mutate({ item, patch });
  const by = (list: ReviewListKind) => review.items.filter((i) => i.list === list);

  const columns = (list: ReviewListKind) => [
    { title: '#', key: 'n', width: 44, render: (_: unknown, _i: ReviewItem, k: number) => k + 1 },
    {
      title: t('reserve.common.name'),
      key: 'cadre',
      width: 90,
      render: (_: unknown, i: ReviewItem) => (i.cadreId ? <Link to={`/cadres/${i.cadreId}?tab=growth`}>{i.cadreName ?? i.cadreId}</Link> : ''),
    },
    {
      title: t(`reserve.review.text.${list}`),
      key: 'text',
      render: (_: unknown, i: ReviewItem) => <TextCell multiline value={i.text} disabled={!canWrite} onSave={(v) => v && edit(i, { text: v })} testId="item-text" />,
    },
    ...(list === 'achievement'
      ? []
      : [
          { title: t('reserve.review.owner'), key: 'owner', width: 150, render: (_: unknown, i: ReviewItem) => <TextCell value={i.owner ?? ''} disabled={!canWrite} onSave={(v) => edit(i, { owner: v || null })} testId="item-owner" /> },
          {
            title: t('reserve.review.due'),
            key: 'due',
            width: 140,
            render: (_: unknown, i: ReviewItem) => (
              <DatePicker size="small" variant="borderless" disabled={!canWrite} value={i.dueDate ? dayjs(i.dueDate) : null} onChange={(d) => edit(i, { dueDate: d ? d.format('YYYY-MM-DD') : null })} data-testid="item-due" />
            ),
          },
          {
            title: t('reserve.review.status'),
            key: 'status',
            width: 110,
            render: (_: unknown, i: ReviewItem) => (
              <Select size="small" variant="borderless" disabled={!canWrite} value={i.status ?? undefined} onChange={(v) => edit(i, { status: v })} options={ITEM_STATUS.map((s) => ({ value: s, label: s }))} style={{ width: 96 }} data-testid="item-status" />
            ),
          },
        ]),
  ];

  return (
    <Tabs
      items={REVIEW_LISTS.map((list) => ({
        key: list,
        label: (
          <span data-testid={`review-tab-${list}`}>
            {t(`reserve.review.list.${list}`)} <Badge count={by(list).length} showZero color={list === 'problem' ? '#cf1322' : list === 'achievement' ? '#389e0d' : '#d48806'} />
          </span>
        ),
        children: <Table size="small" rowKey="id" dataSource={by(list)} columns={columns(list)} pagination={false} data-testid={`review-list-${list}`} locale={{ emptyText: t('reserve.review.empty') }} />,
      }))}
    />
  );
}

export default function ReviewsPage() {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const canWrite = !!me.data?.permissions.canWrite;
  const pools = usePools();
  const [sp, setSp] = useSearchParams();
  const poolId = Number(sp.get('poolId')) || pools.data?.items[0]?.id;
  const quarter = sp.get('quarter') ?? quarterOf();
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    setSp(next, { replace: true });
  };
  const list = useQuery({ queryKey: ['reserve-reviews', poolId], queryFn: async () => itemsOf(await reserveApi.reviews(poolId!)), enabled: !!poolId });
  const existing = (list.data ?? []).find((r) => r.quarter === quarter);
  const review = useQuery({ queryKey: ['reserve-review', existing?.id], queryFn: () => reserveApi.review(existing!.id), enabled: !!existing });
  const generate = useMutation({
    mutationFn: (replace: boolean) => reserveApi.generateReview(poolId!, quarter, replace),
    onSuccess: (r) => {
      qc.setQueryData(['reserve-review', r.id], r);
      void qc.invalidateQueries({ queryKey: ['reserve-reviews', poolId] });
      void qc.invalidateQueries({ queryKey: ['reserve-review', r.id] });
      message.success(t('reserve.review.generated'));
    },
    onError: (e) => message.error(errorText(e, en)),
  });

  return (
    <div data-testid="reserve-reviews-page">
      <h1 className="page-title">{t('reserve.review.title')}</h1>
      <Typography.Paragraph type="secondary">{t('reserve.review.hint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <PoolSelect value={poolId} onChange={(v) => set('poolId', v ? String(v) : undefined)} testId="review-pool" />
          <Select value={quarter} onChange={(v) => set('quarter', v)} options={recentQuarters(8).map((q) => ({ value: q, label: t('reserve.review.quarterLabel', { y: q.slice(0, 4), q: q.slice(5) }) }))} style={{ width: 160 }} data-testid="review-quarter" />
          {canWrite &&
            (existing ? (
              <Popconfirm title={t('reserve.review.regenerateConfirm')} onConfirm={() => generate.mutate(true)}>
                <Button icon={<ThunderboltOutlined />} loading={generate.isPending} data-testid="review-generate">{t('reserve.review.regenerate')}</Button>
              </Popconfirm>
            ) : (
              <Button type="primary" icon={<ThunderboltOutlined />} disabled={!poolId} loading={generate.isPending} onClick={() => generate.mutate(false)} data-testid="review-generate">
                {t('reserve.review.generate')}
              </Button>
            ))}
          {existing && (
            <>
              <Button icon={<DownloadOutlined />} href={reserveApi.reviewExportUrl(existing.id)} data-testid="review-export">{t('reserve.common.exportXlsx')}</Button>
              <Button icon={<PrinterOutlined />} href={reserveApi.reviewPrintUrl(existing.id)} target="_blank" rel="noopener" data-testid="review-print">{t('reserve.review.print')}</Button>
            </>
          )}
        </Space>
      </Card>
      <ErrorAlert error={list.error ?? review.error} />
      <Card size="small">
        {!poolId || list.isPending ? (
          pools.isPending || list.isFetching ? <Fallback /> : <Empty description={t('reserve.common.pickPool')} />
        ) : !existing ? (
          <Empty description={t('reserve.review.none', { quarter })} />
        ) : review.isPending ? (
          <Fallback />
        ) : review.data ? (
          <ReviewLists review={review.data} canWrite={canWrite} />
        ) : null}
      </Card>
    </div>
  );
}
