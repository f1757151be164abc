/** What a log entry holds instead of an input or output larger than `maxLogBytesPerNode`. */
export interface TruncatedPayload {
  truncated: true;
  /** Size of the full JSON in bytes (UTF-8), or -1 when it could not be serialized. */
  bytes: number;
  /** The beginning of the JSON. */
  preview: string;
}

const PREVIEW_CHARS = 512;
let encoder: TextEncoder | undefined;

/** The value as the execution log stores it: itself, or a marker when its JSON is larger than `maxBytes`. */
export function toLogPayload(value: unknown, maxBytes: number): unknown {
  if (value === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    return {
      truncated: true,
      bytes: -1,
      preview: `[not serializable: ${error instanceof Error ? error.message : String(error)}]`,
    };
  }
  if (json === undefined) return undefined;
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so short strings need no encoding.
  if (json.length * 3 <= maxBytes) return value;
  encoder ??= new TextEncoder();
  const bytes = encoder.encode(json).length;
  if (bytes <= maxBytes) return value;
  return {
    truncated: true,
    bytes,
    preview: json.slice(0, Math.min(PREVIEW_CHARS, maxBytes)),
  } satisfies TruncatedPayload;
}
