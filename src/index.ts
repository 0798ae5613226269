export * from './engine';
export * from './packs';
