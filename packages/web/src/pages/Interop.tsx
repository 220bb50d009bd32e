/**
 * 数据交换: 干部任免审批表 (LRMX, single file or .zip) and Excel 花名册 import — upload, per-file preview
 * (docs/interop.md), all-or-nothing commit. Export and print live on the roster and the profile.
 */
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Input, Space, Statistic, Table, Tabs, Tag, Typography, Upload, type TableProps } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, request, uploadRaw } from '../api/client';
import { useMe } from '../api/hooks';
import { ErrorAlert } from '../components/common';

type Kind = 'lrmx' | 'excel';
type Status = 'create' | 'update' | 'reject';

interface PreviewIssue {
  field: string;
  label?: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn?: string;
  suggestions?: string[];
  row?: number;
  col?: number;
}
interface FieldChange {
  field: string;
  label: string;
  action: string;
  before?: unknown;
  after?: unknown;
}
interface FileReport {
  file: string;
  row?: number;
  status: Status;
  name: string | null;
  cadreId?: number;
  orgId?: number | null;
  orgName?: string | null;
  issues: PreviewIssue[];
  fields: FieldChange[];
}
interface PreviewBody {
  token: string;
  kind: Kind;
  expiresAt: string;
  summary: { files: number; create: number; update: number; reject: number; warnings: number; committable: boolean };
  skipped?: string[];
  unmappedColumns?: string[];
  reportUrl?: string;
  filesTotal: number;
  offset: number;
  files: FileReport[];
}
interface CommitResult {
  created: number;
  updated: number;
  items: { file: string; status: Status; cadreId: number; name: string }[];
}

const PAGE = 500;
const STATUS_COLOR: Record<Status, string> = { create: 'green', update: 'blue', reject: 'red' };
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function ImportPanel({ kind }: { kind: Kind }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const L = (zh: string, e: string) => (en ? e : zh);
  const qc = useQueryClient();
  const [preview, setPreview] = useState<PreviewBody | null>(null);
  const [files, setFiles] = useState<FileReport[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'upload' | 'commit' | 'more' | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [mapping, setMapping] = useState('');
  const [sheet, setSheet] = useState('');

  const statusLabel = (s: Status) => (s === 'create' ? L('新增', 'New') : s === 'update' ? L('更新', 'Update') : L('拒绝', 'Rejected'));

  const upload = async (file: File) => {
    setBusy('upload');
    setError(null);
    setResult(null);
    setPreview(null);
    setFiles([]);
    try {
      let url = `/api/interop/${kind}/preview`;
      if (kind === 'excel') {
        const sp = new URLSearchParams();
        if (mapping.trim()) {
          try {
            JSON.parse(mapping);
          } catch {
            throw new ApiError(400, { error: 'bad_mapping', message: '列对应关系须为 JSON，如 {"员工姓名":"姓名"}', messageEn: 'The column mapping must be JSON, e.g. {"员工姓名":"姓名"}' });
          }
          sp.set('mapping', mapping.trim());
        }
        if (sheet.trim()) sp.set('sheet', sheet.trim());
        if (sp.size) url += `?${sp}`;
      }
      const body = await uploadRaw<PreviewBody>(url, file);
      setPreview(body);
      setFiles(body.files);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const loadMore = async () => {
    if (!preview) return;
    setBusy('more');
    try {
      const next = await request<PreviewBody>('GET', `/api/interop/previews/${preview.token}?offset=${files.length}&limit=${PAGE}`);
      setFiles((f) => [...f, ...next.files]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy('commit');
    setError(null);
    try {
      const r = await request<CommitResult>('POST', `/api/interop/${kind}/commit`, { token: preview.token });
      setResult(r);
      void qc.invalidateQueries({ queryKey: ['roster'] });
      void qc.invalidateQueries({ queryKey: ['cadre'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<FileReport>['columns'] = [
    {
      title: L('状态', 'Status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Status) => <Tag color={STATUS_COLOR[s]} data-testid="preview-status">{statusLabel(s)}</Tag>,
    },
    { title: kind === 'excel' ? L('行', 'Row') : L('文件', 'File'), dataIndex: 'file', width: 200, ellipsis: true },
    {
      title: L('姓名', 'Name'),
      dataIndex: 'name',
      width: 110,
      render: (v: string | null, r) => (r.cadreId ? <Link to={`/cadres/${r.cadreId}`}>{v}</Link> : v ?? '—'),
    },
    { title: L('单位', 'Unit'), dataIndex: 'orgName', width: 140, render: (v: string | null | undefined) => v ?? '' },
    {
      title: L('问题', 'Issues'),
      dataIndex: 'issues',
      render: (issues: PreviewIssue[]) =>
        issues.length === 0 ? (
          <Typography.Text type="secondary">{L('无', 'None')}</Typography.Text>
        ) : (
          <ul className="issue-list" style={{ margin: 0, paddingInlineStart: 16 }}>
            {issues.map((is, i) => (
              <li key={i} data-testid="preview-issue" data-code={is.code} data-severity={is.severity}>
                <Tag color={is.severity === 'error' ? 'red' : 'gold'} style={{ marginInlineEnd: 4 }}>
                  {is.severity === 'error' ? L('错误', 'Error') : L('警告', 'Warning')}
                </Tag>
                <Typography.Text type="secondary">{is.label ?? is.field}{is.col ? ` (${L('列', 'col')} ${is.col})` : ''}：</Typography.Text>
                {en ? is.messageEn ?? is.message : is.message}
                {is.suggestions?.length ? <Typography.Text type="secondary">（{L('建议', 'did you mean')}：{is.suggestions.join('、')}）</Typography.Text> : null}
              </li>
            ))}
          </ul>
        ),
    },
    { title: L('字段变化', 'Field changes'), dataIndex: 'fields', width: 100, render: (f: FieldChange[]) => f.filter((x) => x.action !== 'keep').length },
  ];

  const s = preview?.summary;
  const hasIssues = !!s && (s.reject > 0 || s.warnings > 0);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {kind === 'excel' && (
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/interop/excel/template" download data-testid="excel-template">
            {L('下载导入模板', 'Download template')}
          </Button>
          <Input
            style={{ width: 360 }}
            placeholder={L('列对应（可选，JSON）：{"员工姓名":"姓名"}', 'Column mapping (optional, JSON): {"员工姓名":"姓名"}')}
            value={mapping}
            onChange={(e) => setMapping(e.target.value)}
            data-testid="excel-mapping"
          />
          <Input style={{ width: 160 }} placeholder={L('工作表（可选）', 'Sheet (optional)')} value={sheet} onChange={(e) => setSheet(e.target.value)} data-testid="excel-sheet" />
        </Space>
      )}
      <div data-testid={kind === 'lrmx' ? 'lrmx-upload' : 'excel-upload'}>
        <Upload.Dragger
          accept={kind === 'lrmx' ? '.lrmx,.lrm,.xml,.zip' : '.xlsx'}
          multiple={false}
          showUploadList={false}
          disabled={busy === 'upload' || busy === 'commit'}
          customRequest={({ file, onSuccess, onError }) => {
            void upload(file as File).then(
              () => onSuccess?.({}),
              (e: unknown) => onError?.(e as Error),
            );
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {kind === 'lrmx'
              ? L('点击或拖入 .lrmx 任免审批表文件，或多份文件的 .zip 压缩包', 'Click or drop a .lrmx file, or a .zip of many')
              : L('点击或拖入 .xlsx 花名册', 'Click or drop an .xlsx roster')}
          </p>
          <p className="ant-upload-hint">
            {busy === 'upload' ? L('正在解析…', 'Reading…') : L('先预览，确认无误后再提交；提交全部成功或全部不写入。', 'Preview first, then commit; a commit writes everything or nothing.')}
          </p>
        </Upload.Dragger>
      </div>
      <ErrorAlert error={error} />
      {preview && s && (
        <Card size="small" data-testid="preview-summary" data-committable={String(s.committable)}>
          <Space size={40} wrap align="start">
            <Statistic title={L('文件', 'Files')} value={s.files} />
            <Statistic title={L('新增', 'New')} value={s.create} styles={{ content: { color: '#389e0d' } }} data-testid="summary-create" />
            <Statistic title={L('更新', 'Updates')} value={s.update} styles={{ content: { color: '#0958d9' } }} data-testid="summary-update" />
            <Statistic title={L('拒绝', 'Rejected')} value={s.reject} styles={{ content: { color: s.reject ? '#cf1322' : undefined } }} data-testid="summary-reject" />
            <Statistic title={L('警告', 'Warnings')} value={s.warnings} styles={{ content: { color: s.warnings ? '#d48806' : undefined } }} data-testid="summary-warnings" />
            <Space orientation="vertical">
              <Button type="primary" disabled={!s.committable || !!result} loading={busy === 'commit'} onClick={() => void commit()} data-testid="interop-commit">
                {L('提交', 'Commit')}
              </Button>
              {!s.committable && <Typography.Text type="danger">{L('有被拒绝的记录，修正后重新上传', 'Some records are rejected: fix them and upload again')}</Typography.Text>}
              {kind === 'excel' && preview.reportUrl && hasIssues && (
                <a href={preview.reportUrl} download data-testid="excel-report">
                  <DownloadOutlined /> {L('下载错误报告', 'Download error report')}
                </a>
              )}
            </Space>
          </Space>
          {!!preview.skipped?.length && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {L('已跳过（非任免审批表）', 'Skipped (not LRMX)')}：{preview.skipped.join('、')}
            </Typography.Paragraph>
          )}
          {!!preview.unmappedColumns?.length && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {L('未对应的列', 'Unmapped columns')}：{preview.unmappedColumns.join('、')}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="commit-result"
          title={L(`已提交：新增 ${result.created} 人，更新 ${result.updated} 人`, `Committed: ${result.created} created, ${result.updated} updated`)}
          description={
            <Space size={[8, 4]} wrap>
              {result.items.slice(0, 50).map((x) => (
                <Link key={`${x.cadreId}-${x.file}`} to={`/cadres/${x.cadreId}`} data-testid="commit-item">{x.name}</Link>
              ))}
              {result.items.length > 50 && <span>…</span>}
            </Space>
          }
        />
      )}
      {preview && (
        <Table<FileReport>
          data-testid="preview-table"
          rowKey={(r) => `${r.file}#${r.row ?? ''}`}
          size="small"
          bordered
          columns={columns}
          dataSource={files}
          onRow={(r) => ({ 'data-testid': 'preview-row', 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
          expandable={{
            rowExpandable: (r) => r.fields.length > 0,
            expandedRowRender: (r) => (
              <table className="field-changes" data-testid="preview-fields" style={{ width: '100%', borderCollapse: 'collapse' }}>
                <tbody>
                  {r.fields.map((f) => (
                    <tr key={f.field} data-field={f.field} data-action={f.action}>
                      <td style={{ width: 160, padding: '2px 8px', color: '#595959' }}>{f.label}</td>
                      <td style={{ width: 80, padding: '2px 8px' }}>
                        <Tag>{f.action === 'set' ? L('填写', 'set') : f.action === 'change' ? L('修改', 'change') : f.action === 'replace' ? L('替换', 'replace') : f.action}</Tag>
                      </td>
                      <td style={{ padding: '2px 8px' }}>
                        {f.action === 'change' || f.action === 'replace' ? `${show(f.before)} → ${show(f.after)}` : show(f.after)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          }}
          footer={
            files.length < preview.filesTotal
              ? () => (
                  <Button onClick={() => void loadMore()} loading={busy === 'more'} data-testid="preview-more">
                    {L(`已显示 ${files.length} / ${preview.filesTotal}，加载更多`, `Showing ${files.length} of ${preview.filesTotal}, load more`)}
                  </Button>
                )
              : undefined
          }
        />
      )}
    </Space>
  );
}

export default function InteropPage() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const me = useMe();
  const canWrite = me.data?.permissions.canWrite ?? false;
  return (
    <div data-testid="interop-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{en ? 'Data exchange' : '数据交换'}</Typography.Title>
      {!canWrite && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={en ? 'Read-only: importing needs write access to the registry.' : '只读用户不能导入；导出与打印请在干部名册和一人一档中操作。'} />}
      <Card size="small">
        <Tabs
          data-testid="interop-tabs"
          items={[
            { key: 'lrmx', label: <span data-testid="tab-lrmx">{en ? 'Appointment forms (LRMX) import' : '任免审批表(LRMX) 导入'}</span>, children: <ImportPanel kind="lrmx" /> },
            { key: 'excel', label: <span data-testid="tab-excel">{en ? 'Roster (Excel) import' : '花名册(Excel) 导入'}</span>, children: <ImportPanel kind="excel" /> },
          ]}
        />
      </Card>
    </div>
  );
}
