/**
 * Everything the service says to a person, in each of the five languages. The document's language
 * decides which table is used. {0}, {1}… are filled by format(); quotation marks follow each
 * language's own typography.
 */
import { LANGS, type Lang } from './types';

export interface Messages {
  quote(s: string): string;
  langNames: Record<Lang, string>;
  preferredTerm: string;
  alsoCalled: string;
  otherLanguages: string;
  acronym: string;
  meanings: string;
  deprecated: string;
  mistranslation: string;
  related: string;
  /** {0} the text: a hover on a text that may be the everyday word here (no cue word in the sentence) */
  mayBeEveryday: string;
  /** {0} acronym, {1} expansion */
  acronymUndefined: string;
  /** {0} concept name, {1} this term, {2} the other term */
  inconsistent: string;
  /** {0} this term, {1} the other term: when the concept's name is one of them */
  inconsistentShort: string;
  inconsistentRelated: string;
  /** {0} this term, {1} the other term, {2} the other file */
  inconsistentAcrossFiles: string;
  /** {0} term, {1} replacement */
  deprecatedTerm: string;
  mistranslatedTerm: string;
  replaceWith: string;
  /** {0} count, {1} replacement */
  replaceAll: string;
  /** "In Swedish" as a sentence continues it ("in English it is …"): where a fix would write a term of another language. */
  inLanguage: Record<Lang, string>;
  /** A language's name as it qualifies "term" in replaceWithOtherLanguage and replaceAllOtherLanguage ("the English term"). */
  termLanguage: Record<Lang, string>;
  /**
   * {0} term, {1} replacement, {2} the term's language (inLanguage), {3} the replacement's (inLanguage): the concept has
   * no term to use in the term's language (nor in the document's), so the replacement is of another language.
   */
  deprecatedOtherLanguage: string;
  mistranslatedOtherLanguage: string;
  /** {0} term: the concept has no term to use in any language. */
  deprecatedNoReplacement: string;
  mistranslatedNoReplacement: string;
  /** {0} replacement, {1} its language (termLanguage) */
  replaceWithOtherLanguage: string;
  /** {0} count, {1} replacement, {2} its language (termLanguage) */
  replaceAllOtherLanguage: string;
  /** Hover: {0} the replacement, {1} its language (inLanguage) */
  replacementInLanguage: string;
  spellOut: string;
  /** {0} the rule's name (declarations.ts), quoted: the quick fix that writes a lingo-disable-next-line comment */
  disableForLine: string;
  insertWithDefinition: string;
  insertAcronym: string;
  /** {0} size in MB, {1} limit in MB */
  skippedLarge: string;
  skippedBinary: string;
  addToTeamGlossary: string;
  /** The title of the progress shown while the server reads the workspace's files (references, consistency across files). */
  readingWorkspace: string;
  /** {0} the termbases' file names: the title of the progress shown while a glossary with termbases (lingo.glossaries) is built. */
  loadingTermbase: string;
  /** {0} a termbase's file name, {1} how many problems: some entries left out, the rest in use. */
  termbaseProblems: string;
  /** {0} a termbase's file name: it cannot be read and is not in use. */
  termbaseUnreadable: string;
  /** {0} a termbase's file name: it cannot be read; its last version that could be read stays in use. */
  termbaseUnreadableKept: string;
  /** {0} how many more, {1} the limit */
  moreProblems: string;
  /** Between two sentences: a space, or nothing in Chinese. */
  sentenceGap: string;
  /** Between the items of a list of terms. */
  listGap: string;
  /** Rename asked for where there is no term. */
  renameNotOnTerm: string;
  /** Rename asked for in code, a link target or an address. */
  renameInCode: string;
  /** {0} the new name, {1} the concept's name, {2} the terms to choose from */
  renameNotAName: string;
  /** {0} the new name, {1} the concept's name, {2} the concept the new name belongs to, {3} the terms to choose from */
  renameOtherConcept: string;
  /** The same, when the other concept is called as the new name: {0} the new name, {1} the concept's name, {2} the terms to choose from */
  renameAnotherConcept: string;
  /** {0} the new name (a term to avoid), {1} the concept's name, {2} the terms to choose from */
  renameAvoided: string;
}

const fmtQuote = (open: string, close: string) => (s: string) => `${open}${s}${close}`;

/**
 * The messages as written: a language whose phrase "in <language>" is one pattern over `langNames` gives the pattern
 * ("på {0}"), else the phrase per language (Polish declines the name); `termLanguage` is given only where it is not
 * `langNames` (Dutch inflects the adjective: "de Engelse term").
 */
type Written = Omit<Messages, 'inLanguage' | 'termLanguage'> & { inLanguage: string | Record<Lang, string>; termLanguage?: Record<Lang, string> };

const WRITTEN: Record<Lang, Written> = {
  en: {
    quote: fmtQuote('“', '”'),
    langNames: { en: 'English', sv: 'Swedish', nl: 'Dutch', pl: 'Polish', 'zh-Hant': 'Chinese' },
    preferredTerm: 'Preferred term',
    alsoCalled: 'Also',
    otherLanguages: 'In other languages',
    acronym: 'Acronym',
    meanings: 'Possible meanings',
    deprecated: 'Avoid',
    mistranslation: 'Mistranslation',
    mayBeEveryday: 'Possibly the everyday word here: nothing in the sentence shows that {0} means the term below, so Lingo does not check it.',
    related: 'See also',
    acronymUndefined: '{0} is used before it is spelled out. Write {1} the first time.',
    inconsistent: 'This document calls {0} both {1} and {2}. Use {2} throughout.',
    inconsistentShort: 'This document uses both {0} and {1} for the same thing. Use {1} throughout.',
    inconsistentRelated: '{0} is used here.',
    inconsistentAcrossFiles: '{2} calls this {1}, this document {0}. Use {1} throughout.',
    deprecatedTerm: 'Avoid {0}: write {1}.',
    mistranslatedTerm: '{0} is a mistranslation: write {1}.',
    replaceWith: 'Replace with {0}',
    replaceAll: 'Replace all {0} in this document with {1}',
    inLanguage: 'in {0}',
    deprecatedOtherLanguage: 'Avoid {0}. The glossary has no approved term {2}; {3} it is {1}.',
    mistranslatedOtherLanguage: '{0} is a mistranslation. The glossary has no approved term {2}; {3} it is {1}.',
    deprecatedNoReplacement: 'Avoid {0}. The glossary gives no term to use instead.',
    mistranslatedNoReplacement: '{0} is a mistranslation. The glossary gives no term to use instead.',
    replaceWithOtherLanguage: 'Replace with the {1} term {0}',
    replaceAllOtherLanguage: 'Replace all {0} in this document with the {2} term {1}',
    replacementInLanguage: '{0} ({1})',
    spellOut: 'Spell out: {0}',
    disableForLine: 'Disable the {0} check for this line',
    insertWithDefinition: 'Term with definition',
    insertAcronym: 'Acronym with expansion',
    skippedLarge: 'Not checked: this file is {0} MB, over the {1} MB limit (setting lingo.maxFileSizeMB).',
    skippedBinary: 'Not checked: this file does not look like text.',
    addToTeamGlossary: 'Add to team glossary',
    readingWorkspace: 'Lingo: reading the workspace',
    loadingTermbase: 'Lingo: loading the termbase {0}',
    termbaseProblems: 'The termbase {0} has problems ({1}): the entries concerned are left out, the rest is in use. The “Lingo” output panel lists each one.',
    termbaseUnreadable: 'Lingo could not read the termbase {0}, so it is not in use. The “Lingo” output panel says why.',
    termbaseUnreadableKept: 'Lingo could not read the termbase {0}; the last version it could read stays in use. The “Lingo” output panel says why.',
    moreProblems: '{0} more findings from here on are not shown: at most {1} are shown per document (setting lingo.maxProblems).',
    sentenceGap: ' ',
    listGap: ', ',
    renameNotOnTerm: 'Put the cursor on a glossary term to rename it.',
    renameInCode: 'Lingo renames only terms in the text, not code, links or addresses.',
    renameNotAName: '{0} is not a name for {1} in the glossary. Rename to one of: {2}.',
    renameOtherConcept: 'In the glossary, {0} is a name for {2}, not for {1}. Rename to one of: {3}.',
    renameAnotherConcept: 'In the glossary, {0} is another concept, not {1}. Rename to one of: {2}.',
    renameAvoided: 'The glossary says to avoid {0} for {1}. Rename to one of: {2}.',
  },
  sv: {
    quote: fmtQuote('”', '”'),
    langNames: { en: 'engelska', sv: 'svenska', nl: 'nederländska', pl: 'polska', 'zh-Hant': 'kinesiska' },
    preferredTerm: 'Föredragen term',
    alsoCalled: 'Även',
    otherLanguages: 'På andra språk',
    acronym: 'Förkortning',
    meanings: 'Möjliga betydelser',
    deprecated: 'Undvik',
    mistranslation: 'Felöversättning',
    mayBeEveryday: 'Kanske det vardagliga ordet här: inget i meningen visar att {0} betyder termen nedan, så Lingo kontrollerar det inte.',
    related: 'Se även',
    acronymUndefined: '{0} används innan förkortningen har skrivits ut. Skriv {1} första gången.',
    inconsistent: 'Dokumentet kallar {0} både {1} och {2}. Använd {2} genomgående.',
    inconsistentShort: 'Dokumentet använder både {0} och {1} för samma sak. Använd {1} genomgående.',
    inconsistentRelated: 'Här används {0}.',
    inconsistentAcrossFiles: 'I {2} heter det {1}, här {0}. Använd {1} överallt.',
    deprecatedTerm: 'Undvik {0}: skriv {1}.',
    mistranslatedTerm: '{0} är en felöversättning: skriv {1}.',
    replaceWith: 'Ersätt med {0}',
    replaceAll: 'Ersätt alla {0} i dokumentet med {1}',
    inLanguage: 'på {0}',
    deprecatedOtherLanguage: 'Undvik {0}. Ordlistan har ingen godkänd term {2}; {3} heter det {1}.',
    mistranslatedOtherLanguage: '{0} är en felöversättning. Ordlistan har ingen godkänd term {2}; {3} heter det {1}.',
    deprecatedNoReplacement: 'Undvik {0}. Ordlistan anger ingen term att använda i stället.',
    mistranslatedNoReplacement: '{0} är en felöversättning. Ordlistan anger ingen term att använda i stället.',
    replaceWithOtherLanguage: 'Ersätt med den {1} termen {0}',
    replaceAllOtherLanguage: 'Ersätt alla {0} i dokumentet med den {2} termen {1}',
    replacementInLanguage: '{0} ({1})',
    spellOut: 'Skriv ut: {0}',
    disableForLine: 'Stäng av kontrollen {0} för den här raden',
    insertWithDefinition: 'Term med definition',
    insertAcronym: 'Förkortning med förklaring',
    skippedLarge: 'Kontrolleras inte: filen är {0} MB, över gränsen på {1} MB (inställningen lingo.maxFileSizeMB).',
    skippedBinary: 'Kontrolleras inte: filen ser inte ut att vara text.',
    addToTeamGlossary: 'Lägg till i teamets ordlista',
    readingWorkspace: 'Lingo: läser filerna i arbetsytan',
    loadingTermbase: 'Lingo: läser in termbasen {0}',
    termbaseProblems: 'Termbasen {0} har problem ({1}): posterna det gäller har utelämnats, resten används. Utdatapanelen ”Lingo” listar vart och ett.',
    termbaseUnreadable: 'Lingo kunde inte läsa termbasen {0}, så den används inte. Utdatapanelen ”Lingo” visar varför.',
    termbaseUnreadableKept: 'Lingo kunde inte läsa termbasen {0}; den senaste versionen som gick att läsa används tills vidare. Utdatapanelen ”Lingo” visar varför.',
    moreProblems: 'Ytterligare {0} anmärkningar härifrån och framåt visas inte: högst {1} visas per dokument (inställningen lingo.maxProblems).',
    sentenceGap: ' ',
    listGap: ', ',
    renameNotOnTerm: 'Ställ markören på en term från ordlistan för att byta namn på den.',
    renameInCode: 'Lingo byter bara namn på termer i texten, inte i kod, länkar eller adresser.',
    renameNotAName: '{0} är inget namn på {1} i ordlistan. Välj något av dessa: {2}.',
    renameOtherConcept: 'I ordlistan är {0} ett namn på {2}, inte på {1}. Välj något av dessa: {3}.',
    renameAnotherConcept: 'I ordlistan är {0} ett annat begrepp, inte {1}. Välj något av dessa: {2}.',
    renameAvoided: 'Enligt ordlistan ska {0} undvikas för {1}. Välj något av dessa: {2}.',
  },
  nl: {
    quote: fmtQuote('‘', '’'),
    langNames: { en: 'Engels', sv: 'Zweeds', nl: 'Nederlands', pl: 'Pools', 'zh-Hant': 'Chinees' },
    preferredTerm: 'Voorkeursterm',
    alsoCalled: 'Ook',
    otherLanguages: 'In andere talen',
    acronym: 'Afkorting',
    meanings: 'Mogelijke betekenissen',
    deprecated: 'Vermijd',
    mistranslation: 'Onjuiste vertaling',
    mayBeEveryday: 'Hier misschien het gewone woord: niets in de zin laat zien dat {0} de term hieronder betekent, dus Lingo controleert het niet.',
    related: 'Zie ook',
    acronymUndefined: '{0} wordt gebruikt voordat de afkorting is uitgeschreven. Schrijf de eerste keer {1}.',
    inconsistent: 'Dit document noemt {0} zowel {1} als {2}. Gebruik overal {2}.',
    inconsistentShort: 'Dit document gebruikt zowel {0} als {1} voor hetzelfde begrip. Gebruik overal {1}.',
    inconsistentRelated: 'Hier staat {0}.',
    inconsistentAcrossFiles: 'In {2} heet dit {1}, hier {0}. Gebruik overal {1}.',
    deprecatedTerm: 'Vermijd {0}: schrijf {1}.',
    mistranslatedTerm: '{0} is een onjuiste vertaling: schrijf {1}.',
    replaceWith: 'Vervangen door {0}',
    replaceAll: 'Alle {0} in dit document vervangen door {1}',
    inLanguage: 'in het {0}',
    termLanguage: { en: 'Engelse', sv: 'Zweedse', nl: 'Nederlandse', pl: 'Poolse', 'zh-Hant': 'Chinese' },
    deprecatedOtherLanguage: 'Vermijd {0}. De woordenlijst heeft geen goedgekeurde term {2}; {3} heet het {1}.',
    mistranslatedOtherLanguage: '{0} is een onjuiste vertaling. De woordenlijst heeft geen goedgekeurde term {2}; {3} heet het {1}.',
    deprecatedNoReplacement: 'Vermijd {0}. De woordenlijst noemt geen term die je in plaats daarvan kunt gebruiken.',
    mistranslatedNoReplacement: '{0} is een onjuiste vertaling. De woordenlijst noemt geen term die je in plaats daarvan kunt gebruiken.',
    replaceWithOtherLanguage: 'Vervangen door de {1} term {0}',
    replaceAllOtherLanguage: 'Alle {0} in dit document vervangen door de {2} term {1}',
    replacementInLanguage: '{0} ({1})',
    spellOut: 'Uitschrijven: {0}',
    disableForLine: 'Controle {0} uitschakelen voor deze regel',
    insertWithDefinition: 'Term met definitie',
    insertAcronym: 'Afkorting met uitleg',
    skippedLarge: 'Niet gecontroleerd: dit bestand is {0} MB, groter dan de limiet van {1} MB (instelling lingo.maxFileSizeMB).',
    skippedBinary: 'Niet gecontroleerd: dit bestand lijkt geen tekst te zijn.',
    addToTeamGlossary: 'Toevoegen aan de teamwoordenlijst',
    readingWorkspace: 'Lingo: bestanden in de werkruimte lezen',
    loadingTermbase: 'Lingo: termenbank {0} laden',
    termbaseProblems: 'De termenbank {0} bevat problemen ({1}): de betreffende items zijn weggelaten, de rest wordt gebruikt. Het uitvoerpaneel ‘Lingo’ somt ze allemaal op.',
    termbaseUnreadable: 'Lingo kon de termenbank {0} niet lezen, dus die wordt niet gebruikt. Het uitvoerpaneel ‘Lingo’ vermeldt waarom.',
    termbaseUnreadableKept: 'Lingo kon de termenbank {0} niet lezen; de laatste versie die wel leesbaar was, blijft in gebruik. Het uitvoerpaneel ‘Lingo’ vermeldt waarom.',
    moreProblems: 'Nog {0} meldingen vanaf hier worden niet getoond: per document worden er ten hoogste {1} getoond (instelling lingo.maxProblems).',
    sentenceGap: ' ',
    listGap: ', ',
    renameNotOnTerm: 'Zet de cursor op een term uit de woordenlijst om die te hernoemen.',
    renameInCode: 'Lingo hernoemt alleen termen in de tekst, geen code, links of adressen.',
    renameNotAName: '{0} is in de woordenlijst geen naam voor {1}. Kies een van deze: {2}.',
    renameOtherConcept: 'In de woordenlijst is {0} een naam voor {2}, niet voor {1}. Kies een van deze: {3}.',
    renameAnotherConcept: 'In de woordenlijst is {0} een ander begrip, niet {1}. Kies een van deze: {2}.',
    renameAvoided: 'Volgens de woordenlijst vermijd je {0} voor {1}. Kies een van deze: {2}.',
  },
  pl: {
    quote: fmtQuote('„', '”'),
    langNames: { en: 'angielski', sv: 'szwedzki', nl: 'niderlandzki', pl: 'polski', 'zh-Hant': 'chiński' },
    preferredTerm: 'Termin zalecany',
    alsoCalled: 'Także',
    otherLanguages: 'W innych językach',
    acronym: 'Skrót',
    meanings: 'Możliwe znaczenia',
    deprecated: 'Unikaj',
    mistranslation: 'Błędne tłumaczenie',
    mayBeEveryday: 'Tu być może zwykłe słowo: nic w zdaniu nie wskazuje, że {0} oznacza poniższy termin, więc Lingo go nie sprawdza.',
    related: 'Zobacz też',
    acronymUndefined: 'Skrót {0} pojawia się, zanim zostanie rozwinięty. Za pierwszym razem napisz {1}.',
    inconsistent: 'Ten dokument nazywa pojęcie {0} zarówno {1}, jak i {2}. Używaj konsekwentnie {2}.',
    inconsistentShort: 'Ten dokument używa na to samo pojęcie zarówno {0}, jak i {1}. Używaj konsekwentnie {1}.',
    inconsistentRelated: 'Tutaj użyto {0}.',
    inconsistentAcrossFiles: 'W pliku {2} to pojęcie nazywa się {1}, tutaj {0}. Używaj wszędzie {1}.',
    deprecatedTerm: 'Unikaj {0}: napisz {1}.',
    mistranslatedTerm: '{0} to błędne tłumaczenie: napisz {1}.',
    replaceWith: 'Zastąp przez {0}',
    replaceAll: 'Zastąp wszystkie wystąpienia ({0}) w dokumencie przez {1}',
    inLanguage: { en: 'w języku angielskim', sv: 'w języku szwedzkim', nl: 'w języku niderlandzkim', pl: 'w języku polskim', 'zh-Hant': 'w języku chińskim' },
    deprecatedOtherLanguage: 'Unikaj {0}. Słowniczek nie zawiera zatwierdzonego terminu {2}; {3} jest to {1}.',
    mistranslatedOtherLanguage: '{0} to błędne tłumaczenie. Słowniczek nie zawiera zatwierdzonego terminu {2}; {3} jest to {1}.',
    deprecatedNoReplacement: 'Unikaj {0}. Słowniczek nie podaje zamiennika.',
    mistranslatedNoReplacement: '{0} to błędne tłumaczenie. Słowniczek nie podaje zamiennika.',
    replaceWithOtherLanguage: 'Zastąp przez {1} termin {0}',
    replaceAllOtherLanguage: 'Zastąp wszystkie wystąpienia ({0}) w dokumencie przez {2} termin {1}',
    replacementInLanguage: '{0} ({1})',
    spellOut: 'Rozwiń: {0}',
    disableForLine: 'Wyłącz regułę {0} w tym wierszu',
    insertWithDefinition: 'Termin z definicją',
    insertAcronym: 'Skrót z rozwinięciem',
    skippedLarge: 'Nie sprawdzono: plik ma {0} MB, więcej niż limit {1} MB (ustawienie lingo.maxFileSizeMB).',
    skippedBinary: 'Nie sprawdzono: ten plik nie wygląda na tekst.',
    addToTeamGlossary: 'Dodaj do słowniczka zespołu',
    readingWorkspace: 'Lingo: odczytywanie plików obszaru roboczego',
    loadingTermbase: 'Lingo: wczytywanie bazy terminologicznej {0}',
    termbaseProblems: 'Baza terminologiczna {0} zawiera błędy ({1}): wpisy, których dotyczą, pominięto, reszta jest używana. Każdy błąd opisuje panel danych wyjściowych „Lingo”.',
    termbaseUnreadable: 'Lingo nie może odczytać bazy terminologicznej {0}, więc nie jest ona używana. Przyczynę podaje panel danych wyjściowych „Lingo”.',
    termbaseUnreadableKept: 'Lingo nie może odczytać bazy terminologicznej {0}; nadal używana jest ostatnia wersja, którą udało się odczytać. Przyczynę podaje panel danych wyjściowych „Lingo”.',
    moreProblems: 'Dalsze uwagi od tego miejsca nie są pokazywane (jest ich jeszcze {0}): w jednym dokumencie pokazuje się najwyżej {1} (ustawienie lingo.maxProblems).',
    sentenceGap: ' ',
    listGap: ', ',
    renameNotOnTerm: 'Aby zmienić nazwę, ustaw kursor na terminie ze słowniczka.',
    renameInCode: 'Lingo zmienia tylko terminy w tekście, nie kod, linki ani adresy.',
    renameNotAName: 'W słowniczku {0} nie jest nazwą pojęcia {1}. Wybierz jedną z nazw: {2}.',
    renameOtherConcept: 'W słowniczku {0} to nazwa pojęcia {2}, a nie {1}. Wybierz jedną z nazw: {3}.',
    renameAnotherConcept: 'W słowniczku {0} to inne pojęcie, a nie {1}. Wybierz jedną z nazw: {2}.',
    renameAvoided: 'Według słowniczka dla pojęcia {1} należy unikać nazwy {0}. Wybierz jedną z nazw: {2}.',
  },
  'zh-Hant': {
    quote: fmtQuote('「', '」'),
    langNames: { en: '英文', sv: '瑞典文', nl: '荷蘭文', pl: '波蘭文', 'zh-Hant': '中文' },
    preferredTerm: '建議用語',
    alsoCalled: '亦稱',
    otherLanguages: '其他語言',
    acronym: '縮寫',
    meanings: '可能的意思',
    deprecated: '避免使用',
    mistranslation: '誤譯',
    mayBeEveryday: '這裡可能是一般用語：句中沒有任何字詞顯示{0}指的是下列術語，因此 Lingo 不檢查它。',
    related: '相關概念',
    acronymUndefined: '{0}在首次出現時未寫出全稱。第一次請寫成{1}。',
    inconsistent: '本文件對{0}同時使用{1}和{2}。請統一使用{2}。',
    inconsistentShort: '本文件同時以{0}和{1}指稱同一概念。請統一使用{1}。',
    inconsistentRelated: '此處使用{0}。',
    inconsistentAcrossFiles: '{2} 稱為{1}，本文件則用{0}。請統一使用{1}。',
    deprecatedTerm: '請避免使用{0}，改用{1}。',
    mistranslatedTerm: '{0}是誤譯，請改用{1}。',
    replaceWith: '取代為{0}',
    replaceAll: '將本文件中全部 {0} 處取代為{1}',
    inLanguage: '{0}',
    deprecatedOtherLanguage: '請避免使用{0}。詞彙表沒有核可的{2}用語；{3}稱為{1}。',
    mistranslatedOtherLanguage: '{0}是誤譯。詞彙表沒有核可的{2}用語；{3}稱為{1}。',
    deprecatedNoReplacement: '請避免使用{0}。詞彙表未提供可替代的用語。',
    mistranslatedNoReplacement: '{0}是誤譯。詞彙表未提供可替代的用語。',
    replaceWithOtherLanguage: '取代為{1}用語{0}',
    replaceAllOtherLanguage: '將本文件中全部 {0} 處取代為{2}用語{1}',
    replacementInLanguage: '{0}（{1}）',
    spellOut: '寫出全稱：{0}',
    disableForLine: '在此行停用{0}檢查',
    insertWithDefinition: '術語與定義',
    insertAcronym: '縮寫與全稱',
    skippedLarge: '未檢查：此檔案大小為 {0} MB，超過 {1} MB 的上限（設定 lingo.maxFileSizeMB）。',
    skippedBinary: '未檢查：此檔案看起來不是文字檔。',
    addToTeamGlossary: '加入團隊詞彙表',
    readingWorkspace: 'Lingo：正在讀取工作區的檔案',
    loadingTermbase: 'Lingo：正在載入術語庫 {0}',
    termbaseProblems: '術語庫 {0} 有問題（{1} 個）：相關條目已略過，其餘照常使用。每個問題都列在「Lingo」輸出面板中。',
    termbaseUnreadable: 'Lingo 無法讀取術語庫 {0}，因此未使用。原因請見「Lingo」輸出面板。',
    termbaseUnreadableKept: 'Lingo 無法讀取術語庫 {0}；將繼續使用上次成功讀取的版本。原因請見「Lingo」輸出面板。',
    moreProblems: '此處之後另有 {0} 項提示未顯示：每份文件最多顯示 {1} 項（設定 lingo.maxProblems）。',
    sentenceGap: '',
    listGap: '、',
    renameNotOnTerm: '請將游標移到詞彙表中的術語上，再重新命名。',
    renameInCode: 'Lingo 只重新命名內文中的術語，不會更動程式碼、連結或網址。',
    renameNotAName: '在詞彙表中，{0}不是{1}的名稱。請改用下列其中之一：{2}。',
    renameOtherConcept: '在詞彙表中，{0}是{2}的名稱，而不是{1}的名稱。請改用下列其中之一：{3}。',
    renameAnotherConcept: '在詞彙表中，{0}是另一個概念，而不是{1}。請改用下列其中之一：{2}。',
    renameAvoided: '詞彙表建議{1}避免使用{0}。請改用下列其中之一：{2}。',
  },
};

/** Each template split once into its texts and argument numbers: a check formats thousands of messages. */
const compiled = new Map<string, (string | number)[]>();

export function format(template: string, ...args: (string | number)[]): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\d)\}/).map((p, i) => (i % 2 ? Number(p) : p));
    compiled.set(template, parts);
  }
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    out += typeof p === 'number' ? String(args[p] ?? '') : p;
  }
  return out;
}

function complete(w: Written): Messages {
  const names = (f: (name: string) => string) => Object.fromEntries(LANGS.map((l) => [l, f(w.langNames[l])])) as Record<Lang, string>;
  const inLanguage = typeof w.inLanguage === 'string' ? names((n) => format(w.inLanguage as string, n)) : w.inLanguage;
  return { ...w, inLanguage, termLanguage: w.termLanguage ?? names((n) => n) };
}

export const MESSAGES = Object.fromEntries(LANGS.map((l) => [l, complete(WRITTEN[l])])) as Record<Lang, Messages>;

export const messages = (lang: Lang): Messages => MESSAGES[lang];
