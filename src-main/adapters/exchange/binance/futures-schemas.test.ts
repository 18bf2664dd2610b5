import { describe, expect, it } from 'vitest';
import { algoOrderParams, futuresOrderParams } from './binance-futures';
import { algoSnapshot, FuturesAlgoOrder } from './futures-schemas';
import { encodeParams } from '../shared/signing';

// POST /fapi/v1/algoOrder reply, as documented.
const ALGO = {
  algoId: 2146760, clientAlgoId: '6B2I9XVcJpCjqPAJ4YoFX7', algoType: 'CONDITIONAL', orderType: 'TAKE_PROFIT', symbol: 'BNBUSDT', side: 'SELL', positionSide: 'BOTH', timeInForce: 'GTC',
  quantity: '0.01', algoStatus: 'NEW', triggerPrice: '750.000', price: '750.000', icebergQuantity: null, selfTradePreventionMode: 'EXPIRE_MAKER', workingType: 'CONTRACT_PRICE', priceMatch: 'NONE',
  closePosition: false, priceProtect: false, reduceOnly: false, activatePrice: '', callbackRate: '', createTime: 1750485492076, updateTime: 1750485492076, triggerTime: 0, goodTillDate: 0,
};

describe('Binance futures', () => {
  it('parses algo orders and maps the algo lifecycle', () => {
    expect(algoSnapshot(FuturesAlgoOrder.parse(ALGO))).toMatchObject({ clientOrderId: '6B2I9XVcJpCjqPAJ4YoFX7', type: 'TAKE_PROFIT_MARKET', status: 'NEW', stopPrice: 750, quantity: 0.01 });
    const at = (algoStatus: string, executedQty?: string) => algoSnapshot(FuturesAlgoOrder.parse({ ...ALGO, algoStatus, ...(executedQty ? { executedQty } : {}) })).status;
    expect([at('TRIGGERING'), at('TRIGGERED'), at('TRIGGERED', '0.005'), at('FINISHED', '0.01'), at('FINISHED', '0'), at('CANCELED'), at('EXPIRED'), at('REJECTED')]).toEqual(['NEW', 'NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'CANCELED', 'EXPIRED', 'REJECTED']);
  });
  it('builds algo params (reduce-only stop, trailing callbackRate) and keeps conditionals off /fapi/v1/order', () => {
    expect(encodeParams(algoOrderParams({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: 0.5, stopPrice: 90000, reduceOnly: true, clientOrderId: 's1' }))).toBe(
      'algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&quantity=0.5&triggerPrice=90000&workingType=CONTRACT_PRICE&reduceOnly=true&clientAlgoId=s1',
    );
    expect(encodeParams(algoOrderParams({ symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', quantity: 1, trailingBips: 150, reduceOnly: true, clientOrderId: 't1' }))).toContain('callbackRate=1.5');
    expect(() => algoOrderParams({ symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', quantity: 1, trailingBips: 5, clientOrderId: 't2' })).toThrow();
    expect(() => futuresOrderParams({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: 1, stopPrice: 1, clientOrderId: 'x' })).toThrow(/algoOrder/);
  });
});
