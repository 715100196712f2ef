/** A set of in-process listeners; one failing listener is logged and never stops the others. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  constructor(private readonly what: string) {}

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  get size(): number {
    return this.set.size;
  }

  emit(value: T): void {
    for (const listener of this.set) {
      try {
        listener(value);
      } catch (err) {
        console.error(`[berth] ${this.what} listener failed:`, err);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
