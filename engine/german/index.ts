export { describeChangeInGerman, describeChangeKindInGerman, translateChangeDescription } from './describeChangeInGerman.ts';
export { describeLocationInGerman } from './describeLocationInGerman.ts';
export { BUMP_NAMES_GERMAN, describeProblemInGerman, translateProblem } from './describeProblemInGerman.ts';
