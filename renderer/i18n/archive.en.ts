import type { Messages } from './zh-CN';

export const archiveEn: Messages['archive'] = {
  export: 'Export archive package (归档包)',
  exported: 'Archive package {{file}} exported ({{rows}} records, checksum {{checksum}})',
  purge: 'Clear personal data',
  purgeTitle: 'Clear personal data (cannot be undone)',
  purgeLaw:
    'Under Art. 85 of the Emergency Response Law, personal information gathered for a response is destroyed once the response work is over.',
  purgeWill: 'The names and phone numbers of {{count}} callers will be cleared (接报 {{serials}}).',
  purgeNothing:
    'No personal data to clear: the callers’ names and phone numbers of this incident’s 接报 are cleared or were never recorded.',
  purgeKeeps:
    'Kept: casualty and loss counts, the log (evidence, never rewritten), and staff from the directory. This cannot be undone: export the archive package first.',
  purgeType: 'Type the incident title “{{title}}” or “{{word}}” to confirm:',
  purgeWord: 'CLEAR',
  purgeOk: 'Clear',
  purged: 'Cleared the names and phone numbers of {{count}} callers',
  purgedNothing: 'No personal data to clear',
  purgedAt: 'Personal data cleared at {{time}}; counts are kept.',
  purgeHint:
    'Export the archive package first. After the assessment the law requires, clear the callers’ names and phone numbers; casualty and loss counts stay.',
  audit: {
    actions: { 'archive.export': 'Archive package made', 'data.purge': 'Personal data cleared' },
    entities: { incident: 'Incident' },
  },
  errors: {
    notClosed: 'Personal data can be cleared only once the incident is closed',
    runNotOver: 'A drill run can be archived only once it is over',
  },
};
