/**
 * 新增干部: the basic form of a new file (所在单位 + 基本信息), the same checks as the server's; on
 * success the new 一人一档 opens. Loaded only when the roster's button is pressed (own chunk).
 */
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { checkBasic } from './basicCheck';
import { RecordForm } from './RecordForm';
import { BASIC_DATE_ORDER, NEW_CADRE_FIELDS } from './sections';

export default function NewCadre({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  // 身份证号 only for roles that may set it (the server refuses it otherwise)
  const mayIdNumber = me.data?.permissions.sensitive.idNumber ?? false;
  const fields = NEW_CADRE_FIELDS.filter((f) => f.sensitive !== 'idNumber' || mayIdNumber);
  let created: { id: number } | null = null;
  return (
    <RecordForm
      open={open}
      title={t('roster.create')}
      fields={fields}
      record={null}
      dateOrder={BASIC_DATE_ORDER}
      testId="new-cadre-form"
      width={760}
      check={(v) => checkBasic(v, mayIdNumber, i18n.language)}
      submit={async (payload) => {
        // a new file sends only what was filled in (the server's defaults apply to the rest, e.g. 状态 在职)
        const filled = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
        created = await api.createCadre(filled);
        return created;
      }}
      onClose={onClose}
      onDone={() => {
        onClose();
        void qc.invalidateQueries({ queryKey: ['roster'] });
        if (created) void navigate(`/cadres/${created.id}`);
      }}
    />
  );
}
