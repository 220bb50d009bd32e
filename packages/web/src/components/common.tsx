import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function Fallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

/** Renders an API error consistently. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const msg =
    error instanceof ApiError
      ? error.status === 404
        ? t('common.notFound')
        : error.status === 403
          ? t('common.forbidden')
          : error.localized(i18n.language)
      : String(error);
  return <Alert type="error" showIcon title={t('common.loadError')} description={msg} style={{ marginBottom: 12 }} />;
}
