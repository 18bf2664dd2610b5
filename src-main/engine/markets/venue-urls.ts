// Runs in: engine. Where an account's REST and WebSocket endpoints are: the venue's, or a simulator/testnet override.
import type { StoredAccount } from './account-store';

const BINANCE = { httpUrl: 'https://api.binance.com', wsUrl: 'wss://stream.binance.com:9443' };
const BINANCE_TESTNET = { httpUrl: 'https://testnet.binance.vision', wsUrl: 'wss://stream.testnet.binance.vision' };

export function venueUrls(a: Pick<StoredAccount, 'baseUrl' | 'environment'>): { httpUrl: string; wsUrl: string } {
  if (a.baseUrl) {
    const http = a.baseUrl.replace(/\/$/, '');
    return { httpUrl: http, wsUrl: http.replace(/^http/, 'ws') };
  }
  // Paper accounts fill on the public live prices; testnet keys only work on the testnet.
  return a.environment === 'testnet' ? BINANCE_TESTNET : BINANCE;
}
