/**
 * The largest layer file the check reads. A published layer is a few kilobytes (rules/layers/ are
 * 2–5 kB); a 22.6 MB file was parsed for more than 90 s at 2.7 GB of memory before any message.
 * So a file is measured before it is read, and one over the limit is refused with its size and the
 * limit in Swedish, so the owner sees at once that it is the wrong file or a runaway export.
 */
export const maxLayerBytes = 1024 * 1024;

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 });

/** The refusal for a file of `bytes`, or null when it is small enough to read. */
export function layerSizeProblem(file: string, bytes: number, limit = maxLayerBytes): string | null {
  if (bytes <= limit) return null;
  return `${file} är ${megabytes(bytes)} MB; en riktlinjefil får vara högst ${megabytes(limit)} MB. De publicerade i rules/layers/ är några kB: kontrollera att det är rätt fil. Filen lästes inte.`;
}
