import { StorageType } from '@nats-io/jetstream';
import { Bus, createLogger, STREAM_SUBJECT_FAMILIES } from '../src';
import { uniqueBusOptions } from '../src/testing';

const logger = createLogger('test', 'silent');

test('when the stream exists with an older list of subject families, then ensureStream adds the new ones', async () => {
  const options = uniqueBusOptions();
  const bus = await Bus.connect(options, logger);
  try {
    // The stream as deployments before user.registered created it.
    const older = ['ticket', 'order', 'payment', 'expiration'].map((family) => bus.subject(`${family}.>`));
    await bus.jsm.streams.add({ name: options.stream, subjects: older, storage: StorageType.File });

    await bus.ensureStream();

    const { config } = await bus.jsm.streams.info(options.stream);
    expect(STREAM_SUBJECT_FAMILIES).toContain('user');
    expect(config.subjects.sort()).toEqual(STREAM_SUBJECT_FAMILIES.map((f) => bus.subject(`${f}.>`)).sort());
    await bus.js.publish(bus.subject('user.registered.v1'), '{}');
  } finally {
    await bus.jsm.streams.delete(options.stream).catch(() => undefined);
    await bus.close();
  }
});
