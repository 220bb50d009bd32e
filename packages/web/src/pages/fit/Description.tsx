/** 岗位说明书 editor for one position: a form for the PositionDescription, templates, and the version history. */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Col, Form, Input, InputNumber, List, Row, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { ErrorAlert, Fallback } from '../../components/common';
import { fitApi, type PositionDescription } from './api';
import { useL } from './shared';

const LEVELS = [
  ['131', '正处'],
  ['132', '副处'],
  ['141', '正科'],
  ['142', '副科'],
  ['150', '科员'],
];
const SPECIALTIES = ['哲学', '经济学', '法学', '教育学', '文学', '历史学', '理学', '工学', '农学', '医学', '军事学', '管理学', '艺术学'];
const KINDS = ['镇街', '基层', '经济', '招商引资', '乡村振兴', '基层治理', '城建规划', '法治', '党建', '信访维稳', '应急', '财政金融', '科技创新', '生态环保', '教育卫生', '国企管理'];
const COMPETENCIES = ['政治素质', '工作实绩', '担当作为'];

type FormValues = Omit<PositionDescription, 'competencyWeights'> & { weights: Record<string, number | null>; comment?: string };

export default function DescriptionPage() {
  const { L } = useL();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const me = useMe();
  const canWrite = !!me.data?.permissions.canWrite && me.data.user.role !== 'unit_hr';
  const [form] = Form.useForm<FormValues>();
  const desc = useQuery({ queryKey: ['fit-description', id], queryFn: () => fitApi.description(id) });
  const hist = useQuery({ queryKey: ['fit-description-history', id], queryFn: () => fitApi.descriptionHistory(id) });
  const tpl = useQuery({ queryKey: ['fit-templates'], queryFn: fitApi.templates });
  const [version, setVersion] = useState<number | null>(null);

  const fill = (d: PositionDescription) => {
    form.setFieldsValue({
      ...d,
      preferredStyle: d.preferredStyle ?? null,
      ageBand: d.ageBand ?? {},
      weights: Object.fromEntries(COMPETENCIES.map((c) => [c, d.competencyWeights[c] ?? null])),
      comment: '',
    });
  };
  useEffect(() => {
    if (desc.data) {
      fill(desc.data.description);
      setVersion(desc.data.version);
    }
  }, [desc.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const { weights, comment, ...rest } = v;
      const competencyWeights: Record<string, number> = {};
      for (const [k, w] of Object.entries(weights ?? {})) if (w != null && w > 0) competencyWeights[k] = w;
      const ageBand = rest.ageBand && (rest.ageBand.min != null || rest.ageBand.max != null) ? { min: rest.ageBand.min ?? undefined, max: rest.ageBand.max ?? undefined } : undefined;
      const description: PositionDescription = {
        ...rest,
        preferredSpecialties: rest.preferredSpecialties ?? [],
        requiredExperience: (rest.requiredExperience ?? []).filter((e) => e?.kind),
        competencyWeights,
        ageBand,
        preferredStyle: rest.preferredStyle ?? null,
      };
      return fitApi.saveDescription(id, { description, version: version!, comment: comment || undefined });
    },
    onSuccess: (r) => {
      setVersion(r.version);
      void qc.invalidateQueries({ queryKey: ['fit-description-history', id] });
      void qc.invalidateQueries({ queryKey: ['fit-description', id] });
      message.success(L(`已保存为第 ${r.descriptionVersion} 版`, `Saved as version ${r.descriptionVersion}`));
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
  });

  if (desc.isPending) return <Fallback />;
  if (desc.error || !desc.data) return <ErrorAlert error={desc.error} />;
  const d = desc.data;
  return (
    <div data-testid="fit-description-page">
      <Typography.Title level={4}>
        {L('岗位说明书', 'Position description')}：{d.orgName} {d.title}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Link to={`/fit/rank?positionId=${id}`}>{L('查看人选排序', 'Ranked candidates')}</Link>
        {d.suggestedTemplate && <Tag>{L('建议模板', 'suggested template')}: {tpl.data?.items.find((x) => x.key === d.suggestedTemplate)?.name ?? d.suggestedTemplate}</Tag>}
      </Space>
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Form form={form} layout="vertical" disabled={!canWrite} onFinish={(v) => save.mutate(v)} data-testid="description-form">
              <Form.Item label={L('套用模板', 'Apply a template')}>
                <Select
                  allowClear
                  placeholder={L('选择模板后可再修改', 'pick, then adjust')}
                  data-testid="description-template"
                  options={(tpl.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))}
                  onChange={(k) => {
                    const t = tpl.data?.items.find((x) => x.key === k);
                    if (t) {
                      const { key, name: _n, en: _e, ...rest } = t;
                      fill({ ...rest, template: key });
                    }
                  }}
                />
              </Form.Item>
              <Form.Item name="template" hidden><Input /></Form.Item>
              <Row gutter={12}>
                <Col span={8}><Form.Item name="requiredLevel" label={L('职务层次要求', 'Required level')}><Select allowClear options={LEVELS.map(([v, l]) => ({ value: v, label: `${l} (${v})` }))} /></Form.Item></Col>
                <Col span={8}><Form.Item name="minYearsAtLevelBelow" label={L('任下一级最少年限', 'Min. years at level below')}><InputNumber min={0} max={60} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={8}>
                  <Form.Item name="preferredStyle" label={L('性格类型偏好', 'Preferred style')}>
                    <Select allowClear options={[{ value: 'tiger', label: L('小老虎型', 'enterprising') }, { value: 'ox', label: L('老黄牛型', 'steady') }]} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="preferredSpecialties" label={L('专业偏好（学科门类）', 'Preferred specialties')}>
                <Select mode="tags" options={SPECIALTIES.map((s) => ({ value: s, label: s }))} data-testid="description-specialties" />
              </Form.Item>
              <Typography.Text strong>{L('经历要求（最少年限，0 = 优先）', 'Required experience (min years, 0 = preferred)')}</Typography.Text>
              <Form.List name="requiredExperience">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                        <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}><Select style={{ width: 180 }} options={KINDS.map((k) => ({ value: k, label: k }))} /></Form.Item>
                        <Form.Item name={[f.name, 'minYears']} initialValue={0}><InputNumber min={0} max={60} addonAfter={L('年', 'y')} /></Form.Item>
                        <MinusCircleOutlined onClick={() => remove(f.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({ kind: undefined, minYears: 0 })} icon={<PlusOutlined />} style={{ marginBottom: 12 }} data-testid="description-add-experience">
                      {L('添加经历要求', 'Add experience')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Row gutter={12}>
                {COMPETENCIES.map((c) => (
                  <Col span={8} key={c}>
                    <Form.Item name={['weights', c]} label={L(`能力权重：${c}`, `Weight: ${c}`)}><InputNumber min={0} max={10} step={0.05} style={{ width: '100%' }} /></Form.Item>
                  </Col>
                ))}
              </Row>
              <Row gutter={12}>
                <Col span={8}><Form.Item name={['ageBand', 'min']} label={L('年龄下限', 'Min. age')}><InputNumber min={16} max={80} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={8}><Form.Item name={['ageBand', 'max']} label={L('年龄上限', 'Max. age')}><InputNumber min={16} max={80} style={{ width: '100%' }} data-testid="description-age-max" /></Form.Item></Col>
              </Row>
              <Form.Item name="remark" label={L('备注', 'Remark')}><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="comment" label={L('修改说明', 'Change note')}><Input data-testid="description-comment" /></Form.Item>
              {canWrite && (
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="description-save">
                  {L('保存（生成新版本）', 'Save (new version)')}
                </Button>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={L('历史版本', 'History')}>
            <ErrorAlert error={hist.error} />
            <List
              size="small"
              data-testid="description-history"
              dataSource={hist.data?.items ?? []}
              locale={{ emptyText: L('尚无历史版本', 'no versions yet') }}
              renderItem={(h) => (
                <List.Item actions={[<a key="v" onClick={() => fill(h.description)}>{L('载入', 'load')}</a>]}>
                  <List.Item.Meta
                    title={<span>{L(`第 ${h.version} 版`, `v${h.version}`)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.createdAt.slice(0, 16).replace('T', ' ')} {h.createdByName ?? ''}</Typography.Text></span>}
                    description={h.comment ?? ''}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
