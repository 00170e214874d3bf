// What a wrong multiple-choice answer is told, from the exercise's own words: which option was picked,
// and the sentence of the worked solution that speaks to it (the solution usually says why each wrong
// option fails). The sentence is chosen by the words it shares with the picked option and not with the
// correct one, so that it explains the mistake without naming the answer.

/** Words too common to tell options apart. */
const COMMON = new Set(
  "about above after again against because been before being below between both does doing down during each every from further have having here into itself just more most much only other over same should some such than that their them then there these they this those through under until very what when where which while will with would your".split(" "),
);

/** Content words, cut to a short stem so that "efficient" meets "efficiency". */
export function stems(text: string): Set<string> {
  const words = text.toLowerCase().normalize("NFKD").match(/[a-z][a-z0-9]{3,}/g) ?? [];
  return new Set(words.filter((word) => !COMMON.has(word)).map((word) => word.slice(0, 6)));
}

/** Sentences of a passage: split after . ! ? or ; followed by a space and a capital, a digit or a quote. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?;])\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The solution's sentence about the picked option: the one sharing the most content words with it (at
 * least two), among those that share more with it than with the correct option(s). Undefined when none does.
 */
export function whyNot(pickedText: string, correctTexts: readonly string[], solutionText: string): string | undefined {
  const picked = stems(pickedText);
  const correct = stems(correctTexts.join(" "));
  let best: { sentence: string; score: number } | undefined;
  for (const sentence of sentences(solutionText)) {
    const words = stems(sentence);
    const score = [...words].filter((w) => picked.has(w) && !correct.has(w)).length;
    const aboutCorrect = [...words].filter((w) => correct.has(w) && !picked.has(w)).length;
    if (score >= 2 && score > aboutCorrect && (!best || score > best.score)) best = { sentence, score };
  }
  return best?.sentence;
}

/** "B (“Older accelerators always become more energy-efficient…”)": an option named by label and its start. */
export function namePick(label: string, text: string, maxChars = 80): string {
  const plain = text.replace(/\s+/g, " ").trim();
  const short = plain.length > maxChars ? `${plain.slice(0, maxChars).replace(/\s+\S*$/, "")}…` : plain;
  return `${label.toUpperCase()} (“${short}”)`;
}
