import { Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResponseLevel } from '@shared/domain/plan/levels';
import type { PlanGroup, PlanRole } from '@shared/domain/plan/plan-schema';
import { LevelTag } from '../LevelTag';
import { ActionList } from './ActionList';
import { TriggerList, type TriggerContext } from './TriggerList';

interface Props {
  roles: PlanRole[];
  groups: PlanGroup[];
  context: TriggerContext;
}

/** 响应分级: one card per level, highest first — who starts it, on what conditions, with which measures. */
export function LevelsSection(props: Props) {
  return (
    <Form.List name="levels">
      {(fields) => (
        <>
          {fields.map((field) => (
            <LevelCard key={field.key} index={field.name} {...props} />
          ))}
        </>
      )}
    </Form.List>
  );
}

function LevelCard({ index, roles, groups, context }: Props & { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const level = Form.useWatch(['levels', index, 'level'], { form, preserve: true }) as
    ResponseLevel | undefined;
  const enabled = Form.useWatch(['levels', index, 'enabled'], { form, preserve: true }) as
    boolean | undefined;
  const roleOptions = roles.map((r) => ({ value: r.id, label: r.name }));
  return (
    <Card
      size="small"
      className="level-card"
      data-testid={level ? `level-${level}` : undefined}
      style={{ marginBottom: 12 }}
      title={level ? <LevelTag level={level} /> : null}
      extra={
        <Form.Item name={[index, 'enabled']} valuePropName="checked" noStyle>
          <Switch
            checkedChildren={t('plans.editor.levelOn')}
            unCheckedChildren={t('plans.editor.levelOff')}
            aria-label={t('plans.editor.levelOn')}
          />
        </Form.Item>
      }
    >
      {enabled ? (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Form.Item name={[index, 'matter']} label={t('plans.simulator.matter')}>
              <Input maxLength={200} />
            </Form.Item>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name={[index, 'recommenderRoleIds']} label={t('plans.editor.recommenders')}>
                  <Select mode="multiple" options={roleOptions} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name={[index, 'expectedDurationHours']}
                  label={t('plans.simulator.expectedDuration')}
                >
                  <InputNumber
                    min={1}
                    max={720}
                    addonAfter={t('plans.editor.hoursUnit')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={8}>
              <Col span={16}>
                <Form.Item name={[index, 'approval', 'roleIds']} label={t('plans.editor.signers')}>
                  <Select mode="multiple" options={roleOptions} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[index, 'approval', 'mode']} label={t('plans.editor.signMode')}>
                  <Radio.Group
                    options={[
                      { value: 'any', label: t('plans.editor.signAny') },
                      { value: 'all', label: t('plans.editor.signAll') },
                    ]}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Col>
          <Col xs={24} xl={12}>
            <Typography.Text strong>{t('plans.levelTable.measures')}</Typography.Text>
            <Form.Item
              name={[index, 'includesLowerLevels']}
              valuePropName="checked"
              label={t('plans.editor.includesLower')}
              style={{ marginBottom: 4 }}
            >
              <Switch />
            </Form.Item>
            <ActionList name={[index, 'actions']} groups={groups} roles={roles} />
            <GateFields index={index} gate="deescalation" roleOptions={roleOptions} context={context} />
            <GateFields index={index} gate="termination" roleOptions={roleOptions} context={context} />
          </Col>
          <Col span={24}>
            {/* Conditions get the card's whole width: a condition with several fields stays on one line. */}
            <Typography.Text strong>{t('plans.levelTable.conditions')}</Typography.Text>
            <TriggerList name={[index, 'triggers']} path={['levels', index, 'triggers']} context={context} />
          </Col>
        </Row>
      ) : (
        <Typography.Text type="secondary">{t('plans.editor.levelUnused')}</Typography.Text>
      )}
    </Card>
  );
}

function GateFields({
  index,
  gate,
  roleOptions,
  context,
}: {
  index: number;
  gate: 'deescalation' | 'termination';
  roleOptions: { value: string; label: string }[];
  context: TriggerContext;
}) {
  const { t } = useTranslation();
  return (
    <div className="gate-fields">
      <Typography.Text strong>
        {t(gate === 'termination' ? 'plans.levelTable.termination' : 'plans.levelTable.stepDown')}
      </Typography.Text>
      <Form.Item
        name={[index, gate, 'approval', 'roleIds']}
        label={t('plans.editor.gateApprovers')}
        extra={t('plans.editor.gateApproversHint')}
      >
        <Select mode="multiple" options={roleOptions} />
      </Form.Item>
      <Typography.Text type="secondary">{t('plans.editor.gateConditions')}</Typography.Text>
      <TriggerList
        name={[index, gate, 'conditions']}
        path={['levels', index, gate, 'conditions']}
        context={context}
        nested
      />
    </div>
  );
}
