/** A response's status, headers, raw text and its JSON (undefined when the body is empty or not JSON). */
export async function readResponse(
  res: Response,
): Promise<{ status: number; headers: Headers; body: unknown; text: string }> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}
