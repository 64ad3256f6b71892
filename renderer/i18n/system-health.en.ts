import type { Messages } from './zh-CN';

export const systemHealthEn: Messages['systemHealth'] = {
  clock: {
    jumpTitle: 'System clock jump detected',
    jumpBody:
      'The system time changed from {{from}} to {{to}} ({{seconds}} s). Check that this computer’s time is right.',
    suspendTitle: 'Resumed from sleep',
    suspendBody:
      'This computer did not run for about {{duration}} ({{from}} → {{to}}). Check the deadlines and tasks of that time.',
    seconds: '{{count}} s',
    minutes: '{{count}} min',
    notice: '{{body}} {{outcome}}',
    logged: 'Written to the audit trail and to the log of {{count}} open incident(s).',
    notLogged: 'Not written to the log: {{reason}}',
  },
  storageFull: {
    title: 'Storage is full: the app is now read-only',
    description:
      'Saved data is safe and can still be read, searched and exported as a backup; new changes cannot be saved for now, and what you typed stays where it is. Export a backup, free disk space, then press “Check again”.',
    exportBackup: 'Export a backup',
    recheck: 'Check again',
    writable: 'Storage is writable again; you can save',
    stillFull: 'Still cannot write: the disk is full',
  },
  audit: {
    actions: {
      'clock.jump': 'Clock jump',
      'clock.suspend': 'Resumed from sleep',
      'storage.writable': 'Storage writable again',
    },
    entities: { clock: 'System clock', storage: 'Local storage' },
  },
};
