// Runs in: anywhere (pure). Secret redaction for log lines and diagnostics: by key name, by known value, and by common token shapes.

export const REDACTED = '[redacted]';

const SECRET_KEY = /(token|secret|passw(or)?d|passphrase|api[-_]?key|apikey|signature|authorization|cookie|private[-_]?key|credential|sign$)/i;

/** Shapes that carry credentials even when the key name is innocent (URLs, headers, error messages). */
const SECRET_PATTERNS: RegExp[] = [
  /([#?&](?:token|key|apikey|api_key|signature|secret|sign)=)[^&#\s"']+/gi,
  /(\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /(\b(?:X-MBX-APIKEY|X-BAPI-API-KEY|X-BAPI-SIGN)\s*[:=]\s*)[^\s,"']+/gi,
  /(\b(?:token|secret|password|passphrase|api[-_]?key|signature)["']?\s*[:=]\s*["']?)[^\s,"'&}]{6,}/gi,
];

/** Shortest value worth matching exactly: shorter "secrets" would redact ordinary words. */
const MIN_KNOWN_SECRET = 6;

export class Redactor {
  private readonly known = new Set<string>();

  /** Registers an exact secret value (a stored API key, the signal token) so it is redacted wherever it appears. */
  addSecret(value: string | null | undefined): void {
    if (value && value.length >= MIN_KNOWN_SECRET) this.known.add(value);
  }

  text(input: string): string {
    let out = input;
    for (const secret of this.known) out = out.split(secret).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (_m, prefix: string) => `${prefix}${REDACTED}`);
    return out;
  }

  /** Deep copy with secret-named keys blanked and every string scrubbed; cycles and depth are bounded. */
  value(input: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input === null || typeof input !== 'object') return typeof input === 'bigint' ? String(input) : input;
    if (seen.has(input) || depth > 8) return '[…]';
    seen.add(input);
    if (input instanceof Error) return { name: input.name, message: this.text(input.message), stack: input.stack ? this.text(input.stack) : undefined };
    if (Array.isArray(input)) return input.slice(0, 200).map((v) => this.value(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(input)) {
      // `has…` flags (hasToken) are booleans the UI may see; keep them readable.
      out[key] = SECRET_KEY.test(key) && typeof v !== 'boolean' && v !== null ? REDACTED : this.value(v, depth + 1, seen);
    }
    return out;
  }
}
