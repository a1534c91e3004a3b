/**
 * Who saved (or saves) a decision, with the role beside the name: "anna (upphandlare)". A name that is the role's
 * own word, as local mode's users are ("upphandlare", "revisor"), stands alone, not as "upphandlare (upphandlare)".
 */
export function whoSaved(user: string, roleWord: string): string {
  return user.toLocaleLowerCase('sv-SE') === roleWord.toLocaleLowerCase('sv-SE') ? user : `${user} (${roleWord})`;
}
