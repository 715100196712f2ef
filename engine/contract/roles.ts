import type { Access } from './methods';

export type Role = 'viewer' | 'operator' | 'admin';

const allowed: Record<Role, readonly Access[]> = {
  viewer: ['read'],
  operator: ['read', 'operate'],
  admin: ['read', 'operate', 'admin'],
};

export const roleAllows = (role: Role, access: Access): boolean => allowed[role].includes(access);
