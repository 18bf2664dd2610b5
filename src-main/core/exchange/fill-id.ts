// Runs in: anywhere (pure).
/** Fill identity = order + cumulative quantity after it, so a fill seen over REST and over a stream is stored once. */
export const fillId = (clientOrderId: string, cumulativeQty: number): string => `${clientOrderId}@${cumulativeQty}`;
