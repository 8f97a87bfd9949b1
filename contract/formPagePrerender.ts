import type { ServedDefinition } from './portalApi.ts';

/** Where `npm run build` puts the renderer's server-side entry, relative to the project (RENDERER_SSR_ENTRY). */
export const FORM_PAGE_PRERENDER_ENTRY = 'dist/renderer-ssr/renderFormPage.js';

/** What the server hands the renderer's server-side entry to render a form page (plain data: it crosses threads). */
export interface FormPageRenderInput {
  /** The page's pathname (the portal routes by it). */
  pathname: string;
  /** The served definition, exactly as the page's JSON data block carries it. */
  definition: ServedDefinition;
  /** The precompiled validator module of the served version (the one the page preloads). */
  validatorModuleSource: string;
}

/**
 * The renderer's server-side entry: the HTML of the portal app (the content of `<div id="root">`) for a form page,
 * which the browser hydrates. Contains no script.
 */
export type RenderFormPage = (input: FormPageRenderInput) => Promise<string>;

/** A render asked of the entry running as a worker thread. */
export interface FormPageRenderRequest {
  id: number;
  input: FormPageRenderInput;
}

/** The worker's answer to a FormPageRenderRequest. */
export type FormPageRenderReply = { id: number; html: string } | { id: number; error: string };
