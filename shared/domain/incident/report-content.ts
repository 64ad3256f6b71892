/**
 * What a report must say before it can be marked sent (漏报 guard). Production-safety accidents have the six
 * items of 生产安全事故报告和调查处理条例 Art. 12; other kinds of event are configured the same way.
 */
export interface ReportField {
  key: string;
  label: string;
  required: boolean;
}

export interface ReportTemplate {
  id: string;
  name: string;
  fields: ReportField[];
}

/** 条例 Art. 12: the content an accident report must carry. */
export const PRODUCTION_SAFETY_REPORT: ReportTemplate = {
  id: 'production-safety',
  name: '生产安全事故信息报告',
  fields: [
    { key: 'unitOverview', label: '事故发生单位概况', required: true },
    { key: 'timePlaceScene', label: '事故发生的时间、地点以及事故现场情况', required: true },
    { key: 'course', label: '事故的简要经过', required: true },
    {
      key: 'casualtiesAndLoss',
      label: '已经造成或者可能造成的伤亡人数（包括下落不明的人数）和初步估计的直接经济损失',
      required: true,
    },
    { key: 'measuresTaken', label: '已经采取的措施', required: true },
    { key: 'other', label: '其他应当报告的情况', required: false },
  ],
};

/** The required fields still empty; an empty list means the report may be sent. */
export function missingFields(
  template: ReportTemplate,
  content: Record<string, string | undefined>,
): ReportField[] {
  return template.fields.filter((f) => f.required && (content[f.key] ?? '').trim() === '');
}

/** A follow-up (续报) shows what changed since the report before it, field by field. */
export function changedFields(
  template: ReportTemplate,
  previous: Record<string, string | undefined>,
  current: Record<string, string | undefined>,
): { field: ReportField; before: string; after: string }[] {
  return template.fields
    .map((field) => ({
      field,
      before: (previous[field.key] ?? '').trim(),
      after: (current[field.key] ?? '').trim(),
    }))
    .filter((c) => c.before !== c.after);
}
