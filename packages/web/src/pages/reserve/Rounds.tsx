/**
 * 民主推荐: the recommendation rounds in scope; record a round (scope, target level or post, voters, votes per
 * candidate) or import the votes from .xlsx (template link); 推荐集中度 per candidate.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, TreeSelect, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { concentration } from '@cadre/core';
import { ApiError, itemsOf } from '../../api/client';
import { useCodes, useMe, useOrgTree } from '../../api/hooks';
import { reserveApi, type Round, type RoundVoteRow } from '../../api/reserve';
import { ErrorAlert, Fallback } from '../../components/common';
import { fitApi } from '../fit/api';
import { CadreSelect, errorText, pct, useLang } from './shared';

/** 推荐集中度 of a row, or null when the numbers are not (yet) valid */
function safeConcentration(votes: number | null | undefined, voters: number | null | undefined): number | null {
  if (votes == null || voters == null) return null;
  try {
    return concentration(votes, voters);
  } catch {
    return null;
  }
}

function RoundVotes({ id }: { id: number }) {
  const { t } = useLang();
  const q = useQuery({ queryKey: ['reserve-round', id], queryFn: () => reserveApi.round(id) });
  if (q.isPending) return <Fallback />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const votes = [...(r.votes ?? [])].sort((a, b) => b.votes - a.votes);
  return (
    <Table
      size="small"
      rowKey="cadreId"
      pagination={false}
      dataSource={votes}
      data-testid="round-votes"
      columns={[
        { title: t('reserve.common.name'), key: 'name', width: 120, render: (_: unknown, v: RoundVoteRow) => <Link to={`/cadres/${v.cadreId}`}>{v.name ?? v.cadreId}</Link> },
        { title: t('reserve.common.post'), key: 'post', render: (_: unknown, v: RoundVoteRow) => `${v.orgName ?? ''} ${v.currentPostTitle ?? ''}` },
        { title: t('reserve.rounds.votes'), dataIndex: 'votes', width: 80, align: 'right' as const },
        {
          title: t('reserve.common.concentration'),
          key: 'c',
          width: 260,
          render: (_: unknown, v: RoundVoteRow) => {
            const c = v.concentration ?? safeConcentration(v.votes, r.voterCount) ?? 0;
            return <Progress percent={Math.round(c * 1000) / 10} size="small" strokeColor="#a8071a" format={() => pct(c)} data-testid="round-concentration" />;
          },
        },
      ]}
    />
  );
}

interface RoundForm {
  name: string;
  date: Dayjs;
  scope?: string;
  orgUnitId?: number;
  positionId?: number;
  targetLevel?: string;
  voterCount: number;
  votes: { cadreId?: number; votes?: number }[];
}

function RecordRound({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const codes = useCodes();
  const org = useOrgTree();
  const [form] = Form.useForm<RoundForm>();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const voterCount = Form.useWatch('voterCount', form);
  const votes = Form.useWatch('votes', form) ?? [];
  const positions = useQuery({ queryKey: ['positions', orgUnitId], queryFn: () => fitApi.positions(orgUnitId!), enabled: !!orgUnitId });
  const m = useMutation({
    mutationFn: (v: RoundForm) =>
      reserveApi.createRound({
        name: v.name.trim(),
        date: v.date.format('YYYY-MM-DD'),
        scope: v.scope?.trim() || undefined,
        orgUnitId: v.orgUnitId,
        positionId: v.positionId,
        targetLevel: v.targetLevel,
        voterCount: v.voterCount,
        votes: v.votes.filter((x) => x.cadreId != null).map((x) => ({ cadreId: x.cadreId!, votes: x.votes ?? 0 })),
      }),
    onSuccess: (r) => {
      message.success(t('reserve.rounds.saved'));
      void qc.invalidateQueries({ queryKey: ['reserve-rounds'] });
      void qc.invalidateQueries({ queryKey: ['reserve-pool'] });
      void qc.invalidateQueries({ queryKey: ['reserve-nine-box'] });
      void qc.invalidateQueries({ queryKey: ['reserve-pools'] });
      form.resetFields();
      onClose();
      void r;
    },
    onError: (e) => {
      if (e instanceof ApiError && e.issues.length) {
        form.setFields(
          e.issues.map((i) => ({ name: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as (string | number)[], errors: [en ? (i.messageEn ?? i.message) : i.message] })) as Parameters<typeof form.setFields>[0],
        );
      }
      message.error(errorText(e, en));
    },
  });
  const chosen = votes.map((v) => v?.cadreId).filter((x): x is number => x != null);
  return (
    <Modal open={open} title={t('reserve.rounds.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={m.isPending} width={820} destroyOnHidden okButtonProps={{ 'data-testid': 'round-save' }}>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ date: dayjs(), votes: [{}] }} data-testid="round-form">
        <Space.Compact block>
          <Form.Item name="name" label={t('reserve.rounds.name')} rules={[{ required: true, whitespace: true }]} style={{ flex: 2 }}>
            <Input maxLength={200} data-testid="round-name" />
          </Form.Item>
          <Form.Item name="date" label={t('reserve.common.date')} rules={[{ required: true }]} style={{ flex: 1, marginInlineStart: 8 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="voterCount" label={t('reserve.rounds.voters')} rules={[{ required: true }, { type: 'number', min: 1 }]} style={{ flex: 1, marginInlineStart: 8 }}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} data-testid="round-voters" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="scope" label={t('reserve.rounds.scope')} style={{ flex: 1 }}>
            <Input maxLength={200} placeholder={t('reserve.rounds.scopeHint')} />
          </Form.Item>
          <Form.Item name="targetLevel" label={t('reserve.rounds.targetLevel')} style={{ width: 180, marginInlineStart: 8 }}>
            <Select allowClear options={codes.options('postLevel')} data-testid="round-level" showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="orgUnitId" label={t('reserve.rounds.unit')} style={{ flex: 1 }}>
            <TreeSelect allowClear showSearch treeData={org.tree} treeNodeFilterProp="title" popupMatchSelectWidth={400} onChange={() => form.setFieldValue('positionId', undefined)} />
          </Form.Item>
          <Form.Item name="positionId" label={t('reserve.rounds.position')} style={{ flex: 1, marginInlineStart: 8 }}>
            <Select allowClear disabled={!orgUnitId} options={(positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
        </Space.Compact>
        <Typography.Text strong>{t('reserve.rounds.candidates')}</Typography.Text>
        <Form.List name="votes" rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('reserve.rounds.needCandidate')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f, i) => {
                const c = safeConcentration(votes[i]?.votes, voterCount);
                return (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'cadreId']} rules={[{ required: true, message: t('reserve.pool.pickCadre') }]}>
                      <CadreSelect onChange={(v) => form.setFieldValue(['votes', f.name, 'cadreId'], v)} testId={`round-cadre-${i}`} width={420} exclude={chosen.filter((x) => x !== votes[i]?.cadreId)} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'votes']}
                      rules={[
                        { required: true, message: t('reserve.rounds.votesRequired') },
                        { validator: async (_, v: number | null) => (v != null && voterCount && v > voterCount ? Promise.reject(new Error(t('reserve.rounds.tooManyVotes', { n: voterCount }))) : undefined) },
                      ]}
                    >
                      <InputNumber min={0} precision={0} placeholder={t('reserve.rounds.votes')} style={{ width: 110 }} data-testid={`round-votes-${i}`} />
                    </Form.Item>
                    <span style={{ width: 120, display: 'inline-block' }} data-testid={`round-preview-${i}`}>
                      {t('reserve.common.concentration')} {pct(c)}
                    </span>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Space>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="round-add-candidate">
                {t('reserve.rounds.addCandidate')}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ImportRound({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, en } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string; date: Dayjs; voterCount: number; scope?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const m = useMutation({
    mutationFn: (v: { name: string; date: Dayjs; voterCount: number; scope?: string }) =>
      reserveApi.importRound(file!, { name: v.name.trim(), date: v.date.format('YYYY-MM-DD'), voterCount: v.voterCount, scope: v.scope }),
    onSuccess: () => {
      message.success(t('reserve.rounds.imported'));
      void qc.invalidateQueries({ queryKey: ['reserve-rounds'] });
      void qc.invalidateQueries({ queryKey: ['reserve-pool'] });
      setFile(null);
      onClose();
    },
  });
  const err = m.error instanceof ApiError ? m.error : null;
  return (
    <Modal open={open} title={t('reserve.rounds.import')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ disabled: !file }} confirmLoading={m.isPending} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {t('reserve.rounds.importHint')}{' '}
        <a href={reserveApi.roundTemplateUrl} download data-testid="round-template">
          <DownloadOutlined /> {t('reserve.rounds.template')}
        </a>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ date: dayjs() }}>
        <Form.Item name="name" label={t('reserve.rounds.name')} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
        <Space>
          <Form.Item name="date" label={t('reserve.common.date')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="voterCount" label={t('reserve.rounds.voters')} rules={[{ required: true }]}><InputNumber min={1} precision={0} /></Form.Item>
          <Form.Item name="scope" label={t('reserve.rounds.scope')}><Input maxLength={200} /></Form.Item>
        </Space>
        <Upload accept=".xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name }] : []}>
          <Button icon={<UploadOutlined />}>{t('reserve.rounds.pickFile')}</Button>
        </Upload>
      </Form>
      {m.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={errorText(m.error, en)}
          description={
            err?.issues.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 200, overflow: 'auto' }}>
                {err.issues.map((i, k) => (
                  <li key={k}>{`${i.path}: ${en ? (i.messageEn ?? i.message) : i.message}`}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}

export default function RoundsPage() {
  const { t } = useLang();
  const me = useMe();
  const codes = useCodes();
  const canWrite = !!me.data?.permissions.canWrite;
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const rounds = useQuery({ queryKey: ['reserve-rounds'], queryFn: async () => itemsOf(await reserveApi.rounds()) });
  const columns = [
    { title: t('reserve.rounds.name'), dataIndex: 'name', key: 'name' },
    { title: t('reserve.common.date'), dataIndex: 'date', width: 110 },
    {
      title: t('reserve.rounds.target'),
      key: 'target',
      render: (_: unknown, r: Round) =>
        [r.scope, r.orgName, r.positionTitle, r.targetLevel ? codes.name('postLevel', r.targetLevel) : null].filter(Boolean).join(' · '),
    },
    { title: t('reserve.rounds.voters'), dataIndex: 'voterCount', width: 100, align: 'right' as const },
    { title: t('reserve.rounds.candidateCount'), key: 'n', width: 100, align: 'right' as const, render: (_: unknown, r: Round) => r.candidates ?? r.votes?.length ?? '' },
    { title: t('reserve.rounds.top'), key: 'top', width: 140, align: 'right' as const, render: (_: unknown, r: Round) => pct(r.topConcentration) },
  ];
  return (
    <div data-testid="reserve-rounds-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <h1 className="page-title">{t('reserve.rounds.title')}</h1>
        {canWrite && (
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="round-import">{t('reserve.rounds.import')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="round-record">{t('reserve.rounds.record')}</Button>
          </Space>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('reserve.rounds.hint')}</Typography.Paragraph>
      <ErrorAlert error={rounds.error} />
      <Card size="small">
        {rounds.isPending ? (
          <Fallback />
        ) : (
          <Table
            size="small"
            rowKey="id"
            dataSource={[...(rounds.data ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)}
            columns={columns}
            expandable={{ expandedRowRender: (r) => <RoundVotes id={r.id} />, expandRowByClick: true }}
            pagination={{ pageSize: 20 }}
            data-testid="round-table"
          />
        )}
      </Card>
      <RecordRound open={recording} onClose={() => setRecording(false)} />
      <ImportRound open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
