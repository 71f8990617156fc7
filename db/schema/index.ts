export * from './settings';
export * from './audit';
export * from './areas';
export * from './premises';
export * from './incidents';
