/** What a byte scan of a JSON text found before it was parsed. */
export interface JsonShape {
  /** Deepest nesting of arrays and objects. */
  depth: number;
  /** Object members plus array items (a count of values inside containers). */
  members: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * Measures nesting depth and member count of a JSON text in one pass over its bytes, without parsing, so that an
 * absurd body is refused before JSON.parse spends seconds on it. Stops early once a limit is passed. Counts are
 * upper bounds for malformed text (which JSON.parse refuses afterwards anyway).
 */
export function scanJsonShape(bytes: Uint8Array, maxDepth: number, maxMembers: number): JsonShape {
  let depth = 0;
  let deepest = 0;
  let members = 0;
  let inString = false;
  let emptyContainer = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > maxDepth) break;
      }
      emptyContainer = true;
      continue;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      if (!emptyContainer) members++;
      depth--;
    } else if (byte === COMMA) {
      members++;
      if (members > maxMembers) break;
    }
    if (byte > 0x20) emptyContainer = false;
  }
  return { depth: deepest, members };
}
