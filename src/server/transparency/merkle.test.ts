import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRoot, leafHash, MerkleTree, nodeHash, splitPoint, verifyConsistency, verifyInclusion } from './merkle';

/** MTH straight from RFC 9162 §2.1.1's recursive definition, with nothing cached. */
function referenceRoot(entries: string[]): Buffer {
  if (entries.length === 0) return createHash('sha256').update('').digest();
  if (entries.length === 1) return createHash('sha256').update(Buffer.from([0])).update(entries[0]!).digest();
  const k = splitPoint(entries.length);
  return createHash('sha256').update(Buffer.from([1])).update(referenceRoot(entries.slice(0, k))).update(referenceRoot(entries.slice(k))).digest();
}

const entriesOf = (n: number) => Array.from({ length: n }, (_, i) => `record ${i}`);
function treeOf(n: number): MerkleTree {
  const tree = new MerkleTree();
  for (const entry of entriesOf(n)) tree.append(leafHash(entry));
  return tree;
}

/** Every way one hash of a proof can be wrong: each element flipped, one dropped, one added. */
function corruptions(proof: Buffer[]): Buffer[][] {
  const out: Buffer[][] = [];
  proof.forEach((_, i) => {
    const flipped = proof.map((p) => Buffer.from(p));
    flipped[i]![0]! ^= 1;
    out.push(flipped);
    out.push(proof.filter((__, j) => j !== i));
  });
  out.push([...proof, leafHash('extra')]);
  return out;
}

describe('the Merkle tree of RFC 9162', () => {
  it('has the RFC root for every size from 0 to 70', () => {
    for (let n = 0; n <= 70; n++) expect(treeOf(n).root().equals(referenceRoot(entriesOf(n))), `size ${n}`).toBe(true);
    expect(treeOf(0).root().equals(emptyRoot)).toBe(true);
  });

  it('hashes the two-leaf tree as node(leaf 0, leaf 1), with the 0x00 and 0x01 prefixes', () => {
    const expected = createHash('sha256')
      .update(Buffer.from([1]))
      .update(createHash('sha256').update(Buffer.from([0, 0x61])).digest())
      .update(createHash('sha256').update(Buffer.from([0, 0x62])).digest())
      .digest();
    const tree = new MerkleTree();
    tree.append(leafHash('a'));
    tree.append(leafHash('b'));
    expect(tree.root().equals(expected)).toBe(true);
    expect(nodeHash(leafHash('a'), leafHash('b')).equals(expected)).toBe(true);
  });

  it('gives the root of any earlier size, as it was then', () => {
    const tree = treeOf(37);
    for (let m = 0; m <= 37; m++) expect(tree.root(m).equals(referenceRoot(entriesOf(m)))).toBe(true);
  });

  it('proves every leaf of trees of size 1 to 8 and a few others, and refuses every corrupted proof', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 13, 31, 33]) {
      const tree = treeOf(n);
      const root = tree.root();
      for (let i = 0; i < n; i++) {
        const proof = tree.inclusionProof(i);
        expect(verifyInclusion(i, n, tree.leaf(i), proof, root), `leaf ${i} of ${n}`).toBe(true);
        for (const bad of corruptions(proof)) expect(verifyInclusion(i, n, tree.leaf(i), bad, root)).toBe(false);
        expect(verifyInclusion(i, n, leafHash('forged'), proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion((i + 1) % n, n, tree.leaf(i), proof, root)).toBe(false);
        expect(verifyInclusion(n, n, tree.leaf(i), proof, root)).toBe(false);
      }
    }
  });

  it('proves every smaller tree of size 1 to 8 and a few others a prefix, and refuses every corrupted proof', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 13, 31, 33]) {
      const tree = treeOf(n);
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(verifyConsistency(m, n, tree.root(m), tree.root(n), proof), `${m} → ${n}`).toBe(true);
        if (m < n) {
          for (const bad of corruptions(proof)) expect(verifyConsistency(m, n, tree.root(m), tree.root(n), bad)).toBe(false);
          expect(verifyConsistency(m, n, treeOf(m + 1).root(m + 1), tree.root(n), proof)).toBe(false);
        }
      }
    }
  });

  it('shows that a rewritten or truncated log is not an extension of the old one', () => {
    const old = treeOf(6);
    const rewritten = new MerkleTree();
    entriesOf(10).forEach((e, i) => rewritten.append(leafHash(i === 2 ? 'record 2, edited' : e)));
    expect(verifyConsistency(6, 10, old.root(), rewritten.root(), rewritten.consistencyProof(6, 10))).toBe(false);
    const truncated = treeOf(4);
    expect(verifyConsistency(6, 4, old.root(), truncated.root(), [])).toBe(false);
  });
});

describe('proofs, for any tree (property tests)', () => {
  const sizeAndIndex = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 })));

  it('an inclusion proof verifies against the root of its size, and only against it', () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.integer({ min: 0, max: 50 }), ([n, i], extra) => {
        const tree = treeOf(n + extra);
        const proof = tree.inclusionProof(i, n);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(verifyInclusion(i, n, tree.leaf(i), proof, referenceRoot(entriesOf(n)))).toBe(true);
        if (extra > 0) expect(verifyInclusion(i, n, tree.leaf(i), proof, tree.root())).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('a consistency proof links any two sizes, and breaks when any earlier leaf differs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.nat(), (m, grow, pick) => {
        const n = m + grow;
        const tree = treeOf(n);
        const proof = tree.consistencyProof(m, n);
        expect(verifyConsistency(m, n, referenceRoot(entriesOf(m)), tree.root(), proof)).toBe(true);
        const changed = entriesOf(n);
        changed[pick % m] = `${changed[pick % m]} changed`;
        const other = new MerkleTree();
        for (const e of changed) other.append(leafHash(e));
        expect(verifyConsistency(m, n, tree.root(m), other.root(), other.consistencyProof(m, n))).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('forgets leaves on truncate and rebuilds the same tree when they are appended again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (keep, more) => {
        const tree = treeOf(keep + more);
        tree.truncate(keep);
        expect(tree.size).toBe(keep);
        for (const e of entriesOf(keep + more).slice(keep)) tree.append(leafHash(e));
        expect(tree.root().equals(referenceRoot(entriesOf(keep + more)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
