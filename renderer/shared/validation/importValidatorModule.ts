/** Loads a validator module by URL with the browser's native dynamic import (no bundler involvement). */
export function importValidatorModule(url: string): Promise<unknown> {
  return import(/* @vite-ignore */ url);
}
