import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { setLang, type Lang } from '../i18n';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.login(v.username.trim(), v.password);
      qc.clear();
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setError(t('login.rateLimited'));
      else if (e instanceof ApiError && e.status === 401) setError(t('login.failed'));
      else if (e instanceof ApiError) setError(e.localized(i18n.language));
      else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <main>
        <div className="login-banner">{t('app.title')}</div>
        <Card className="login-card" title={t('login.title')} extra={
          <Segmented<Lang>
            size="small"
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'EN' }]}
            onChange={(v) => setLang(v)}
            data-testid="login-lang"
          />
        }>
          <Form layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('login.notice')}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
