/**
 * `npm run bench`: builds the production renderer (into ED_RENDERER_OUT when set), serves it on one port
 * for the whole run, and measures cold start-up to an interactive directory with the sample district and
 * with 10,000 people, then 一键检索 over 100,000 resources, then opening the 指挥台 of an incident whose log
 * holds 100,000 lines, then the renderer's heap with both of those loaded and used, then 100,000 materials
 * imported, then the 导调台 delivering 1,000 injects at ×1 and 1,000 at ×60, paused twice each, then 100 hard
 * kills of the browser while log lines are written, counting saved lines lost, then 1,000 malformed files
 * of each import kind (in Node, fake-indexeddb), counting crashes and partial writes.
 * Figures go to stdout and test-results/bench.json; progress to stderr.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { buildRenderer, RENDERER_OUT, serveRenderer, type StaticServer } from '../e2e/harness';
import { median, printFigure, progress, writeResults, type Figure } from './report';
import { coldStartups, importPeople, seedSampleProfile } from './startup';
import { SAMPLE_PEOPLE } from './people-fixture';
import { planCompileFigure, triggerEvalFigure } from './plan-engine';
import { RESOURCE_INDEX_ROWS, resourceSearchFigures } from './resource-search';
import { resourceImportFigures } from './resource-import';
import { IMPORT_ROWS } from './materials-fixture';
import { LOG_LINES, logOpenFigure } from './incident-log';
import { DRILL_INJECTS, injectLatenessFigures } from './drill-lateness';
import { CRASH_CYCLES, crashFigure } from './crash';
import { FUZZ_FILES_PER_KIND, fuzzFigures } from './fuzz';
import { rendererHeapFigure } from './renderer-heap';

const RUNS = 5;
const LARGE_DIRECTORY = 10_000;
const STARTUP_GOAL_MS = 1000;

/** Timings on a shared 2-core machine move with whatever else runs: the log says how busy it was. */
const load = () =>
  `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`;

function startupFigure(name: string, runs: readonly number[], goal: number): Figure {
  const figure: Figure = { name, value: median(runs), unit: 'ms', goal };
  progress(`${name}: runs ${runs.join(', ')} → median ${figure.value} ms (goal ≤ ${goal} ms)`);
  printFigure(figure);
  return figure;
}

/**
 * `npm run bench -- --only=startup,search,log,heap,import,drill,crash,fuzz` measures a part; the others' figures are not
 * written.
 */
const ONLY =
  process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? null;
const wanted = (part: string) => ONLY === null || ONLY.includes(part);

async function main(): Promise<void> {
  const began = Date.now();
  progress(`${cpus().length} cores, ${load()}`);
  const figures: Figure[] = [];
  for (const measure of [planCompileFigure, triggerEvalFigure]) {
    const figure = measure();
    progress(`${figure.name}: ${figure.value} ${figure.unit} (goal ≤ ${figure.goal} ${figure.unit})`);
    printFigure(figure);
    figures.push(figure);
  }
  progress(`building the renderer into ${RENDERER_OUT}`);
  await buildRenderer();
  const server = await serveRenderer();
  progress(`serving ${server.url}`);
  const profiles: string[] = [];
  try {
    if (wanted('startup')) await startupFigures(server, profiles, figures);
    if (wanted('search')) {
      progress(
        `一键检索 over ${RESOURCE_INDEX_ROWS} resources: sample profile, synthetic index rows, typed queries`,
      );
      const resources = await seedSampleProfile(server);
      profiles.push(resources);
      for (const figure of await resourceSearchFigures(server, resources)) {
        printFigure(figure);
        figures.push(figure);
      }
    }
    if (wanted('log')) {
      progress(`处置日志 of ${LOG_LINES} lines: sample profile, sealed entries, ${RUNS} opens of the 指挥台`);
      const incidentLog = await seedSampleProfile(server);
      profiles.push(incidentLog);
      const log = await logOpenFigure(server, incidentLog, RUNS);
      printFigure(log);
      figures.push(log);
    }
    if (wanted('heap')) {
      progress(`renderer heap with ${RESOURCE_INDEX_ROWS} resources and ${LOG_LINES} log lines, both used`);
      const heapProfile = await seedSampleProfile(server);
      profiles.push(heapProfile);
      const heap = await rendererHeapFigure(server, heapProfile);
      printFigure(heap);
      figures.push(heap);
    }
    if (wanted('import')) {
      progress(
        `${IMPORT_ROWS} materials through the import dialog (CSV, XLSX) against raw parse + IndexedDB`,
      );
      for (const figure of await resourceImportFigures(server)) {
        printFigure(figure);
        figures.push(figure);
      }
    }
    if (wanted('drill')) {
      progress(
        `导调台: ${DRILL_INJECTS} injects at ×1 and at ×60, paused twice each, through the console page`,
      );
      const drill = await seedSampleProfile(server);
      profiles.push(drill);
      for (const figure of await injectLatenessFigures(server, drill)) {
        printFigure(figure);
        figures.push(figure);
      }
    }
    if (wanted('crash')) {
      progress(
        `${CRASH_CYCLES} SIGKILLs of the browser while 处置日志 lines are written, each profile reopened`,
      );
      const crash = await crashFigure(server);
      printFigure(crash);
      figures.push(crash);
    }
    if (wanted('fuzz')) {
      progress(`${FUZZ_FILES_PER_KIND} malformed files of each import kind through the real import paths`);
      for (const figure of await fuzzFigures()) {
        printFigure(figure);
        figures.push(figure);
      }
    }
  } finally {
    await server.close();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  }
  progress(load());
  progress(`wrote ${writeResults(figures)} in ${Math.round((Date.now() - began) / 1000)} s`);
}

async function startupFigures(server: StaticServer, profiles: string[], figures: Figure[]): Promise<void> {
  progress(`sample district (${SAMPLE_PEOPLE} people): first start, then ${RUNS} cold starts`);
  const sample = await seedSampleProfile(server);
  profiles.push(sample);
  const sampleRuns = await coldStartups(server, sample, RUNS, SAMPLE_PEOPLE);
  figures.push(startupFigure('startup_to_interactive_sample_ms', sampleRuns, STARTUP_GOAL_MS));

  progress(`${LARGE_DIRECTORY} people: first start, CSV import, then ${RUNS} cold starts`);
  const large = await seedSampleProfile(server);
  profiles.push(large);
  await importPeople(server, large, LARGE_DIRECTORY);
  const largeRuns = await coldStartups(server, large, RUNS, LARGE_DIRECTORY);
  figures.push(startupFigure('startup_to_interactive_ms', largeRuns, STARTUP_GOAL_MS));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
