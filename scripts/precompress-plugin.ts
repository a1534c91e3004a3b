import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(js|css|html|json|svg|txt|map)$/;

/**
 * Writes each built text file once more as .br (brotli, quality 11) and .gz (gzip -9) beside it,
 * so the server sends the app compressed without compressing it on every request (before that,
 * 395 KiB of code and the 130 KiB rule set went out uncompressed). The server's serveStatic picks
 * the smallest the browser accepts (src/server/static-app.ts).
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'vagval-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const fileName of [...Object.keys(bundle), 'index.html']) {
        if (!compressible.test(fileName)) continue;
        const path = join(outDir, fileName);
        let data: Buffer;
        try {
          data = readFileSync(path);
        } catch {
          continue;
        }
        if (data.length < 1024) continue;
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}
