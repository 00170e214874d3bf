// Exercises: pure logic shared by the notebook parser, the build's check and the page. No DOM, no Node.
export { checkAnswer, editDistance, type Feedback, type Response, type Verdict } from "./check.ts";
export { formatKey, formatPlain, formatQuantity } from "./format.ts";
export { type AnswerKey, answerKey, categoryOf, labelOf, normalizeText } from "./key.ts";
export { readNumber } from "./number.ts";
export { parseQuantity, type Quantity } from "./quantity.ts";
export { ANSWER_KINDS, type AnswerKind, type AnswerSpec, type ExerciseSpec } from "./spec.ts";
export { bound, DEFAULT_TOLERANCE, grade, type Grade, parseTolerance, type Tolerance } from "./tolerance.ts";
export { countedWords, type Dimension, describeDimension, parseUnit, sameDimension } from "./units.ts";
export { type CellResult, correctValue, verifyExercise, type Verification } from "./verify.ts";
