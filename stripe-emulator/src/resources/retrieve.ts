import { resourceMissing } from '../errors';
import { assertKnownParams } from '../params';
import { snapshot, type EmulatorState, type Handler } from '../state';

/**
 * GET /v1/<resources>/:id for an object the emulator stores: only `expand` is accepted, an unknown id is
 * Stripe's 404 `resource_missing` naming the object (`No such charge: 'ch_…'`).
 */
export const retrieveFrom =
  (object: string, store: (state: EmulatorState) => ReadonlyMap<string, object>): Handler =>
  (state, ctx) => {
    assertKnownParams(ctx.params, ['expand']);
    const id = ctx.path.id ?? '';
    const found = store(state).get(id);
    if (!found) throw resourceMissing(object, id, 'id', 404);
    return snapshot(found);
  };
