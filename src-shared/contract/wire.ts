// Runs in: renderer and engine.
import { z } from 'zod';
import { CallError } from './result';

/** Frames of the WebSocket bridge. The first client frame must be `hello` with the token. */
export const BRIDGE_PROTOCOL_VERSION = 1;
export const BRIDGE_MAX_FRAME_BYTES = 1024 * 1024;
/** Until hello succeeds a client is a stranger: its frames are refused unparsed past this size. */
export const BRIDGE_HELLO_MAX_BYTES = 4 * 1024;

export const ClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().max(512), protocol: z.number().int() }),
  z.object({ type: z.literal('call'), id: z.number().int().nonnegative(), method: z.string().max(128), input: z.unknown().optional() }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), protocol: z.number().int() }),
  z.object({ type: z.literal('refused'), reason: z.string() }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    // A void method's result loses `data` in JSON, so the key may be absent.
    result: z.union([z.object({ ok: z.literal(true), data: z.unknown().optional() }), z.object({ ok: z.literal(false), error: CallError })]),
  }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('error'), error: CallError }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Close codes the browser can show to the user. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_PROTOCOL = 4400;
/** No hello in time: not a refusal (a busy engine can time out an honest client), so the browser tries again. */
export const CLOSE_HELLO_TIMEOUT = 4408;
