/**
 * A getter that creates its value on the first call and returns the same value afterwards. Used for Intl
 * formatters: the first formatter of a page costs tens of milliseconds (ICU set-up), which the portal's form should
 * not pay before its first paint.
 */
export function createLazyValue<T>(create: () => T): () => T {
  let value: T | undefined;
  let created = false;
  return () => {
    if (!created) {
      value = create();
      created = true;
    }
    return value as T;
  };
}
