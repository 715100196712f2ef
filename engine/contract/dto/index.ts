export * from './engine';
export * from './container';
export * from './patch';
export * from './settings';
export * from './task';
export * from './transfer';
export * from './stream-chunks';
