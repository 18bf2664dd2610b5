// Runs in: anywhere (pure).
// Crash-game maths for the engine. The parts the practice game page also needs live in src-shared/crash.
export * from '../../../src-shared/crash';
export * from './curve-fit';
export * from './cashout-plan';
export * from './round-phase';
export * from './display-lag';
export * from './readout-look';
export * from './game-signature';
export * from './button-look';
export * from './partial-read';
