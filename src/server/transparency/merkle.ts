import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 §2.1 (the same as RFC 6962 §2.1): leaves are SHA-256(0x00 || entry),
 * interior nodes SHA-256(0x01 || left || right); a tree of n leaves splits at k, the largest power
 * of two smaller than n. The prefixes keep a leaf from being passed off as a node.
 */

const leafPrefix = Buffer.from([0x00]);
const nodePrefix = Buffer.from([0x01]);

export const hashBytes = 32;

export function leafHash(entry: string | Uint8Array): Buffer {
  return createHash('sha256').update(leafPrefix).update(entry).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(nodePrefix).update(left).update(right).digest();
}

/** MTH({}) = SHA-256(""), RFC 9162 §2.1.1. */
export const emptyRoot: Buffer = createHash('sha256').update('').digest();

/** The largest power of two smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** 32-byte hashes in one growing buffer: a million leaves are 32 MB, not a million objects. */
class HashArray {
  private buffer = Buffer.alloc(hashBytes * 1024);
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * hashBytes > this.buffer.length) {
      const bigger = Buffer.alloc(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, 0, this.length * hashBytes);
      this.buffer = bigger;
    }
    this.buffer.set(hash, this.length * hashBytes);
    this.length++;
  }

  get(i: number): Buffer {
    return this.buffer.subarray(i * hashBytes, (i + 1) * hashBytes);
  }

  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }
}

/**
 * An append-only tree that keeps the hash of every complete, aligned subtree (level k holds the
 * subtrees of 2^k leaves). Every left half in RFC 9162's recursion is such a subtree, so a root,
 * an inclusion proof or a consistency proof for any size costs O(log² n) hashes at worst, and an
 * append costs one hash per level it completes (two on average).
 */
export class MerkleTree {
  private readonly levels: HashArray[] = [new HashArray()];

  get size(): number {
    return this.levels[0]!.length;
  }

  append(leaf: Uint8Array): void {
    this.levels[0]!.push(leaf);
    let index = this.size - 1;
    for (let level = 0; index % 2 === 1; level++) {
      const below = this.levels[level]!;
      this.levels[level + 1] ??= new HashArray();
      this.levels[level + 1]!.push(nodeHash(below.get(index - 1), below.get(index)));
      index = (index - 1) / 2;
    }
  }

  leaf(index: number): Buffer {
    if (index < 0 || index >= this.size) throw new RangeError(`no leaf ${index} in a tree of ${this.size}`);
    return this.levels[0]!.get(index);
  }

  /** Forgets the leaves from `size` on (leaves written for a commit that never happened). */
  truncate(size: number): void {
    for (let level = 0; level < this.levels.length; level++) this.levels[level]!.truncate(Math.floor(size / 2 ** level));
  }

  /** MTH(D[lo:hi]). */
  rangeHash(lo: number, hi: number): Buffer {
    if (hi > this.size || lo < 0 || lo > hi) throw new RangeError(`no range ${lo}–${hi} in a tree of ${this.size}`);
    const n = hi - lo;
    if (n === 0) return emptyRoot;
    // A complete subtree aligned on its own size is stored.
    if ((n & (n - 1)) === 0 && lo % n === 0) {
      const level = Math.log2(n);
      return this.levels[level]!.get(lo / n);
    }
    const k = splitPoint(n);
    return nodeHash(this.rangeHash(lo, lo + k), this.rangeHash(lo + k, hi));
  }

  root(size: number = this.size): Buffer {
    return this.rangeHash(0, size);
  }

  /** PATH(m, D[0:n]), RFC 9162 §2.1.3.1: the audit path of leaf m in the tree of the first n leaves. */
  inclusionProof(index: number, size: number = this.size): Buffer[] {
    if (index < 0 || index >= size || size > this.size) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
    const path: Buffer[] = [];
    const walk = (m: number, lo: number, hi: number): void => {
      const n = hi - lo;
      if (n === 1) return;
      const k = splitPoint(n);
      if (m < k) {
        walk(m, lo, lo + k);
        path.push(this.rangeHash(lo + k, hi));
      } else {
        walk(m - k, lo + k, hi);
        path.push(this.rangeHash(lo, lo + k));
      }
    };
    walk(index, 0, size);
    return path;
  }

  /** PROOF(m, D[0:n]), RFC 9162 §2.1.4.1: shows the tree of m leaves is a prefix of the tree of n. */
  consistencyProof(first: number, second: number = this.size): Buffer[] {
    if (first < 0 || first > second || second > this.size) throw new RangeError(`no consistency proof from ${first} to ${second} in a tree of ${this.size}`);
    const proof: Buffer[] = [];
    if (first === 0 || first === second) return proof;
    const sub = (m: number, lo: number, hi: number, whole: boolean): void => {
      const n = hi - lo;
      if (m === n) {
        if (!whole) proof.push(this.rangeHash(lo, hi));
        return;
      }
      const k = splitPoint(n);
      if (m <= k) {
        sub(m, lo, lo + k, whole);
        proof.push(this.rangeHash(lo + k, hi));
      } else {
        sub(m - k, lo + k, hi, false);
        proof.push(this.rangeHash(lo, lo + k));
      }
    };
    sub(first, 0, second, true);
    return proof;
  }
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

/** RFC 9162 §2.1.3.2, step by step. */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/** RFC 9162 §2.1.4.2, step by step; the empty tree is a prefix of every tree. */
export function verifyConsistency(first: number, second: number, firstRoot: Uint8Array, secondRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === 0) return proof.length === 0 && equal(firstRoot, emptyRoot);
  if (first === second) return proof.length === 0 && equal(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
}
