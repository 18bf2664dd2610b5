// Runs in: engine. Injected at build time by electron-vite's define; falls back for vitest/tsx runs.
declare const __COCKPIT_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __COCKPIT_VERSION__ === 'string' ? __COCKPIT_VERSION__ : '0.0.0-dev';
