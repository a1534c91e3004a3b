// Replaced by the decision register (issue 4).
export function RegisterPage() {
  return null;
}
