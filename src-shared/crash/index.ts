// Runs in: renderer and engine.
export * from './sha256';
export * from './growth';
export * from './bustabit';
