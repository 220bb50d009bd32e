import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCodes, useOrgTree, type Codes } from '../../api/hooks';
import { validateIdNumber } from '../../validation';
import { codeSetOf, formatValue, isoDate } from './format';
import { issueField, type FieldDef } from './sections';

type Rec = Record<string, unknown>;

/** stored record → form values */
function toForm(fields: FieldDef[], rec: Rec | null): Rec {
  const out: Rec = {};
  for (const f of fields) {
    const v = rec?.[f.name];
    if (f.type === 'date') out[f.name] = v ? dayjs(String(v)) : undefined;
    else if (f.type === 'tags') out[f.name] = Array.isArray(v) ? v : [];
    else if (f.type === 'goals') out[f.name] = Array.isArray(v) ? (v as Rec[]).map((g) => ({ ...g, due: g.due ? dayjs(String(g.due)) : undefined })) : [];
    else if (f.type === 'checkpoints') out[f.name] = Array.isArray(v) ? (v as Rec[]).map((c) => ({ ...c, date: c.date ? dayjs(String(c.date)) : undefined })) : [];
    else if (f.type === 'bool') out[f.name] = Boolean(v);
    else out[f.name] = v ?? undefined;
  }
  return out;
}

/** form values → API payload (every field) */
function fromForm(fields: FieldDef[], values: Rec): Rec {
  const out: Rec = {};
  for (const f of fields) {
    const v = values[f.name];
    switch (f.type) {
      case 'date':
        out[f.name] = isoDate(v as dayjs.Dayjs | undefined);
        break;
      case 'number':
        out[f.name] = v === undefined || v === null || v === '' ? null : Number(v);
        break;
      case 'bool':
        out[f.name] = Boolean(v);
        break;
      case 'tags':
        out[f.name] = Array.isArray(v) ? v.map((x) => String(x).trim()).filter(Boolean) : [];
        break;
      case 'goals':
        out[f.name] = (Array.isArray(v) ? (v as Rec[]) : [])
          .filter((g) => g && String(g.text ?? '').trim())
          .map((g) => ({ text: String(g.text).trim(), ...(g.due ? { due: isoDate(g.due as dayjs.Dayjs) } : {}), done: Boolean(g.done) }));
        break;
      case 'checkpoints':
        out[f.name] = (Array.isArray(v) ? (v as Rec[]) : [])
          .filter((c) => c && (c.date || c.note))
          .map((c) => ({ date: isoDate(c.date as dayjs.Dayjs) ?? '', note: String(c.note ?? '') }));
        break;
      default: {
        const s = typeof v === 'string' ? v.trim() : v;
        out[f.name] = s === undefined || s === '' ? null : s;
      }
    }
  }
  return out;
}

function norm(f: FieldDef, v: unknown): string {
  if (v === undefined || v === null || v === '') return f.type === 'tags' || f.type === 'goals' || f.type === 'checkpoints' ? '[]' : 'null';
  if (f.type === 'date') return JSON.stringify(String(v).slice(0, 10));
  if (f.type === 'number') return JSON.stringify(Number(v));
  if (f.type === 'bool') return JSON.stringify(Boolean(v));
  return JSON.stringify(v);
}

export interface RecordFormProps {
  open: boolean;
  title: string;
  fields: FieldDef[];
  /** the record being edited; null = new record */
  record: Rec | null;
  dateOrder?: [string, string][];
  /** extra checks: returns field → message */
  check?: (values: Rec) => Record<string, string>;
  /** POST (version undefined) or PATCH */
  submit: (payload: Rec, version: number | undefined) => Promise<unknown>;
  onClose: () => void;
  /** after success or after "use theirs" */
  onDone: () => void;
  testId?: string;
  width?: number;
}

/** Mounted only while open, so every opening starts from a fresh form store. */
export function RecordForm(props: RecordFormProps) {
  return props.open ? <RecordFormInner {...props} /> : null;
}

function RecordFormInner(props: RecordFormProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodes();
  const [form] = Form.useForm<Rec>();
  const [busy, setBusy] = useState(false);
  const [topErrors, setTopErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState<{ mine: Rec; current: Rec } | null>(null);
  const lang = i18n.language;
  const label = (f: FieldDef) => t(`field.${f.label ?? f.name}`);
  const fieldNames = useMemo(() => new Set(props.fields.map((f) => f.name)), [props.fields]);

  // computed once per opening
  const [initialValues] = useState(() => toForm(props.fields, props.record));
  // the version the user started editing from (a background refetch must not silently overwrite others' changes)
  const [baseVersion] = useState(() => (props.record ? Number(props.record.version) : undefined));

  /** payload: everything for a new record, only changed fields for an edit */
  const buildPayload = (values: Rec): Rec => {
    const all = fromForm(props.fields, values);
    if (!props.record) return all;
    const changed: Rec = {};
    for (const f of props.fields) if (norm(f, all[f.name]) !== norm(f, props.record[f.name])) changed[f.name] = all[f.name];
    return changed;
  };

  const send = async (payload: Rec, version: number | undefined) => {
    setBusy(true);
    setTopErrors([]);
    try {
      await props.submit(payload, version);
      void message.success(t('common.saved'));
      setConflict(null);
      props.onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.current) {
        setConflict({ mine: payload, current: e.current });
      } else if (e instanceof ApiError && e.status === 400) {
        const unplaced: string[] = [];
        const byField = new Map<string, string[]>();
        for (const is of e.issues) {
          const name = issueField(is.path);
          const msg = lang.startsWith('en') ? is.messageEn ?? is.message : is.message;
          if (fieldNames.has(name)) byField.set(name, [...(byField.get(name) ?? []), msg]);
          else unplaced.push(is.path ? `${is.path}: ${msg}` : msg);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        if (unplaced.length || !byField.size) setTopErrors([e.localized(lang), ...unplaced]);
      } else if (e instanceof ApiError) {
        setTopErrors([e.localized(lang)]);
      } else setTopErrors([String(e)]);
    } finally {
      setBusy(false);
    }
  };

  const onFinish = async (values: Rec) => {
    const extra = props.check?.(values) ?? {};
    if (Object.keys(extra).length) {
      form.setFields(Object.entries(extra).map(([name, msg]) => ({ name, errors: [msg] })));
      return;
    }
    const payload = buildPayload(values);
    if (props.record && Object.keys(payload).length === 0) {
      props.onClose();
      return;
    }
    await send(payload, baseVersion);
  };

  /** date order rules, attached to the later field */
  const orderRule = (f: FieldDef) =>
    (props.dateOrder ?? [])
      .filter(([, later]) => later === f.name)
      .map(([earlier]) => ({
        validator: async (_: unknown, v: dayjs.Dayjs | undefined) => {
          const e = form.getFieldValue(earlier) as dayjs.Dayjs | undefined;
          if (v && e && v.isBefore(e, 'day')) {
            const ef = props.fields.find((x) => x.name === earlier);
            throw new Error(t('validation.dateOrder', { start: ef ? label(ef) : earlier, end: label(f) }));
          }
        },
      }));

  const rulesOf = (f: FieldDef) => {
    const r: object[] = [];
    // NB: never pass `whitespace: false` — @rc-component/async-validator treats the mere key as a whitespace check
    if (f.required) r.push({ required: true, message: t('validation.required', { field: label(f) }), ...(f.type === 'text' || f.type === 'textarea' ? { whitespace: true } : {}) });
    if (f.type === 'number' && (f.min !== undefined || f.max !== undefined))
      r.push({ type: 'number', min: f.min, max: f.max, message: t('validation.range', { field: label(f), min: f.min, max: f.max }) });
    if (f.name === 'idNumber')
      r.push({
        validator: async (_: unknown, v: string | undefined) => {
          if (v && v.trim() && !validateIdNumber(v)) throw new Error(t('validation.idNumber'));
        },
      });
    r.push(...orderRule(f));
    return r;
  };

  const dependencies = (f: FieldDef) => (props.dateOrder ?? []).filter(([, later]) => later === f.name).map(([earlier]) => earlier);

  return (
    <>
      <Drawer
        open={props.open}
        title={props.title}
        size={props.width ?? 640}
        onClose={props.onClose}
        destroyOnHidden
        data-testid={props.testId ?? 'edit-form'}
        footer={
          <Space style={{ float: 'right' }}>
            <Button onClick={props.onClose} data-testid="edit-cancel">{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="edit-submit">
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        {topErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={topErrors[0]}
            description={topErrors.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 16 }}>{topErrors.slice(1).map((m, i) => <li key={i}>{m}</li>)}</ul> : undefined}
            style={{ marginBottom: 12 }}
            data-testid="edit-errors"
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues} scrollToFirstError>
          <Row gutter={12}>
            {props.fields.map((f) => (
              <Col span={f.type === 'textarea' || f.type === 'goals' || f.type === 'checkpoints' || f.type === 'tags' ? 24 : 12} key={f.name}>
                {f.type === 'goals' || f.type === 'checkpoints' ? (
                  <ListField f={f} label={label(f)} />
                ) : f.codeSetFrom ? (
                  <Form.Item noStyle shouldUpdate={(a, b) => a[f.codeSetFrom!.field] !== b[f.codeSetFrom!.field]}>
                    {({ getFieldValue }) => (
                      <Form.Item name={f.name} label={label(f)} rules={rulesOf(f)}>
                        <FieldInput f={f} codes={codes} row={{ [f.codeSetFrom!.field]: getFieldValue(f.codeSetFrom!.field) }} />
                      </Form.Item>
                    )}
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={f.name}
                    label={label(f)}
                    rules={rulesOf(f)}
                    dependencies={dependencies(f)}
                    valuePropName={f.type === 'bool' ? 'checked' : 'value'}
                  >
                    <FieldInput f={f} codes={codes} />
                  </Form.Item>
                )}
              </Col>
            ))}
          </Row>
        </Form>
      </Drawer>
      <ConflictDialog
        open={!!conflict}
        fields={props.fields}
        mine={conflict?.mine ?? {}}
        current={conflict?.current ?? {}}
        original={props.record}
        codes={codes}
        busy={busy}
        onUseMine={() => conflict && void send(conflict.mine, Number(conflict.current.version))}
        onUseTheirs={() => {
          setConflict(null);
          props.onDone();
        }}
        onCancel={() => setConflict(null)}
      />
    </>
  );
}

/** an org unit of the user's tree (scoped on the server) */
function OrgInput({ testId, ...rest }: { testId: string; value?: unknown; onChange?: (v: unknown) => void }) {
  const org = useOrgTree();
  return (
    <TreeSelect
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeData={org.tree}
      loading={org.isPending}
      popupMatchSelectWidth={420}
      data-testid={testId}
      {...(rest as object)}
    />
  );
}

function FieldInput({ f, codes, row, ...rest }: { f: FieldDef; codes: Codes; row?: Rec; value?: unknown; onChange?: (v: unknown) => void; checked?: boolean }) {
  const testId = `field-${f.name}`;
  const fixed = (f.options ?? []).map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  switch (f.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid={testId} {...(rest as object)} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} data-testid={testId} {...(rest as object)} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} min={f.min} max={f.max} data-testid={testId} {...(rest as object)} />;
    case 'bool':
      return <Switch data-testid={testId} {...(rest as object)} />;
    case 'select':
      return <Select allowClear options={fixed} data-testid={testId} {...(rest as object)} />;
    case 'org':
      return <OrgInput testId={testId} {...(rest as object)} />;
    case 'code': {
      const set = codeSetOf(f, row);
      const opts = set ? codes.options(set) : [];
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={opts.length ? opts : fixed}
          data-testid={testId}
          {...(rest as object)}
        />
      );
    }
    case 'tags': {
      const opts = f.codeSet ? codes.options(f.codeSet) : [];
      return <Select mode="tags" options={opts.length ? opts : fixed} data-testid={testId} {...(rest as object)} />;
    }
    default:
      return fixed.length ? (
        <AutoComplete options={fixed} data-testid={testId} {...(rest as object)} />
      ) : (
        <Input data-testid={testId} {...(rest as object)} />
      );
  }
}

function ListField({ f, label }: { f: FieldDef; label: string }) {
  const { t } = useTranslation();
  const isGoals = f.type === 'goals';
  return (
    <Form.Item label={label}>
      <Form.List name={f.name}>
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => (
              <Space key={key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                {isGoals ? (
                  <>
                    <Form.Item name={[name, 'text']} noStyle rules={[{ required: true, message: t('validation.required', { field: label }) }]}>
                      <Input style={{ width: 300 }} placeholder={t('field.goals')} />
                    </Form.Item>
                    <Form.Item name={[name, 'due']} noStyle>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[name, 'done']} noStyle valuePropName="checked">
                      <Checkbox>{t('profile.goalsDone')}</Checkbox>
                    </Form.Item>
                  </>
                ) : (
                  <>
                    <Form.Item name={[name, 'date']} noStyle rules={[{ required: true, message: t('validation.required', { field: t('field.date') }) }]}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[name, 'note']} noStyle rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('field.note') }) }]}>
                      <Input style={{ width: 360 }} placeholder={t('field.note')} />
                    </Form.Item>
                  </>
                )}
                <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('common.delete')} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add(isGoals ? { done: false } : {})} icon={<PlusOutlined />}>
              {isGoals ? t('profile.addGoal') : t('profile.addCheckpoint')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

export interface ConflictDialogProps {
  open: boolean;
  fields: FieldDef[];
  mine: Rec;
  current: Rec;
  /** the record as it was when editing began */
  original?: Rec | null;
  codes: Codes;
  busy?: boolean;
  onUseMine: () => void;
  onUseTheirs: () => void;
  onCancel: () => void;
}

/** 409: both versions side by side. */
export function ConflictDialog(props: ConflictDialogProps) {
  const { t } = useTranslation();
  // fields I changed, plus fields the other user changed since I opened the form
  const rows = props.fields
    .filter((f) => f.name in props.mine || (props.original && norm(f, props.original[f.name]) !== norm(f, props.current[f.name])))
    .map((f) => {
      const mineValue = f.name in props.mine ? props.mine[f.name] : props.original?.[f.name];
      return { f, mine: mineValue, touched: f.name in props.mine, theirs: props.current[f.name], differs: norm(f, mineValue) !== norm(f, props.current[f.name]) };
    });
  return (
    <Modal
      open={props.open}
      title={t('conflict.title')}
      width={820}
      onCancel={props.onCancel}
      footer={[
        <Button key="theirs" onClick={props.onUseTheirs} data-testid="conflict-use-theirs">{t('conflict.useTheirs')}</Button>,
        <Button key="mine" type="primary" loading={props.busy} onClick={props.onUseMine} data-testid="conflict-use-mine">{t('conflict.useMine')}</Button>,
      ]}
    >
      <div data-testid="conflict-dialog">
      <Typography.Paragraph>{t('conflict.intro', { version: String(props.current.version ?? '') })}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.f.name}
        dataSource={rows}
        scroll={{ y: 400 }}
        rowClassName={(r) => (r.differs ? 'row-vacant' : '')}
        columns={[
          { title: t('conflict.field'), key: 'f', width: 160, render: (_, r) => <>{t(`field.${r.f.label ?? r.f.name}`)}{r.differs && <Typography.Text type="danger">（{t('conflict.changed')}）</Typography.Text>}</> },
          {
            title: t('conflict.mine'),
            key: 'mine',
            render: (_, r) => (r.touched ? formatValue(r.f, r.mine, props.codes, t, props.mine) : <Typography.Text type="secondary">{formatValue(r.f, r.mine, props.codes, t, props.original ?? undefined)}</Typography.Text>),
          },
          { title: t('conflict.theirs'), key: 'theirs', render: (_, r) => formatValue(r.f, r.theirs, props.codes, t, props.current) },
        ]}
        data-testid="conflict-table"
      />
      </div>
    </Modal>
  );
}
