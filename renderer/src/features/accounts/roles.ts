import type { Role } from '../../api/contract';

/** The roles as people choose them, with what each may do (ADR 9, ADR 18). */
export const ROLES: { value: Role; label: string; means: string }[] = [
  { value: 'viewer', label: 'Viewer', means: 'sees lists, details and logs; changes nothing' },
  { value: 'operator', label: 'Operator', means: 'also runs, stops, removes and deploys, without host power' },
  { value: 'admin', label: 'Admin', means: 'everything: users, engines, settings, shells, host files' },
];
