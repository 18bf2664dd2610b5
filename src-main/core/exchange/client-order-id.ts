// Runs in: anywhere (pure).
/** Binance futures' rule, which is also within Bybit's 36-char orderLinkId limit. */
export const CLIENT_ORDER_ID_PATTERN = /^[.A-Z:/a-z0-9_-]{1,36}$/;

export const isValidClientOrderId = (id: string): boolean => CLIENT_ORDER_ID_PATTERN.test(id);

/**
 * Makes ids of the form `<prefix>-<time36>-<seq36><rand>`. The id is created once per trading intent
 * and reused on every retry, so the exchange rejects a second copy instead of placing it.
 */
export class ClientOrderIdFactory {
  private seq = 0;

  constructor(
    private readonly prefix: string,
    private readonly now: () => number,
    private readonly random: () => number,
  ) {
    if (!/^[A-Za-z0-9]{1,8}$/.test(prefix)) throw new Error('client order id prefix must be 1-8 alphanumerics');
  }

  next(): string {
    this.seq = (this.seq + 1) % 36 ** 3;
    const rand = Math.floor(this.random() * 36 ** 4).toString(36).padStart(4, '0');
    const id = `${this.prefix}-${this.now().toString(36)}-${this.seq.toString(36).padStart(3, '0')}${rand}`;
    if (!isValidClientOrderId(id)) throw new Error(`generated invalid client order id ${id}`);
    return id;
  }
}

/** Bracket legs derive their ids from the entry so a restart can find them again. */
export function legId(entryId: string, leg: 'tp' | 'sl' | 'tr' | 'list'): string {
  const suffix = `.${leg}`;
  const id = entryId.slice(0, 36 - suffix.length) + suffix;
  if (!isValidClientOrderId(id)) throw new Error(`invalid leg id ${id}`);
  return id;
}
