/**
 * A Map that forgets its oldest entries beyond `capacity`, so a long-running emulator
 * keeps a bounded amount of state (real Stripe keeps everything; a laptop need not).
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly capacity: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.capacity) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
