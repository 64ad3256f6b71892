import {
  ArrowLeftOutlined,
  ExportOutlined,
  ImportOutlined,
  PlayCircleOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Space, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Inject, Scenario, ScenarioInput } from '@shared/domain/drill/scenario';
import { useServices } from '../../../services/services';
import { translateError } from '../../../ui/translate-error';
import { useSignedWrite } from '../../session/useSignedWrite';
import { exportScript } from '../script/export-script';
import { ImportScriptDialog } from '../script/ImportScriptDialog';
import { InjectCards } from '../script/InjectCards';
import { RunComparison } from '../compare/RunComparison';
import { RunList } from '../DrillsPage';
import { OpenActionsAlert } from '../actions/OpenActionsAlert';
import { SealActions } from '../seal/SealActions';
import { SealGate } from '../seal/SealGate';
import { useIsOpened } from '../seal/unsealed-store';
import { ScenarioBasicsForm } from './ScenarioBasicsForm';
import { ScriptTable } from './ScriptTable';
import { StartRunDialog } from './StartRunDialog';

/** A scenario: its basics, its script (MSEL) and its runs; a new run starts from here. */
export function ScenarioEditorPage() {
  const { id = 'new' } = useParams();
  const { t } = useTranslation();
  const { drills } = useServices();
  const [sheet, setSheet] = useState<'import' | 'cards' | null>(null);
  const navigate = useNavigate();
  const write = useSignedWrite();
  const [starting, setStarting] = useState(false);
  const isNew = id === 'new';
  const isOpened = useIsOpened(id);
  const scenario = useLiveQuery(
    async () => (isNew ? null : ((await drills.getScenario(id)) ?? null)),
    [drills, id],
  );

  const saveBasics = async (input: ScenarioInput) => {
    let savedId = '';
    const ok = await write(async (actor) => {
      savedId = await drills.saveScenario(input, actor, isNew ? undefined : id);
    }, t('drills.scenario.saved'));
    if (ok && isNew) void navigate(`/drills/scenarios/${savedId}`, { replace: true });
    return ok;
  };
  const saveScript = (injects: Inject[]) =>
    scenario
      ? write((actor) => drills.saveScenario({ ...withoutAuthoring(scenario), injects }, actor, scenario.id))
      : Promise.resolve(false);
  const startRun = async (directorId: string) => {
    let runId = '';
    const ok = await write(async (actor) => {
      runId = await drills.createRun(id, directorId, actor);
    }, null);
    if (ok) void navigate(`/drills/runs/${runId}`);
  };

  if (scenario === undefined) return <Spin />;
  const isLocked = Boolean(scenario?.seal) && !isOpened;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="scenario-editor">
      {scenario ? <OpenActionsAlert scenarioId={scenario.id} /> : null}
      <Card
        size="small"
        title={
          <Space>
            <Button
              size="small"
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate('/drills')}
            />
            {scenario?.title ?? t('drills.newScenario')}
          </Space>
        }
        extra={
          scenario && !isLocked ? (
            <Space>
              <SealActions scenario={scenario} />
              <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setStarting(true)}>
                {t('drills.scenario.startRun')}
              </Button>
            </Space>
          ) : null
        }
      >
        {scenario ? (
          <SealGate scenarioId={scenario.id} seal={scenario.seal}>
            <ScenarioBasicsForm scenario={scenario} onSave={saveBasics} />
          </SealGate>
        ) : (
          <ScenarioBasicsForm scenario={scenario} onSave={saveBasics} />
        )}
      </Card>
      {scenario && !isLocked ? (
        <ScriptCard scenario={scenario} sheet={sheet} setSheet={setSheet} saveScript={saveScript} />
      ) : null}
      {scenario ? (
        <Card size="small" title={t('drills.scenario.openRuns')}>
          <RunList scenarioId={scenario.id} />
        </Card>
      ) : null}
      {scenario && !isLocked ? <RunComparison scenarioId={scenario.id} /> : null}
      <StartRunDialog
        open={starting}
        onClose={() => setStarting(false)}
        onStart={(directorId) => {
          setStarting(false);
          void startRun(directorId);
        }}
      />
    </Space>
  );
}

/** The script (MSEL) with import, export and the inject cards; shown only when the scenario is not sealed. */
function ScriptCard({
  scenario,
  sheet,
  setSheet,
  saveScript,
}: {
  scenario: Scenario;
  sheet: 'import' | 'cards' | null;
  setSheet: (sheet: 'import' | 'cards' | null) => void;
  saveScript: (injects: Inject[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const { message } = App.useApp();
  return (
    <Card size="small" title={t('drills.scenario.script')}>
      <ScriptTable
        injects={scenario.injects}
        onChange={saveScript}
        extra={
          <>
            <Button size="small" icon={<ImportOutlined />} onClick={() => setSheet('import')}>
              {t('drills.script.importButton')}
            </Button>
            <Button
              size="small"
              icon={<ExportOutlined />}
              disabled={scenario.injects.length === 0}
              onClick={async () => {
                try {
                  const saved = await exportScript(scenario.injects, scenario.title, 'xlsx', platform);
                  if (saved.saved)
                    void message.success(t('drills.script.exported', { count: scenario.injects.length }));
                } catch (error) {
                  void message.error(translateError(t, error));
                }
              }}
            >
              {t('drills.script.exportButton')}
            </Button>
            <Button
              size="small"
              icon={<PrinterOutlined />}
              disabled={scenario.injects.length === 0}
              onClick={() => setSheet('cards')}
            >
              {t('drills.script.cards.button')}
            </Button>
          </>
        }
      />
      <ImportScriptDialog
        open={sheet === 'import'}
        onClose={() => setSheet(null)}
        onImport={async (injects) => {
          // Appended to the script as it stands; the dialog stays open with its rows if the save is refused.
          const ok = await saveScript([...scenario.injects, ...injects]);
          if (!ok) throw new Error(t('drills.errors.refused'));
        }}
      />
      <InjectCards
        open={sheet === 'cards'}
        title={scenario.title}
        injects={scenario.injects}
        onClose={() => setSheet(null)}
      />
    </Card>
  );
}

function withoutAuthoring(scenario: Scenario): ScenarioInput {
  const { id: _id, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...input } = scenario;
  return input;
}
