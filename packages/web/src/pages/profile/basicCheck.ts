/** The server's own checks of a cadre's basic facts (@cadre/core checkCadreFacts), run in the form before sending. */
import type dayjs from 'dayjs';
import { checkCadreFacts, todayISO } from '@cadre/core';
import { issueField } from './sections';

/**
 * field → message for the basic form's values. `idNumber`: whether the user may see / set the 身份证号
 * (when not, the check treats it as unknown rather than empty).
 */
export function checkBasic(v: Record<string, unknown>, idNumberVisible: boolean, lang: string): Record<string, string> {
  const d = (x: unknown) => (x ? (x as dayjs.Dayjs).format('YYYY-MM-DD') : null);
  const facts = {
    birthDate: d(v.birthDate) ?? '',
    workStartDate: d(v.workStartDate) ?? '',
    partyJoinDate: d(v.partyJoinDate),
    politicalStatus: String(v.politicalStatus ?? ''),
    idNumber: typeof v.idNumber === 'string' && v.idNumber.trim() ? v.idNumber.trim().toUpperCase() : idNumberVisible ? null : undefined,
    sex: String(v.sex ?? ''),
    postStartDate: d(v.postStartDate),
    levelStartDate: d(v.levelStartDate),
  };
  const errs: Record<string, string> = {};
  for (const is of checkCadreFacts(facts, todayISO())) {
    const f = issueField(is.path);
    if (!errs[f]) errs[f] = lang === 'en' ? is.messageEn : is.message;
  }
  return errs;
}
