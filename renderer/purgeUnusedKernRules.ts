import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Build-time only (vite config): a PostCSS plugin that drops the rules of the KERN UX stylesheet
 * (@kern-ux/native/dist/kern.min.css, 340 KB with its grid and utility classes) that can never match our markup.
 * The browser parses every rule and builds its rule set before the first frame; about 200 ms of main-thread time
 * on the form route went to rules of classes the portal does not use. A rule stays when one of its selectors
 * needs only classes that occur in our sources; rules without KERN classes (custom properties, element styles,
 * @font-face, keyframes) always stay, so the KERN look of what we render is unchanged.
 */

/** A KERN class name as written in our sources: `kern-btn`, or a prefix like `kern-alert--` before `${kind}`. */
const KERN_TOKEN = /kern-[A-Za-z0-9_-]*/g;
/** A class in a CSS selector. */
const CLASS_IN_SELECTOR = /\.(kern-[A-Za-z0-9_-]+)/g;
const SOURCE_FILE = /\.(tsx?|css|html)$/;
/** This file names classes only in comments and patterns. */
const THIS_FILE = 'purgeUnusedKernRules.ts';

export interface KernClassUsage {
  /** Whether a KERN class name can occur in the markup our sources produce. */
  has(className: string): boolean;
}

/** The KERN class names (and class name prefixes of dynamic ones) that occur in the source files under `dirs`. */
export function collectKernClassUsage(dirs: readonly string[]): KernClassUsage {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path);
      } else if (SOURCE_FILE.test(entry.name) && entry.name !== THIS_FILE) {
        for (const [token] of readFileSync(path, 'utf8').matchAll(KERN_TOKEN)) {
          // `kern-alert--${kind}`: any class with this prefix may occur (a bare `kern-` would keep everything).
          if (token.endsWith('-')) {
            if (/^kern-[A-Za-z0-9]/.test(token)) prefixes.add(token);
          } else names.add(token);
        }
      }
    }
  };
  for (const dir of dirs) visit(dir);
  return { has: (className) => names.has(className) || [...prefixes].some((prefix) => className.startsWith(prefix)) };
}

/**
 * Whether a selector can match markup with the used classes. Classes inside parentheses (`:not(.kern-x)`,
 * `:is(...)`, `:has(...)`) are not required for a match and are ignored.
 */
export function selectorCanMatch(selector: string, usage: KernClassUsage): boolean {
  let outside = '';
  let depth = 0;
  for (const char of selector) {
    if (char === '(') depth++;
    if (depth === 0) outside += char;
    if (char === ')') depth = Math.max(0, depth - 1);
  }
  for (const [, className] of outside.matchAll(CLASS_IN_SELECTOR)) if (!usage.has(className!)) return false;
  return true;
}

/** Splits a selector list at its top-level commas (not those inside parentheses or attribute brackets). */
export function splitSelectorList(selectorList: string): string[] {
  const selectors: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selectorList.length; i++) {
    const char = selectorList[i];
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      selectors.push(selectorList.slice(start, i).trim());
      start = i + 1;
    }
  }
  selectors.push(selectorList.slice(start).trim());
  return selectors.filter(Boolean);
}

/** The part of a PostCSS rule/container this plugin uses (no dependency on postcss's types). */
interface CssNode {
  type: string;
  selector?: string;
  name?: string;
  nodes?: CssNode[];
  parent?: CssNode;
  remove(): void;
}

interface CssRoot {
  source?: { input?: { file?: string } };
  walkRules(callback: (rule: CssNode) => void): void;
  walkAtRules(callback: (atRule: CssNode) => void): void;
}

/**
 * The PostCSS plugin (vite `css.postcss.plugins`): in files whose path contains `@kern-ux/native`, removes the
 * selectors that cannot match (see selectorCanMatch), rules left without selectors and at-rules left empty.
 */
export function purgeUnusedKernRules(sourceDirs: readonly string[]) {
  let usage: KernClassUsage | undefined;
  return {
    postcssPlugin: 'kreisform-purge-unused-kern-rules',
    Once(root: CssRoot) {
      if (!root.source?.input?.file?.includes('@kern-ux/native')) return;
      usage ??= collectKernClassUsage(sourceDirs);
      const used = usage;
      root.walkRules((rule) => {
        // Keyframe steps (`from`, `50%`) are no selectors.
        if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name ?? '')) return;
        const selectors = splitSelectorList(rule.selector ?? '');
        const kept = selectors.filter((selector) => selectorCanMatch(selector, used));
        if (kept.length === 0) rule.remove();
        else if (kept.length < selectors.length) rule.selector = kept.join(',');
      });
      root.walkAtRules((atRule) => {
        if (/^(media|supports|layer|container)$/i.test(atRule.name ?? '') && atRule.nodes && atRule.nodes.length === 0) atRule.remove();
      });
    },
  };
}
