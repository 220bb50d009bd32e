/** Checks that coded fields hold values of their national code set (unknown code → 400 naming the field). */
import { codesOf, isValidCode, type CodeSetId } from '@cadre/core';
import { issue, type FieldIssue } from './errors';

/** field → [code set, whether the column stores the code or the name] */
export type CodeSpec = Record<string, readonly [CodeSetId, 'code' | 'name']>;

export function checkCodes(body: Record<string, unknown>, spec: CodeSpec, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, [set, by]] of Object.entries(spec)) {
    const v = body[field];
    if (v === undefined || v === null || v === '') continue;
    const values = Array.isArray(v) ? v : [v];
    values.forEach((val, i) => {
      const ok = by === 'code' ? isValidCode(set, String(val)) : codesOf(set).some((e) => e.name === val || e.code === val);
      if (!ok) {
        const path = (prefix ? `${prefix}.` : '') + field + (Array.isArray(v) ? `[${i}]` : '');
        issues.push(issue(path, 'unknown_code', `“${String(val)}”不在代码集 ${set} 中`, `"${String(val)}" is not a code of set ${set}`));
      }
    });
  }
  return issues;
}
