/**
 * The areas of the left navigation, in the order of a duty officer's work. `ready: false` areas show an
 * honest "not yet available" page until their issue lands.
 */
import {
  AlertOutlined,
  ApartmentOutlined,
  BookOutlined,
  ContactsOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FieldTimeOutlined,
  SettingOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type AreaKey =
  'duty' | 'incidents' | 'plans' | 'drills' | 'resources' | 'directory' | 'reports' | 'settings';

export interface Area {
  key: AreaKey;
  path: string;
  icon: ReactNode;
  ready: boolean;
}

export const AREAS: readonly Area[] = [
  { key: 'duty', path: '/duty', icon: <FieldTimeOutlined />, ready: true },
  { key: 'incidents', path: '/incidents', icon: <AlertOutlined />, ready: true },
  { key: 'plans', path: '/plans', icon: <BookOutlined />, ready: true },
  { key: 'drills', path: '/drills', icon: <ExperimentOutlined />, ready: true },
  { key: 'resources', path: '/resources', icon: <ToolOutlined />, ready: true },
  { key: 'directory', path: '/directory', icon: <ContactsOutlined />, ready: true },
  { key: 'reports', path: '/reports', icon: <FileTextOutlined />, ready: true },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, ready: true },
];

export const HOME_PATH = '/directory';
export const APP_ICON = <ApartmentOutlined />;
