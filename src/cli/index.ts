// The library side of the scan command; the command itself is main.ts (the package's bin).
export * from './input-problem';
export * from './manifest-scanner';
