import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cosignerOf, type CosignerKey } from '../server/transparency/cosignature-note';

/**
 * The witness's own Ed25519 key, made on first start in its state folder (owner read/write only).
 * It is the revisor's, not the register's: whoever runs the register cannot cosign with it.
 */
export function loadOrCreateWitnessKey(file: string, name: string): CosignerKey & { created: boolean } {
  let created = false;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    created = true;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch {
    throw new Error(`the witness key file ${file} is not a PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the witness key in ${file} is not an Ed25519 key`);
  return { ...cosignerOf(name, createPublicKey(privateKey)), privateKey, created };
}
