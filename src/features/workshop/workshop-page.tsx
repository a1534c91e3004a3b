// Replaced by workshop mode (issue 5).
export function WorkshopPage() {
  return null;
}
