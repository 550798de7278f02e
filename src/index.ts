// Typed library entry for the Aspis engine (no Node built-ins below this line).
export * from './core/constants.ts';
export * from './core/errors.ts';
export * as vec3 from './core/vec3.ts';
export { randomStream, type RandomStream } from './core/random.ts';
