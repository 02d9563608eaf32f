// A value made on its first read, then kept: a part of an immutable structure that most of its
// users never need (a start's relation indexes: a start answers before any request asks for
// them). The structure stays immutable to its readers: whoever reads first makes the same value.

/** A value made by `make` on its first read (see `value`), then kept. */
export class Lazy<T> {
  private made: { value: T } | undefined;

  constructor(private make: (() => T) | undefined) {}

  /** A Lazy already made. */
  static of<T>(value: T): Lazy<T> {
    const lazy = new Lazy<T>(undefined);
    lazy.made = { value };
    return lazy;
  }

  /** The value, made now if it was not yet. */
  get value(): T {
    if (!this.made) {
      this.made = { value: this.make!() };
      // What it was made from may be collected now.
      this.make = undefined;
    }
    return this.made.value;
  }

  /** Whether the value was made (reading it without making it is not possible). */
  get isMade(): boolean {
    return this.made !== undefined;
  }
}
