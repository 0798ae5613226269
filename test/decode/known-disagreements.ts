/**
 * Ids of the replay corpus (fixtures/oracle-corpus.json) where the decoder disagrees with kubectl today, as computed by
 * `npx projen conformance:decoder --count 10000 --seed 20261201 --write-corpus ... --write-known ...`.
 * The replay test asserts that the disagreements are exactly these: fixing the decoder removes ids from here, and
 * the set must end empty.
 */
export const KNOWN_DISAGREEMENTS: ReadonlySet<string> = new Set([
]);
