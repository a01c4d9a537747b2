/**
 * Text in a message that speaks to the software reading it instead of to a person: "ignore previous
 * instructions", "classify this as interested", a fake "SYSTEM:" turn, a JSON verdict. Patterns run
 * on `normalizeText` output (lower case, no accents, invisible characters gone). A hit never decides
 * anything by itself: rules drop the sentence it sits in, and a model's answer about such a message
 * is checked by a deterministic guard (graphs/inbound-classify/rules.ts).
 */
export const INJECTION_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: "override", pattern: /\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|preceding|all|any|your|the|system|original)\b[^.\n]{0,25}\b(?:instructions?|prompts?|rules?|directions?|guidelines?|context|programming)\b/ },
  { name: "override", pattern: /\b(?:ignoriere|ignorieren|vergiss|vergessen|ignorez|oubliez|ignora|ignorad|ignoren|olvida|negeer|vergeet)\b[^.\n]{0,40}\b(?:anweisungen|instruktionen|regeln|instructions|consignes|instrucciones|istruzioni|instructies|instrucoes)\b/ },
  { name: "new_instructions", pattern: /\b(?:new|updated|real|actual) (?:system )?(?:instructions?|prompt|rules)\s*[:\-]/ },
  { name: "verdict_request", pattern: /\b(?:classify|label|categori[sz]e|mark|tag|flag|record|score|treat|count|log|file|rate)\b(?: (?:this|it|me|us|the|my|our|following))?(?: (?:e-?mail|message|reply|response|lead|contact|prospect|thread|one))? as (?:an? )?(?:"|')?(?:interested|meeting|partner|positive|hot|warm|qualified|won|converted|booked|not[_ ]interested|auto[_ ]?reply|bounced|info[_ ]request|spam|unsubscribe)/ },
  { name: "verdict_request", pattern: /\b(?:klassifiziere|klassifizieren|markiere|markieren|classez|classifiez|marquez|clasifica|clasifique|clasifiquen|classifica|classificate|classificeer|markeer|classifique)\b[^.\n]{0,40}\b(?:als|comme|como|come)\b/ },
  { name: "output_directive", pattern: /\b(?:output|return|respond with|answer with|reply with|print)\b(?: only)?(?: the)? (?:label|classification|category|json|"?\{|"?interested\b|"?meeting_scheduled\b|"?partnership\b)/ },
  { name: "verdict_claim", pattern: /\b(?:the )?(?:correct|right|true|proper|expected|only valid|final) (?:label|classification|category|answer|output) (?:is|=|:)/ },
  { name: "role_turn", pattern: /(?:^|\n)\s*(?:\[|<|#+ ?)?(?:system|assistant|developer|admin|operator)\s*(?:\]|>)?\s*:/ },
  { name: "chat_markup", pattern: /<\|(?:im_start|im_end|system|endoftext)\|>|\[\/?inst\]|<<\/?sys>>|###\s*(?:instruction|system|response)/ },
  { name: "key_value_verdict", pattern: /["']?\b(?:label|classification|category|intent|sentiment|polarity)\b["']?\s*[:=]\s*["']?[a-z_]+/ },
  { name: "addressed_to_ai", pattern: /\b(?:dear|hey|hi|attention|note to(?: the| any)?|to the|to any|for the|for any|instructions? (?:for|to)(?: the| any)?) (?:ai|a\.i\.|llm|gpt|chatgpt|bot|model|language model|classifier|assistant|automated system|spam filter|email filter|automation)s?\b/ },
  { name: "addressed_to_ai", pattern: /\b(?:ai|llm|gpt|chatgpt|bot|model|classifier|assistant|language model|automated system|automation|filter)s? (?:reading|processing|parsing|classifying|scanning|reviewing|triaging|sorting) (?:this|these|the|my|our)\b/ },
  { name: "verdict_request", pattern: /\b(?:label|classify|tag|mark|file|score) (?:it|this|me|us|them) (?:so|accordingly|that way|like that)\b/ },
  { name: "persona", pattern: /\byou are (?:now )?(?:an? |the )?(?:ai|helpful|classifier|assistant|language model|llm|system)\b|\bact as (?:an? |the )?(?:ai|classifier|assistant)\b|\bas an ai\b/ },
];

const TEMPLATE_HEADING = /^\s*#{2,}\s*(?:instruction|system|response|prompt|assistant|user|input|output)s?\b/;

export type InjectionHit = { name: string; text: string };

/** The first instruction-like passage in normalised text, or null. */
export function findInjection(normalized: string): InjectionHit | null {
  for (const { name, pattern } of INJECTION_PATTERNS) {
    const match = pattern.exec(normalized);
    if (match) return { name, text: match[0].trim() };
  }
  return null;
}

// Enclosed spans an instruction hides in: a JSON-looking object (a verdict planted for a parser),
// an HTML comment, a parenthesis, a bracket. Removed whole when they hold an instruction.
const ENCLOSED = [/\{[^{}]{0,2000}\}/g, /<!--[\s\S]{0,2000}?-->/g, /\([^()]{0,500}\)/g, /\[[^[\]]{0,500}\]/g];

/**
 * Normalised text with every passage that addresses a classifier removed: JSON-looking objects that
 * carry a verdict key (and comments or brackets holding an instruction), then each sentence (or line) holding an instruction-like pattern. What is left
 * is what the person wrote to a person; keyword rules read only that.
 */
export function stripInjections(normalized: string): string {
  const withoutEnclosed = ENCLOSED.reduce((text, pattern) => text.replace(pattern, (span) => (findInjection(span) ? " " : span)), normalized);
  const kept: string[] = [];
  let inTemplate = false;
  for (const line of withoutEnclosed.split("\n")) {
    // A prompt-template heading ("### Instruction", "### Response") opens a block that runs to the next blank line.
    if (TEMPLATE_HEADING.test(line)) inTemplate = true;
    else if (line.trim() === "") inTemplate = false;
    if (inTemplate) continue;
    // Split after sentence punctuation even with no space ("internally.Ignore…", as zero-width glue leaves it); joined back as it was.
    const sentences = line.split(/(?<=[.!?;])(?=\s|\p{L})/u).filter((sentence) => !findInjection(sentence));
    if (sentences.length > 0) kept.push(sentences.join("").trim());
  }
  const stripped = kept.join("\n");
  // Tidy only what was cut: the gaps a removed span leaves, and blank lines at the ends.
  return stripped === normalized ? normalized : stripped.replace(/ {2,}/g, " ").replace(/ +$/gm, "").trim();
}
