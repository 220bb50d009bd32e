/** 储备库: the pools in the user's scope with member counts by tier and by workflow stage; create a pool. */
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../api/hooks';
import { reserveApi, STAGES, TIERS, type Pool } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { errorText, TIER_COLORS, useLang, usePools } from './shared';

const LEVELS = [
  { value: '科级', label: '科级' },
  { value: '处级', label: '处级' },
];

export default function PoolsPage() {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = !!me.data?.permissions.canWrite;
  const pools = usePools();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: string; name: string; level?: string; description?: string }>();
  const create = useMutation({
    mutationFn: (v: { kind: string; name: string; level?: string; description?: string }) => reserveApi.createPool(v),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['reserve-pools'] });
      message.success(t('common.saved'));
    },
    onError: (e) => message.error(errorText(e, en)),
  });
  const kind = Form.useWatch('kind', form);

  const n = (p: Pool, group: 'byTier' | 'byStage', k: string) => (p.counts?.[group] as Record<string, number> | undefined)?.[k] ?? 0;
  const columns = [
    {
      title: t('reserve.pools.name'),
      key: 'name',
      render: (_: unknown, p: Pool) => (
        <Link to={`/reserve/pools/${p.id}`} data-testid="pool-link">
          {p.name}
        </Link>
      ),
    },
    { title: t('reserve.pools.kind'), key: 'kind', width: 130, render: (_: unknown, p: Pool) => p.kindName ?? p.kind },
    { title: t('reserve.pools.level'), key: 'level', width: 80, render: (_: unknown, p: Pool) => p.level ?? '' },
    { title: t('reserve.pools.admitted'), key: 'admitted', width: 80, align: 'right' as const, render: (_: unknown, p: Pool) => <b data-testid="pool-admitted">{n(p, 'byStage', 'admitted')}</b> },
    ...TIERS.map((tier) => ({
      title: <span style={{ color: TIER_COLORS[tier] }}>{t(`reserve.tier.${tier}`)}</span>,
      key: tier,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, p: Pool) => n(p, 'byTier', tier),
    })),
    {
      title: t('reserve.pools.inProcess'),
      key: 'process',
      render: (_: unknown, p: Pool) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {STAGES.filter((s) => s !== 'admitted')
            .map((s) => `${t(`reserve.stage.${s}`)} ${n(p, 'byStage', s)}`)
            .join(' · ')}
        </Typography.Text>
      ),
    },
    { title: t('reserve.pools.description'), dataIndex: 'description', ellipsis: true },
  ];

  return (
    <div data-testid="reserve-pools-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <h1 className="page-title">{t('reserve.pools.title')}</h1>
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="pool-create">
            {t('reserve.pools.create')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('reserve.pools.hint')}</Typography.Paragraph>
      <ErrorAlert error={pools.error} />
      {pools.isPending ? <Fallback /> : <Table size="small" rowKey="id" dataSource={pools.data?.items ?? []} columns={columns} pagination={false} data-testid="pool-table" />}
      <Modal
        open={open}
        title={t('reserve.pools.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'pool-create-ok' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: '自定义' }}>
          <Form.Item name="kind" label={t('reserve.pools.kind')} rules={[{ required: true }]}>
            <Select options={(pools.data?.kinds ?? ['自定义']).map((k) => ({ value: k, label: k }))} data-testid="pool-kind" />
          </Form.Item>
          <Form.Item name="name" label={t('reserve.pools.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          {kind === '优秀年轻干部' && (
            <Form.Item name="level" label={t('reserve.pools.level')}>
              <Select allowClear options={LEVELS} />
            </Form.Item>
          )}
          <Form.Item name="description" label={t('reserve.pools.description')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
