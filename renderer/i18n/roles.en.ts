import type { Messages } from './zh-CN';

/** Roles and the PIN re-check when signing, declaring ENDEX and purging data, in English. */
export const rolesEn: Messages['roles'] = {
  names: {
    operator: 'Duty operator (值班操作员)',
    controller: 'Controller (导调人员)',
    evaluator: 'Evaluator (评估人员)',
    administrator: 'Administrator (系统管理员)',
  },
  field: 'Roles',
  byPosition: 'by position',
  byPositionHint:
    'People without roles of their own get them from their positions: command and duty positions make a duty operator, drill positions a controller and an evaluator. Administrator is only ever given by hand.',
  resetToPositions: 'Follow the positions again',
  firstSetup:
    'No administrator yet: anyone signed in may assign roles for now. Make at least one person an administrator first; from then on only administrators can change roles.',
  why: {
    levelApprove: '{{name}} is neither a duty operator nor an administrator and cannot sign a response level',
    reportApprove: '{{name}} is neither a duty operator nor an administrator and cannot sign a report',
    drillEndex: '{{name}} is neither a controller nor an administrator and cannot declare ENDEX',
    dataPurge: '{{name}} is not an administrator and cannot purge data',
    dataRestore:
      '{{name}} is not an administrator and cannot restore a backup (it replaces the directory and its roles)',
    rolesChange: '{{name}} is not an administrator and cannot change roles',
    notInDirectory: '{{name}} is not in the directory; not allowed',
  },
  confirm: {
    title: {
      levelApprove: 'Confirm signing the response level',
      reportApprove: 'Confirm signing the report',
      drillEndex: 'Confirm ENDEX',
      dataPurge: 'Confirm purging data',
      dataRestore: 'Confirm restoring the backup',
      rolesChange: 'Confirm the role change',
    },
    prompt: {
      levelApprove: 'Enter your PIN to confirm signing',
      reportApprove: 'Enter your PIN to confirm signing',
      drillEndex: 'Enter your PIN to confirm ENDEX',
      dataPurge: 'Enter your PIN to confirm purging data',
      dataRestore: 'Enter your PIN to confirm restoring the backup',
      rolesChange: 'Enter your PIN to confirm the role change',
    },
    who: 'Signing as {{name}} ({{position}})',
    pin: 'PIN',
    ok: 'Confirm',
    locked: 'Wrong PIN {{max}} times in a row: locked, try again in {{seconds}} s',
    triesLeft: '{{count}} more wrong PINs lock this for {{seconds}} s',
  },
  audit: {
    actions: {
      'roles.change': 'Roles changed',
      'act.pinWrong': 'Wrong PIN',
      'act.locked': 'PIN locked',
    },
  },
  errors: {
    actRefused: '$t({{key}})',
    actPinWrong: 'Wrong PIN; {{left}} tries left',
    actLocked: 'Too many wrong PINs: locked, try again in {{seconds}} s',
    actPinRequired: 'This needs your PIN first; please do it again',
  },
};
