// Runs in: renderer and engine.
/** Electron IPC channel names, shared by the main-process registration and the preload. */
export const IPC_CALL_PREFIX = 'cockpit:call:';
export const IPC_EVENT_CHANNEL = 'cockpit:event';
