import { Space, Tag } from 'antd';
import { CheckSquareOutlined, BorderOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Codes } from '../../api/hooks';
import type { FieldDef } from './sections';

export function optionLabel(f: FieldDef, value: string): string {
  for (const o of f.options ?? []) {
    if (typeof o === 'string' ? o === value : o.value === value) return typeof o === 'string' ? o : o.label;
  }
  return value;
}

/** code set of a field for a given row (rank-history: depends on `kind`) */
export function codeSetOf(f: FieldDef, row?: Record<string, unknown>): string | undefined {
  if (f.codeSetFrom && row) return f.codeSetFrom.map[String(row[f.codeSetFrom.field] ?? '')];
  return f.codeSet;
}

/** Display text of a stored value. */
export function formatValue(f: FieldDef, value: unknown, codes: Codes, t: TFunction, row?: Record<string, unknown>): React.ReactNode {
  if (value === null || value === undefined || value === '') return '';
  switch (f.type) {
    case 'date':
      return String(value).slice(0, 10);
    case 'bool':
      return value ? t('common.yes') : t('common.no');
    case 'code': {
      const set = codeSetOf(f, row);
      const name = set ? codes.name(set, String(value)) : String(value);
      return name === String(value) ? optionLabel(f, String(value)) : name;
    }
    case 'select':
      return optionLabel(f, String(value));
    case 'tags': {
      const arr = Array.isArray(value) ? value : [value];
      return (
        <Space size={[0, 4]} wrap>
          {arr.map((v) => (
            <Tag key={String(v)}>{f.codeSet ? codes.name(f.codeSet, String(v)) : String(v)}</Tag>
          ))}
        </Space>
      );
    }
    case 'goals': {
      const arr = Array.isArray(value) ? (value as { text: string; due?: string; done?: boolean }[]) : [];
      return (
        <div>
          {arr.map((g, i) => (
            <div key={i}>
              {g.done ? <CheckSquareOutlined style={{ color: '#389e0d' }} /> : <BorderOutlined />} {g.text}
              {g.due ? <span style={{ color: '#8c8c8c' }}>（{String(g.due).slice(0, 10)}）</span> : null}
            </div>
          ))}
        </div>
      );
    }
    case 'checkpoints': {
      const arr = Array.isArray(value) ? (value as { date: string; note: string }[]) : [];
      return (
        <div>
          {arr.map((c, i) => (
            <div key={i}>
              <span style={{ color: '#8c8c8c' }}>{String(c.date ?? '').slice(0, 10)}</span> {c.note}
            </div>
          ))}
        </div>
      );
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** plain text of any value (audit diffs) */
export function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function isoDate(d: dayjs.Dayjs | null | undefined): string | null {
  return d && d.isValid() ? d.format('YYYY-MM-DD') : null;
}
