import type { RulesetProblem } from '../engine/ruleset';

/**
 * The loader's problems in the words of a policy owner who is not a programmer: what is wrong, in Swedish,
 * with the place in the file as "fält" (the dotted path) so that they can find it in their editor.
 */
const phrasings: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^must be a date written YYYY-MM-DD$/, () => 'ska vara ett datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-01-01'],
  [/^is not valid YAML: (.*)$/, (m) => `går inte att läsa: filen är inte giltig YAML (${m[1]}). Kontrollera indrag och kolon.`],
  [/^Invalid input: expected (\w+), received undefined$/, () => 'saknas: fältet måste fyllas i'],
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => `har fel slags värde: väntade ${typeWord(m[1]!)}, fick ${typeWord(m[2]!)}`],
  [/^Unrecognized keys?: (.*)$/, (m) => `har ett fält som inte finns i formatet: ${m[1]} (stavfel?)`],
  [/^Invalid option: expected one of (.*)$/, (m) => `har ett värde som inte är tillåtet; välj ett av ${m[1]}`],
  [/^must equal the file name "(.*)"$/, (m) => `ska vara samma som filens namn: "${m[1]}"`],
  [/^must start with "(.*)"$/, (m) => `ska börja med "${m[1]}"`],
  [/^must be lower-case words joined by "-" or "."$/, () => 'ska vara små bokstäver och siffror, ord åtskilda med "-" eller "."'],
  [/^names no source document "(.*)" in rules\/sources\/$/, (m) => `hänvisar till dokumentet "${m[1]}", som inte finns i rules/sources/ – lägg till dokumentet med dess citat först`],
  [/^names no excerpt "(.*)" in rules\/sources\/(.*)$/, (m) => `hänvisar till citatet "${m[1]}", som inte finns i rules/sources/${m[2]}`],
  [/^"(.*)" is no kommun, region or state agency in rules\/buyers\/sweden.yaml$/, (m) => `"${m[1]}" är ingen kommun, region eller myndighet i listan (rules/buyers/sweden.yaml); skriv till exempel kommun-0780 för Växjö`],
  [/^names no län "(.*)"$/, (m) => `länskoden "${m[1]}" finns inte`],
  [/^must be above fromSek \((\d+) kr\)$/, (m) => `ska vara större än beloppet där bandet börjar (${Number(m[1]).toLocaleString('sv-SE')} kr)`],
  [
    /^(.*) kr is above the legal direct-award limit of (.*) kr in force from (\S+) \(LOU 19 a kap.\): a layer cannot allow more than the law$/,
    (m) => `${m[1]} kr är över lagens direktupphandlingsgräns, ${m[2]} kr från ${m[3]} (LOU 19 a kap.). Riktlinjer får inte tillåta direktupphandling över lagens gräns.`,
  ],
  [
    /^a band on direct award needs an upper amount: the law allows direct award only below (.*) kr \(from (\S+), LOU 19 a kap.\)$/,
    (m) => `ett band för direktupphandling måste ha ett övre belopp (toSek): lagen tillåter direktupphandling bara under ${m[1]} kr (från ${m[2]}, LOU 19 a kap.)`,
  ],
  [/^must name buyers or lanKommuner$/, () => 'måste ange vilka organisationer riktlinjen gäller (buyers) eller vilket läns kommuner (lanKommuner)'],
];

const typeWord = (t: string) => ({ string: 'text', number: 'ett tal', boolean: 'ja/nej (true/false)', array: 'en lista', object: 'ett avsnitt' })[t] ?? t;

/** `shownAs` renames files of rules/ (the layer being checked) to the path the owner gave. */
export function swedishProblem(problem: RulesetProblem, shownAs: Record<string, string> = {}): string {
  const where = `${shownAs[problem.file] ?? `rules/${problem.file}`}${problem.path ? `, fält ${problem.path}` : ''}`;
  for (const [pattern, say] of phrasings) {
    const match = problem.message.match(pattern);
    if (match) return `${where}: ${say(match)}`;
  }
  return `${where}: ${problem.message}`;
}
