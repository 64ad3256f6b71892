/**
 * 预案文件 (导入预案): the plan library decodes the file, and the plan repository parses the JSON, checks the
 * plan (every cross-reference, named by level, trigger and field) and stores it as a draft — the next version
 * when the plan is already here. The sample is one of the fixture's plans as the app exports it.
 */
import { createPlanRepository } from '../../../renderer/db/repositories/plan-repository';
import { RepositoryError } from '../../../renderer/db/repositories/repository-error';
import { formatPlanIssue } from '../../../shared/domain/plan/check-plan';
import { planSchema } from '../../../shared/domain/plan/plan-schema';
import { decodeText } from '../../../shared/files/decode-text';
import { refusalOf, refused, type FuzzKind, type Problem } from '../fuzz-kind';
import { jsonFile, mutateJson } from '../json-files';
import { oneAuditRow, onlyTables, writtenRows } from '../write-checks';

const planKey = (row: Record<string, unknown>) => `${String(row['id'])}@${String(row['version'])}`;

export function planKind(): FuzzKind {
  let sample = '';
  return {
    name: 'plan-file',
    // A plan's problems name its fields by the plan format's own names (FIELD_NAMES or the key itself).
    isKnownField: (field) => field !== '_' && field.trim() !== '',
    fileCodes: new Set(['planFileNotJson', 'planFileNotOurs']),
    wholeRowCodes: new Set(),

    async prepare({ db, now }) {
      const record = (await db.plans.orderBy('[id+version]').first())!;
      sample = createPlanRepository(db, now).exportFile(record);
    },

    async generate(rng, index) {
      let document: unknown = JSON.parse(sample);
      const mutations: string[] = [];
      const pristine = rng.chance(0.1);
      if (!pristine) {
        const count = 1 + rng.int(3);
        for (let i = 0; i < count; i += 1) {
          const next = mutateJson(rng, document, ['plan']);
          document = next.root;
          mutations.push(next.label);
          if (document === null || typeof document !== 'object' || !('plan' in document)) break;
        }
      }
      return jsonFile(rng, `预案-${index}.json`, document, mutations, { pristine, damage: 0.2 });
    },

    sampleCount: () => 1,

    async importFile({ db, actor, now, t }, file) {
      try {
        await createPlanRepository(db, now).importFile(decodeText(file.bytes).text, actor);
        return { status: 'accepted', count: 1 };
      } catch (error) {
        if (error instanceof RepositoryError && error.planIssues.length > 0) {
          // The refusal lists every place; each is judged on its own.
          return refused(
            error.planIssues.map((issue): Problem => ({
              text: formatPlanIssue(issue),
              code: issue.code,
              where: { row: null, field: issue.field, path: issue.path },
            })),
          );
        }
        return refused([refusalOf(error, t)]);
      }
    },

    checkWrite(before, after) {
      const faults = [...onlyTables(before, after, ['plans', 'audit'])];
      const written = writtenRows(before, after, 'plans', planKey);
      if (written.length !== 1) return [...faults, `${written.length} plan rows written`];
      const plan = written[0]!;
      faults.push(
        ...oneAuditRow(
          before,
          after,
          before.rows.plans.some((p) => planKey(p) === planKey(plan)) ? 'update' : 'create',
        ),
      );
      if (plan['status'] !== 'draft') faults.push(`an imported plan is ${String(plan['status'])}`);
      if (!planSchema.safeParse(plan).success) faults.push('the stored plan does not parse');
      return faults;
    },
  };
}
