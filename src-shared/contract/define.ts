// Runs in: renderer and engine.
import type { z } from 'zod';
import type { Result } from './result';

/** One callable method: its input is parsed on the engine side, its output is what the handler returns. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });

export type ServiceSpec = Record<string, MethodSpec>;
export type ContractSpec = Record<string, ServiceSpec>;

/** `service.method`, the wire name of a call on both transports. */
export type MethodName<C extends ContractSpec> = {
  [S in keyof C & string]: `${S}.${keyof C[S] & string}`;
}[keyof C & string];

export type InputOf<M extends MethodSpec> = z.input<M['input']>;
export type OutputOf<M extends MethodSpec> = z.output<M['output']>;

/** What the engine implements: one async function per method, receiving already-parsed input. */
export type Handlers<C extends ContractSpec> = {
  [S in keyof C]: { [M in keyof C[S]]: (input: z.output<C[S][M]['input']>) => Promise<OutputOf<C[S][M]>> | OutputOf<C[S][M]> };
};

/** What the renderer sees: the same tree, every call answering with a Result. */
export type Client<C extends ContractSpec> = {
  [S in keyof C]: { [M in keyof C[S]]: (input: InputOf<C[S][M]>) => Promise<Result<OutputOf<C[S][M]>>> };
};

export function methodNames<C extends ContractSpec>(contract: C): MethodName<C>[] {
  const names: string[] = [];
  for (const [service, methods] of Object.entries(contract)) {
    for (const name of Object.keys(methods)) names.push(`${service}.${name}`);
  }
  return names as MethodName<C>[];
}

/** Finds `service.method` among the contract's own keys only: "__proto__.toString" or "constructor.name" are unknown, not inherited. */
export function lookupMethod(contract: ContractSpec, wireName: string): MethodSpec | undefined {
  const dot = wireName.indexOf('.');
  if (dot <= 0) return undefined;
  const serviceName = wireName.slice(0, dot);
  const methodName = wireName.slice(dot + 1);
  if (!Object.hasOwn(contract, serviceName)) return undefined;
  const service = contract[serviceName];
  if (!service || !Object.hasOwn(service, methodName)) return undefined;
  return service[methodName];
}

/** Builds a Client tree from the contract and one transport function; used by both renderer transports and the preload. */
export function buildClient<C extends ContractSpec>(
  contract: C,
  send: (wireName: string, input: unknown) => Promise<Result<unknown>>,
): Client<C> {
  const tree: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const [service, methods] of Object.entries(contract)) {
    const calls: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
    for (const name of Object.keys(methods)) calls[name] = (input: unknown) => send(`${service}.${name}`, input);
    tree[service] = calls;
  }
  return tree as Client<C>;
}
