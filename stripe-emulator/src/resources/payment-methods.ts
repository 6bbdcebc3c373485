import { assertKnownParams } from '../params';
import { snapshot, type Handler } from '../state';
import { resolvePaymentMethod } from '../test-cards';

/** GET /v1/payment_methods/:id: an issued PaymentMethod, or a test token resolved to a new one. */
export const retrievePaymentMethod: Handler = (state, ctx) => {
  assertKnownParams(ctx.params, ['expand']);
  return snapshot(resolvePaymentMethod(state.paymentMethods, ctx.path.id ?? '', 'id').paymentMethod);
};
