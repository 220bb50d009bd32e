/** Typed HTTP errors with bilingual messages (zh first, en second) and field paths. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

export class HttpError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public messageEn: string,
    public issues?: FieldIssue[],
    public current?: unknown,
  ) {
    super(message);
  }
  toJSON() {
    return {
      error: this.code,
      message: this.message,
      messageEn: this.messageEn,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}

export const badRequest = (issues: FieldIssue[]) =>
  new HttpError(
    400,
    'validation',
    `输入有误：${issues.map((i) => `${i.path}：${i.message}`).join('；')}`,
    `Invalid input: ${issues.map((i) => `${i.path}: ${i.messageEn}`).join('; ')}`,
    issues,
  );

export const notFound = (what = '记录', whatEn = 'record') =>
  new HttpError(404, 'not_found', `${what}不存在或无权访问`, `${whatEn} not found or not accessible`);

export const forbidden = (why = '无权执行此操作', whyEn = 'you are not allowed to do this') =>
  new HttpError(403, 'forbidden', why, whyEn);

export const unauthenticated = () => new HttpError(401, 'unauthenticated', '请先登录', 'please log in');

export const conflict = (current: unknown) =>
  new HttpError(
    409,
    'conflict',
    '记录已被他人修改，请核对后重新提交',
    'the record was changed by someone else; review the current version and submit again',
    undefined,
    current,
  );

export const issue = (path: string, code: string, message: string, messageEn: string): FieldIssue => ({
  path,
  code,
  message,
  messageEn,
});

const CUSTOM_ZH: Record<string, string> = {
  'not a calendar date': '不是有效的日历日期',
};

/** Translate a zod issue into a bilingual field issue. */
export function fromZodIssue(i: { path: PropertyKey[]; code: string; message: string; [k: string]: unknown }, prefix = ''): FieldIssue {
  const path = formatPath(i.path, prefix);
  const en = i.message;
  let zh: string;
  switch (i.code) {
    case 'invalid_type':
      zh = i.input === undefined ? '必填项' : `类型错误，应为 ${String(i.expected)}`;
      break;
    case 'too_small':
      zh = i.origin === 'string' ? `长度不能少于 ${String(i.minimum)}` : `不能小于 ${String(i.minimum)}`;
      break;
    case 'too_big':
      zh = i.origin === 'string' ? `长度不能超过 ${String(i.maximum)}` : `不能大于 ${String(i.maximum)}`;
      break;
    case 'invalid_format':
      zh = i.format === 'regex' || i.format === 'date' ? '格式不正确（日期应为 YYYY-MM-DD）' : `格式不正确（${String(i.format)}）`;
      break;
    case 'invalid_value':
      zh = `取值无效，应为：${Array.isArray(i.values) ? (i.values as unknown[]).join('、') : ''}`;
      break;
    case 'unrecognized_keys':
      zh = `不认识的字段：${Array.isArray(i.keys) ? (i.keys as string[]).join('、') : ''}`;
      break;
    case 'custom':
      zh = CUSTOM_ZH[en] ?? en;
      break;
    default:
      zh = en;
  }
  return { path, code: i.code, message: zh, messageEn: en };
}

export function formatPath(p: PropertyKey[], prefix = ''): string {
  let s = prefix;
  for (const seg of p) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${String(seg)}` : String(seg);
  }
  return s || '(body)';
}
