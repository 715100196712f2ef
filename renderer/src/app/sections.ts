import { lazy, type ComponentType } from 'react';
import type { SvgIconComponent } from '@mui/icons-material';
import GroupIcon from '@mui/icons-material/Group';
import type { MethodName } from '../api/contract';
import ViewInArIcon from '@mui/icons-material/ViewInAr';
import LayersIcon from '@mui/icons-material/Layers';
import StorageIcon from '@mui/icons-material/Storage';
import HubIcon from '@mui/icons-material/Hub';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import WidgetsIcon from '@mui/icons-material/Widgets';
import LanIcon from '@mui/icons-material/Lan';
import CloudIcon from '@mui/icons-material/Cloud';
import SecurityIcon from '@mui/icons-material/Security';
import SettingsIcon from '@mui/icons-material/Settings';
import DnsIcon from '@mui/icons-material/Dns';
import SchemaIcon from '@mui/icons-material/Schema';
import HistoryIcon from '@mui/icons-material/History';
import { retryImport } from './retryImport';

export interface Section {
  /** The route (`#/<id>`) and the key of the section. */
  id: string;
  label: string;
  icon: SvgIconComponent;
  /** What the section does, completing "it will …" (shown while the section is not built yet). */
  description: string;
  /** The section's page; without one the section shows that it is not built yet, with the description. */
  page?: ComponentType;
  /** The page for `#/<section>/<id>[/<tab>]`, for a section whose details are routed by the shell. */
  detail?: ComponentType<{ id: string; tab?: string }>;
  /** Shown only to roles that may call this method (the server refuses the rest anyway). */
  requires?: MethodName;
}

// Pages load when first shown, so the window starts fast; this also keeps the table free of import cycles
// (pages import the router, which reads this table). A fetch that fails (a network change, a restarting web
// server) is tried again before the page shows an error.
const page = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => ({ default: await retryImport(load) }));

/** Every section, in navigation order. Adding a page is one entry (its id becomes a SectionId). */
export const sections = [
  {
    id: 'containers',
    label: 'Containers',
    icon: ViewInArIcon,
    description: 'list, start, stop and remove containers.',
    page: page(async () => (await import('../features/containers/ContainersPage')).ContainersPage),
    detail: page(
      async () => (await import('../features/container-details/ContainerDetailsPage')).ContainerDetailsPage,
    ),
  },
  {
    id: 'images',
    label: 'Images',
    icon: LayersIcon,
    description: 'list, pull, tag, push and remove images, and show their layers and size.',
    page: page(async () => (await import('../features/images/ImagesPage')).ImagesPage),
  },
  {
    id: 'volumes',
    label: 'Volumes',
    icon: StorageIcon,
    description: 'create, inspect, back up, restore and remove volumes.',
    page: page(async () => (await import('../features/volumes/VolumesPage')).VolumesPage),
  },
  {
    id: 'networks',
    label: 'Networks',
    icon: HubIcon,
    description: 'create and remove networks and show which containers are attached to each.',
    page: page(async () => (await import('../features/networks/NetworksPage')).NetworksPage),
  },
  {
    id: 'compose',
    label: 'Compose',
    icon: AccountTreeIcon,
    description: 'open compose files and bring whole applications up and down with progress.',
    page: page(async () => (await import('../features/compose/ComposePage')).ComposePage),
  },
  {
    id: 'templates',
    label: 'Templates',
    icon: WidgetsIcon,
    description: 'let you deploy ready-made applications, import Portainer lists and share your own.',
    page: page(async () => (await import('../features/templates/TemplatesPage')).TemplatesPage),
    detail: page(async () => (await import('../features/templates/TemplateDetailsPage')).TemplateDetailsPage),
  },
  {
    id: 'builder',
    label: 'App builder',
    icon: SchemaIcon,
    description: 'let you build a multi-container app by drag and drop and deploy it.',
    page: page(async () => (await import('../features/builder/BuilderPage')).BuilderPage),
    // `#/builder/<template id>` opens a template on the canvas; the page reads the id from the route itself.
    detail: page(async () => (await import('../features/builder/BuilderPage')).BuilderPage),
  },
  {
    id: 'swarm',
    label: 'Swarm',
    icon: LanIcon,
    description: 'show cluster nodes, services and tasks, and deploy stacks.',
    page: page(async () => (await import('../features/swarm/SwarmPage')).SwarmPage),
  },
  {
    id: 'registries',
    label: 'Registries',
    icon: CloudIcon,
    description: 'store registry logins securely and browse repositories and tags.',
    page: page(async () => (await import('../features/registries/RegistriesPage')).RegistriesPage),
  },
  {
    id: 'security',
    label: 'Security',
    icon: SecurityIcon,
    description: 'show risky settings of containers, with why they matter and how to fix them.',
    page: page(async () => (await import('../features/security/SecurityPage')).SecurityPage),
  },
  {
    id: 'activity',
    label: 'Activity',
    icon: HistoryIcon,
    description: 'show who changed what and when (the audit log), filter it and export it.',
    page: page(async () => (await import('../features/activity/ActivityPage')).ActivityPage),
    requires: 'audit.list',
  },
  {
    id: 'system',
    label: 'System',
    icon: DnsIcon,
    description: 'show disk usage, clean up unused data and describe the engine.',
    page: page(async () => (await import('../features/system/SystemPage')).SystemPage),
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: SettingsIcon,
    description: 'let you choose the engine and the theme.',
    page: page(async () => (await import('../features/settings/SettingsPage')).SettingsPage),
  },
  {
    id: 'users',
    label: 'Users',
    icon: GroupIcon,
    description: 'let admins manage the accounts of a shared web mode.',
    page: page(async () => (await import('../features/accounts/UsersPage')).UsersPage),
    requires: 'accounts.list',
  },
] as const satisfies readonly Section[];

export type SectionId = (typeof sections)[number]['id'];

export const isSectionId = (value: string): value is SectionId => sections.some((s) => s.id === value);
