import { Alert, Card, Col, Descriptions, List, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, itemsOf } from '../api/client';
import { useRules } from '../api/hooks';
import { ErrorAlert, Fallback } from '../components/common';

function Value({ v }: { v: unknown }) {
  if (v === null || v === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) return <>{v.join('、')}</>;
    return <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(v, null, 2)}</pre>;
  }
  if (typeof v === 'object') {
    return (
      <Descriptions size="small" column={1} bordered>
        {Object.entries(v as Record<string, unknown>).map(([k, x]) => (
          <Descriptions.Item key={k} label={k}>
            <Value v={x} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    );
  }
  if (typeof v === 'boolean') return <>{v ? '✓' : '✗'}</>;
  return <>{String(v)}</>;
}

export default function RulesPage() {
  const { t } = useTranslation();
  const rules = useRules();
  const versions = useQuery({ queryKey: ['rules-versions'], queryFn: async () => itemsOf(await api.rulesVersions()) });
  if (rules.isPending) return <Fallback />;
  if (rules.error) return <ErrorAlert error={rules.error} />;
  const r = rules.data;
  return (
    <div data-testid="rules-page">
      <h1 className="page-title">{t('rules.title')}</h1>
      <Alert type="info" showIcon title={t('rules.readOnlyHint')} style={{ marginBottom: 12 }} />
      <Row gutter={12}>
        <Col span={18}>
          <Card size="small" title={`${t('rules.config')} · ${t('rules.version', { v: r.version })}`} extra={dayjs(r.createdAt).format('YYYY-MM-DD HH:mm')}>
            {r.comment && <Typography.Paragraph type="secondary">{r.comment}</Typography.Paragraph>}
            <Value v={r.config} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" title={t('rules.versions')}>
            <List
              size="small"
              loading={versions.isPending}
              dataSource={versions.data ?? []}
              renderItem={(v) => (
                <List.Item>
                  <div>
                    <Typography.Text strong>{t('rules.version', { v: v.version })}</Typography.Text>
                    <div style={{ fontSize: 12, color: '#8c8c8c' }}>{dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}</div>
                    {v.comment && <div style={{ fontSize: 12 }}>{v.comment}</div>}
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
