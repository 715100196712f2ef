export * from './errors';
export * from './dto';
export * from './methods/index';
export * from './events';
export * from './roles';
export * from './protocol';
export * from './client';
export * from './streams';
