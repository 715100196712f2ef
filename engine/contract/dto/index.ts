export * from './engine';
export * from './container';
export * from './patch';
export * from './settings';
