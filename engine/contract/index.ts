export * from './errors';
export * from './dto';
export * from './methods';
export * from './events';
export * from './roles';
export * from './protocol';
export * from './client';
