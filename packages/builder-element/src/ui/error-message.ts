/** The text of a task's error (a rejected request, an invalid sample), for the line that shows it. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
