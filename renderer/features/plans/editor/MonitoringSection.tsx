import { Card, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditableList, TagsInput } from '../../../ui/EditableList';
import { WARNING_LEVELS, WARNING_NAME } from '@shared/domain/plan/levels';
import { OBSERVATION_KINDS, type PlanGroup, type PlanRole } from '@shared/domain/plan/plan-schema';
import { ActionList } from './ActionList';
import { newId } from './plan-form';

/** 监测预警: what the duty room observes, which warnings the plan listens to, and what a warning sets off. */
export function MonitoringSection({ roles, groups }: { roles: PlanRole[]; groups: PlanGroup[] }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <>
      <Card
        size="small"
        title={t('plans.editor.observations')}
        style={{ marginBottom: 12 }}
        extra={t('plans.editor.observationsHint')}
      >
        <EditableList
          name="observations"
          addLabel={t('plans.editor.addObservation')}
          newItem={() => ({ key: newId('o'), label: '', kind: 'number', unit: '' })}
        >
          {(field) => (
            <>
              <Form.Item name={[field.name, 'label']} rules={required}>
                <Input
                  placeholder={t('plans.editor.observationLabel')}
                  aria-label={t('plans.editor.observationLabel')}
                  style={{ width: 240 }}
                  maxLength={40}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'kind']} rules={required}>
                <Select
                  style={{ width: 140 }}
                  aria-label={t('plans.editor.observationKind')}
                  options={OBSERVATION_KINDS.map((k) => ({
                    value: k,
                    label: t(`plans.editor.observationKinds.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'unit']}>
                <Input
                  placeholder={t('plans.editor.unit')}
                  aria-label={t('plans.editor.unit')}
                  style={{ width: 90 }}
                  maxLength={10}
                />
              </Form.Item>
            </>
          )}
        </EditableList>
      </Card>
      <Card size="small" title={t('plans.editor.warnings')} style={{ marginBottom: 12 }}>
        <Form.Item
          name="warningTypes"
          label={t('plans.editor.warningTypes')}
          extra={t('plans.editor.warningTypesHint')}
        >
          <TagsInput tokenSeparators={['，', ',', '、']} />
        </Form.Item>
        <Form.Item
          name="discretionaryRaise"
          valuePropName="checked"
          label={t('plans.detail.discretionaryRaise')}
        >
          <Switch />
        </Form.Item>
        <EditableList
          name="warningLevels"
          addLabel={t('plans.editor.addWarningLevel')}
          newItem={() => ({ level: 'blue', meaning: '', measures: [] })}
        >
          {(field) => (
            <>
              <Form.Item name={[field.name, 'level']} rules={required}>
                <Select
                  style={{ width: 130 }}
                  aria-label={t('plans.simulator.warningLevel')}
                  options={[...WARNING_LEVELS].reverse().map((l) => ({ value: l, label: WARNING_NAME[l] }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'meaning']}>
                <Input
                  placeholder={t('plans.editor.warningMeaning')}
                  aria-label={t('plans.editor.warningMeaning')}
                  style={{ width: 280 }}
                  maxLength={200}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'measures']} extra={t('plans.editor.measuresHint')}>
                <TagsInput
                  placeholder={t('plans.editor.warningMeasures')}
                  aria-label={t('plans.editor.warningMeasures')}
                  style={{ width: 420 }}
                />
              </Form.Item>
            </>
          )}
        </EditableList>
      </Card>
      <Card size="small" title={t('plans.detail.preResponse')}>
        <ActionList name={['preResponseActions']} groups={groups} roles={roles} />
      </Card>
    </>
  );
}
