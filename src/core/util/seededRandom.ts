/**
 * A deterministic random source in [0, 1) (xorshift32): algorithms that shuffle for speed, such as
 * Louvain's random node order, give the same answer for the same seed on every run.
 */
export function seededRandom(seed: number): () => number {
  let state = (seed >>> 0) || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}
