/** The console message by which a benchmark page tells the runner that its first paint is marked (harness.markPainted). */
export const PAINTED_MESSAGE = 'kreisform-bench: painted';

/** Prefix of the console error by which the kreisform page reports a hydration mismatch (the runner fails on it). */
export const HYDRATION_ERROR_PREFIX = 'kreisform hydration:';
