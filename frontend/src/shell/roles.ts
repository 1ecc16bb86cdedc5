const LABELS: Record<string, string> = {
  admin: 'Administrator',
  manager: 'Manager',
  counter: 'Counter staff',
  warehouse: 'Warehouse staff',
};

/** A role's name for people; unknown roles show as they come. */
export function roleLabel(role: string): string {
  return LABELS[role] ?? role;
}
