/**
 * 组织机构 editing: a unit's own record (编辑单位 / 新增下级单位), its teams (新增/编辑班子) and their
 * positions (新增/编辑职位 with 职数), 任职 to a position and 免职 of an incumbent. Every check is the server's (dates against 参加工作时间, scope, cycles, versions); the
 * forms show its errors on the field they name, and a 409 asks the user to reload.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, DatePicker, Divider, Form, Input, InputNumber, Modal, Select, Space, Spin, Switch } from 'antd';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { parseNeeds } from '@cadre/core';
import { api, ApiError } from '../../api/client';
import { useCodes } from '../../api/hooks';
import type { Holder, OrgUnit, Position, Team } from '../../api/types';

const APPOINTMENT_KINDS = ['任职', '兼任', '挂职', '代理'] as const;
const METHODS = ['委任', '选任', '聘任', '考任'] as const;
const END_REASONS = ['职务调整', '交流轮岗', '提拔任用', '到龄退休', '挂职期满', '辞去职务', '免职处理'];
/** unit kinds as org_unit.kind stores them (the team overview filters by them) */
export const ORG_KINDS = ['党政机关', '镇街', '事业单位', '国有企业', '园区', '高校科研'];
const MANAGEMENT_LEVELS = ['区管', '市管', '部门管理'];

type Rec = Record<string, unknown>;

/** put a 400's issues on the fields they name; anything else (and 409) becomes the top message */
function useServerErrors(form: ReturnType<typeof Form.useForm<Rec>>[0], fields: string[]) {
  const { t, i18n } = useTranslation();
  const [top, setTop] = useState<string | null>(null);
  const show = (e: unknown) => {
    const lang = i18n.language;
    if (e instanceof ApiError && e.status === 400 && e.issues.length) {
      const placed = e.issues.filter((is) => is.path && fields.includes(String(is.path).split('.')[0]));
      form.setFields(placed.map((is) => ({ name: String(is.path).split('.')[0], errors: [lang.startsWith('en') ? is.messageEn ?? is.message : is.message] })));
      const rest = e.issues.filter((is) => !placed.includes(is));
      setTop(rest.length || !placed.length ? [e.localized(lang), ...rest.map((is) => (lang.startsWith('en') ? is.messageEn ?? is.message : is.message))].join('；') : null);
    } else if (e instanceof ApiError && e.status === 409) setTop(t('conflict.reload', { defaultValue: lang.startsWith('en') ? 'Someone else changed this record meanwhile; close and reload.' : '该记录已被他人修改，请关闭后刷新再试。' }));
    else setTop(e instanceof ApiError ? e.localized(lang) : String(e));
  };
  return { top, setTop, show };
}

const iso = (d: dayjs.Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * The modal every form here shares: submit → `save`; success → message, the `invalidate` queries refreshed, closed;
 * a 400 → its issues on the fields they name (the rest on top), a 409 → "reload" on top
 */
function SaveModal(props: {
  title: ReactNode;
  testId: string;
  fields: string[];
  initialValues: Rec;
  save: (v: Rec) => Promise<unknown>;
  saved: string;
  /** queries to refresh after a save (a function: of the submitted values) */
  invalidate: QueryKey[] | ((v: Rec) => QueryKey[]);
  onClose: () => void;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Rec>();
  const [busy, setBusy] = useState(false);
  const errors = useServerErrors(form, props.fields);
  const submit = async (v: Rec) => {
    setBusy(true);
    errors.setTop(null);
    try {
      await props.save(v);
      void message.success(props.saved);
      const keys = typeof props.invalidate === 'function' ? props.invalidate(v) : props.invalidate;
      await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
      props.onClose();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={props.title} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {errors.top && <Alert type="error" showIcon title={errors.top} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid={props.testId} initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Modal>
  );
}

// ───────────── unit ─────────────

export function UnitForm(props: { open: boolean; unit: OrgUnit | null; parent: OrgUnit | null; onClose: () => void }) {
  return props.open ? <UnitFormInner {...props} /> : null;
}

function UnitFormInner({ unit, parent, onClose }: { unit: OrgUnit | null; parent: OrgUnit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const save = (v: Rec) => {
    const body = {
      name: String(v.name ?? '').trim(),
      shortName: v.shortName ? String(v.shortName).trim() : null,
      kind: v.kind,
      managementLevel: v.managementLevel,
      rankLevel: v.rankLevel ?? null,
      sort: Number(v.sort ?? 0),
    };
    return unit ? api.updateOrgUnit(unit.id, { ...body, version: unit.version }) : api.createOrgUnit({ ...body, parentId: parent?.id ?? null });
  };
  return (
    <SaveModal
      title={unit ? `${t('org.editUnit')} · ${unit.name}` : `${t('org.addChild')}${parent ? ` · ${parent.name}` : ''}`}
      testId="org-unit-form"
      fields={['name', 'shortName', 'kind', 'managementLevel', 'rankLevel', 'sort', 'parentId']}
      initialValues={
        unit
          ? { name: unit.name, shortName: unit.shortName, kind: unit.kind, managementLevel: unit.managementLevel, rankLevel: unit.rankLevel, sort: unit.sort }
          : { kind: parent?.kind === '镇街' ? '事业单位' : parent?.kind ?? '党政机关', managementLevel: '区管', sort: 0 }
      }
      save={save}
      saved={t('org.unitSaved')}
      invalidate={[['org-units'], ['org-unit']]}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('org.unitName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input data-testid="unit-name" />
      </Form.Item>
      <Form.Item name="shortName" label={t('org.shortName')} rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
        <Select options={ORG_KINDS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="managementLevel" label={t('org.managementLevel')}>
        <Select options={MANAGEMENT_LEVELS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="rankLevel" label={t('org.rankLevel')}>
        <Select allowClear options={codes.options('postLevel')} />
      </Form.Item>
      <Form.Item name="sort" label={t('org.sort')}>
        <InputNumber min={-100000} max={100000} />
      </Form.Item>
    </SaveModal>
  );
}

// ───────────── 任职 ─────────────

export function AppointForm(props: { position: Position | null; onClose: () => void }) {
  return props.position ? <AppointFormInner position={props.position} onClose={props.onClose} /> : null;
}

function AppointFormInner({ position, onClose }: { position: Position; onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['appoint-search', q],
    queryFn: () => api.roster({ q, pageSize: 20 }),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
  const save = (v: Rec) =>
    api.createAppointment({
      cadreId: v.cadreId,
      positionId: position.id,
      startDate: iso(v.startDate as dayjs.Dayjs),
      kind: v.kind,
      method: v.method,
      docNo: v.docNo ? String(v.docNo).trim() : null,
    });
  return (
    <SaveModal
      title={t('org.appointTitle', { post: position.title })}
      testId="appoint-form"
      fields={['cadreId', 'startDate', 'kind', 'method', 'docNo']}
      initialValues={{ startDate: dayjs(), kind: '任职', method: '委任' }}
      save={save}
      saved={t('org.appointed')}
      invalidate={(v) => [['org-unit'], ['cadre', v.cadreId], ['roster']]}
      onClose={onClose}
    >
      <Form.Item name="cadreId" label={t('org.cadre')} rules={[{ required: true }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('org.cadrePick')}
          notFoundContent={search.isFetching ? <Spin size="small" /> : null}
          options={(search.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.name}（${r.age}岁${r.currentPostTitle ? `，${r.currentPostTitle}` : ''}）`,
          }))}
          data-testid="appoint-cadre"
        />
      </Form.Item>
      <Form.Item name="startDate" label={t('org.startDate')} rules={[{ required: true }]}>
        <DatePicker data-testid="appoint-start" />
      </Form.Item>
      <Form.Item name="kind" label={t('org.apptKind')} extra={t('org.kindNote')}>
        <Select options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="method" label={t('org.method')}>
        <Select options={METHODS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="docNo" label={t('org.docNo')} rules={[{ max: 100 }]}>
        <Input placeholder="临委〔2026〕12号" />
      </Form.Item>
    </SaveModal>
  );
}

// ───────────── 免职 ─────────────

export function EndForm(props: { holder: { h: Holder; post: string } | null; onClose: () => void }) {
  return props.holder ? <EndFormInner {...props.holder} onClose={props.onClose} /> : null;
}

function EndFormInner({ h, post, onClose }: { h: Holder; post: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SaveModal
      title={t('org.endTitle', { name: h.name, post })}
      testId="end-form"
      fields={['endDate', 'endReason', 'docNo']}
      initialValues={{ endDate: dayjs() }}
      save={(v) => api.updateAppointment(h.appointmentId, { version: h.version, endDate: iso(v.endDate as dayjs.Dayjs), endReason: v.endReason ?? null })}
      saved={t('org.ended')}
      invalidate={[['org-unit'], ['cadre', h.cadreId], ['roster']]}
      onClose={onClose}
    >
      <Form.Item name="endDate" label={t('org.endDate')} rules={[{ required: true }]}>
        <DatePicker data-testid="end-date" disabledDate={(d) => d.isBefore(dayjs(h.startDate), 'day')} />
      </Form.Item>
      <Form.Item name="endReason" label={t('org.endReason')}>
        <Select allowClear options={END_REASONS.map((k) => ({ value: k, label: k }))} data-testid="end-reason" />
      </Form.Item>
    </SaveModal>
  );
}

// ───────────── 班子 ─────────────

/** 新增班子 (team = null: in the unit) / 编辑班子, with its 班子结构要求 (team.needs: the analysis' coverage and indicators read them) */
export function TeamForm(props: { open: boolean; unitId: number; team: Team | null; onClose: () => void }) {
  return props.open ? <TeamFormInner {...props} /> : null;
}

function TeamFormInner({ unitId, team, onClose }: { unitId: number; team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const needs = parseNeeds(team?.needs ?? null);
  const save = (v: Rec) => {
    // 班子结构要求: the keys the analysis reads; any other key a caller of the API stored is kept
    const next = {
      ...(team?.needs ?? {}),
      woman: v.needWoman === true,
      young: Number(v.needYoung ?? 0),
      nonParty: v.needNonParty === true,
      specialties: (v.needSpecialties as string[] | undefined) ?? [],
      experience: (v.needExperience as string[] | undefined) ?? [],
    };
    const body = { name: String(v.name ?? '').trim(), kind: v.kind, description: v.description ? String(v.description) : null, needs: next };
    return team ? api.updateTeam(team.id, { ...body, version: team.version }) : api.createTeam({ ...body, orgUnitId: unitId });
  };
  return (
    <SaveModal
      title={team ? `${t('org.editTeam')} · ${team.name}` : t('org.addTeam')}
      testId="org-team-form"
      fields={['name', 'kind', 'description', 'needs']}
      initialValues={{
        name: team?.name,
        kind: team?.kind ?? '党政班子',
        description: team?.description,
        needWoman: needs.woman,
        needYoung: needs.young,
        needNonParty: needs.nonParty,
        needSpecialties: needs.specialties,
        needExperience: needs.experience,
      }}
      save={save}
      saved={t('org.teamSaved')}
      invalidate={[['org-unit'], ['team-analysis'], ['teams-analysis']]}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('org.teamName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input data-testid="team-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('org.teamKind')} rules={[{ required: true }]}>
        <Select options={codes.options('teamKind')} />
      </Form.Item>
      <Form.Item name="description" label={t('org.teamDescription')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
        {t('org.needs')}
      </Divider>
      <Space size={24}>
        <Form.Item name="needWoman" label={t('org.needWoman')} valuePropName="checked">
          <Switch data-testid="team-need-woman" />
        </Form.Item>
        <Form.Item name="needNonParty" label={t('org.needNonParty')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="needYoung" label={t('org.needYoung')}>
          <InputNumber min={0} max={9} />
        </Form.Item>
      </Space>
      <Form.Item name="needSpecialties" label={t('org.needSpecialties')}>
        <Select mode="multiple" allowClear options={codes.options('specialty')} data-testid="team-need-specialties" />
      </Form.Item>
      <Form.Item name="needExperience" label={t('org.needExperience')}>
        <Select mode="multiple" allowClear options={codes.options('experience')} />
      </Form.Item>
    </SaveModal>
  );
}

// ───────────── 职位 ─────────────

/** 新增职位 in a team (position = null) / 编辑职位: title, 职务层次, 正职, category, 关键岗位, 职数 */
export function PositionForm(props: { open: boolean; teamId: number; position: Position | null; onClose: () => void }) {
  return props.open ? <PositionFormInner {...props} /> : null;
}

function PositionFormInner({ teamId, position, onClose }: { teamId: number; position: Position | null; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const save = (v: Rec) => {
    const body = { title: String(v.title ?? '').trim(), level: v.level, isChief: v.isChief === true, category: v.category, isKey: v.isKey === true, quota: Number(v.quota ?? 1) };
    return position ? api.updatePosition(position.id, { ...body, version: position.version }) : api.createPosition({ ...body, teamId });
  };
  return (
    <SaveModal
      title={position ? `${t('org.editPosition')} · ${position.title}` : t('org.addPosition')}
      testId="org-position-form"
      fields={['title', 'level', 'isChief', 'category', 'isKey', 'quota', 'sort']}
      initialValues={
        position
          ? { title: position.title, level: position.level, isChief: position.isChief, category: position.category, isKey: position.isKey, quota: position.quota }
          : { category: '行政', isChief: false, isKey: false, quota: 1 }
      }
      save={save}
      saved={t('org.positionSaved')}
      invalidate={[['org-unit']]}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('org.positionTitle')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input data-testid="position-title" />
      </Form.Item>
      <Form.Item name="level" label={t('org.level')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={codes.options('postLevel')} data-testid="position-level" />
      </Form.Item>
      <Form.Item name="category" label={t('org.category')} rules={[{ required: true }]}>
        <Select options={codes.options('positionCategory')} />
      </Form.Item>
      <Space size={24}>
        <Form.Item name="isChief" label={t('org.isChief')} valuePropName="checked">
          <Switch data-testid="position-chief" />
        </Form.Item>
        <Form.Item name="isKey" label={t('org.isKey')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="quota" label={t('org.quota')} rules={[{ required: true }]}>
          <InputNumber min={0} max={50} data-testid="position-quota" />
        </Form.Item>
      </Space>
    </SaveModal>
  );
}
