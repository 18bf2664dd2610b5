// Runs in: anywhere (pure).
type TypedArray = Int16Array | Int32Array | Uint16Array;

/**
 * A buffer reused by every read, grown when a bigger one is needed: reads run at frame rate, and a fresh buffer
 * per read is external memory that forces full GCs, each a pause on the cash-out path. Reads are synchronous,
 * so one buffer serves them all; what must outlive a call is copied out.
 */
export function scratch<T extends TypedArray>(create: (length: number) => T): (length: number) => T {
  let buffer = create(0);
  return (length) => {
    if (buffer.length < length) buffer = create(length);
    // subarray keeps the array type, which TypeScript cannot see through the union.
    return buffer.subarray(0, length) as T;
  };
}
