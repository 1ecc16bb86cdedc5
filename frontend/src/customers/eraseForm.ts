/** Whether what was typed confirms erasing the customer with this code (case and surrounding spaces ignored). */
export function eraseConfirmed(typed: string, code: string): boolean {
  return code !== '' && typed.trim().toUpperCase() === code.toUpperCase();
}
