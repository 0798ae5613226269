export * from './aspect';
export * from './aspects';
