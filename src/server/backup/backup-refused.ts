/** A backup or restore that was not done, with the reason in Swedish and English: nothing was put in place. */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}
