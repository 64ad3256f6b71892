/**
 * 清除个人信息 (突发事件应对法 Art. 85): personal information gathered for a response is used only for it
 * and destroyed when the response work is over. Of what the desk keeps, the personal data of members of the
 * public is the 接报's caller — name and phone. Staff from the directory (notified, on duty, signing) are not
 * the public and stay; counts (casualties, losses, people placed) are not personal data and stay; the log is
 * evidence and is never rewritten.
 */
import type { Intake } from '../duty/intake';

/** What stands where the caller's name was. */
export const PURGED_NAME = '〔已清除〕';
/** The marker an earlier version wrote: an intake holding it was cleared already. */
const EARLIER_MARKERS: readonly string[] = ['（已清除）'];

type CallerFields = Pick<Intake, 'sourcePerson' | 'sourcePhone'>;

/** Whether the intake still holds the caller's name or phone. */
export function hasPersonalData(intake: CallerFields): boolean {
  const name = intake.sourcePerson.trim();
  const isMarker = name === PURGED_NAME || EARLIER_MARKERS.includes(name);
  return (name !== '' && !isMarker) || intake.sourcePhone.trim() !== '';
}

/** The intake with its caller's name and phone cleared; everything else as it was. */
export function withoutPersonalData<T extends CallerFields>(intake: T): T {
  return { ...intake, sourcePerson: PURGED_NAME, sourcePhone: '' };
}

/** 已清除 3 名报告人的姓名和电话: the count the log, the audit trail and the screen say. */
export function purgeSummary(callers: number): string {
  return `已清除 ${callers} 名报告人的姓名和电话`;
}
