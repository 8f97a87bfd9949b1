/** The console message by which a benchmark page tells the runner that its first paint is marked (harness.markPainted). */
export const PAINTED_MESSAGE = 'kreisform-bench: painted';
