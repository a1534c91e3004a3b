/** Offers text as a file download in the browser. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function decisionFileName(draft: { answers: { organisation?: string | undefined; decisionDate?: string | undefined } }, ext: string): string {
  return `vagval-${draft.answers.organisation ?? 'utkast'}-${draft.answers.decisionDate ?? 'utan-datum'}.${ext}`;
}
