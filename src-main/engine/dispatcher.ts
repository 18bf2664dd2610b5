// Runs in: engine. Shared by the Electron IPC registration and the WebSocket bridge.
import type { z } from 'zod';
import { CallFailure, fail, lookupMethod, ok, type ContractSpec, type Handlers, type Result } from '../../src-shared/contract';
import { silentLogger, type Logger } from '../core/logging/logger';

export type Dispatch = (wireName: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * Looks the method up in the contract, parses the input with its schema and runs the handler.
 * Every failure becomes a Result; nothing thrown here can take a transport down. Only unexpected throws are logged:
 * a CallFailure is the handler's answer, not a fault.
 */
export function createDispatcher<C extends ContractSpec>(contract: C, handlers: Handlers<C>, log: Logger = silentLogger): Dispatch {
  return async (wireName, rawInput) => {
    const spec = typeof wireName === 'string' ? lookupMethod(contract, wireName) : undefined;
    if (!spec) return fail('UNKNOWN_METHOD', `Unknown method "${String(wireName).slice(0, 128)}".`);
    const dot = wireName.indexOf('.');
    const [service, name] = [wireName.slice(0, dot), wireName.slice(dot + 1)];
    try {
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) return fail('BAD_INPUT', `Invalid input for ${wireName}: ${describeIssues(parsed.error)}`);
      const handler = ownHandler(handlers, service, name);
      if (!handler) return fail('UNAVAILABLE', `${wireName} is not available in this shell.`);
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof CallFailure) return fail(error.code, error.message);
      log.error(`${wireName} failed`, { err: error });
      return fail('INTERNAL', `${wireName} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** Own properties only, like lookupMethod: a handler tree's prototype is never callable from the wire. */
function ownHandler(handlers: object, service: string, name: string): ((input: unknown) => unknown) | undefined {
  const methods: unknown = Object.hasOwn(handlers, service) ? Reflect.get(handlers, service) : undefined;
  if (typeof methods !== 'object' || methods === null || !Object.hasOwn(methods, name)) return undefined;
  const handler: unknown = Reflect.get(methods, name);
  return typeof handler === 'function' ? (input) => handler.call(methods, input) : undefined;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}
