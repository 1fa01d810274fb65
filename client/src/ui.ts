/** The client's own words (quick picks, status bar, the Glossary view, the concept card), in the editor's display language. */
export type Lang = 'en' | 'sv' | 'nl' | 'pl' | 'zh-Hant';
export const LANG_CODES: Lang[] = ['en', 'sv', 'nl', 'pl', 'zh-Hant'];

export function uiLang(vscodeLanguage: string): Lang {
  const l = vscodeLanguage.toLowerCase();
  if (l.startsWith('zh')) return 'zh-Hant';
  for (const c of ['sv', 'nl', 'pl'] as Lang[]) if (l.startsWith(c)) return c;
  return 'en';
}

export interface Ui {
  pickDefinition: string; pickSearch: string; pickLanguage: string; detect: string; insertTerm: string; copy: string;
  serverGaveUp: string; serverRestarting(ms: number): string; statusTooltip(lang: string, detected: boolean, n: number): string;
  // The Glossary view
  filterPrompt: string; filterPlaceholder: string; filtered(query: string, n: number): string; noMatch(query: string): string;
  glossaryUnavailable(reason: string): string;
  // The concept card
  insertDefinition: string; findUses: string; acronyms: string; related: string; usedIn: string; notUsed: string; times(n: number): string;
  preferred: string; admitted: string; deprecated: string; mistranslation: string; legend: string;
  builtinGlossary: string; teamGlossary: string; openTeamEntry: string;
  // Messages
  noEditor: string; noTermIn(lang: string): string; noUses(name: string): string; noConceptAt: string; conceptGone: string;
  requestFailed(reason: string): string;
}

/** Polish plural: 1 pojęcie, 2–4 pojęcia (but 12–14 pojęć), 5+ pojęć. */
const plPlural = (n: number, one: string, few: string, many: string) =>
  n === 1 ? one : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? few : many;

const UI: Record<Lang, Ui> = {
  en: {
    pickDefinition: 'Choose the term whose definition to insert', pickSearch: 'Search the glossary in every language', pickLanguage: 'Language of this document',
    detect: 'Detect automatically', insertTerm: 'Insert term', copy: 'Copy',
    serverGaveUp: 'The Lingo language server stopped five times in three minutes and will not be restarted. Reload the window to try again.',
    serverRestarting: (ms) => `The Lingo language server stopped; restarting in ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (detected)' : ''}, ${n} finding(s). Click to set the document language.`,
    filterPrompt: 'Part of a term, an acronym or its expansion, in any language. The view shows the matches as you type.',
    filterPlaceholder: 'For example: churn, kans, okazja, 流失率',
    filtered: (q, n) => `Filter: “${q}” — ${n === 1 ? '1 concept' : `${n} concepts`}. Click × above to show all.`,
    noMatch: (q) => `No concept matches “${q}”. Click × above to show all.`,
    glossaryUnavailable: (r) => `The glossary could not be loaded: ${r}`,
    insertDefinition: 'Insert definition', findUses: 'Find all uses', acronyms: 'Acronyms', related: 'Related concepts', usedIn: 'Used in',
    notUsed: 'No document in this workspace uses it yet.', times: (n) => (n === 1 ? 'once' : `${n} times`),
    preferred: 'preferred term', admitted: 'also accepted', deprecated: 'avoid', mistranslation: 'mistranslation: do not use',
    legend: 'Bold: preferred term · plain: also accepted · struck through: avoid · ⚠ mistranslation',
    builtinGlossary: 'Built-in glossary', teamGlossary: 'Team glossary', openTeamEntry: 'Open in the team glossary',
    noEditor: 'Open a document first: the text goes in at its cursor.',
    noTermIn: (l) => `This concept has no term in ${l} yet.`,
    noUses: (name) => `No document in this workspace uses “${name}” yet.`,
    noConceptAt: 'There is no glossary term at the cursor.',
    conceptGone: 'This concept is no longer in the glossary.',
    requestFailed: (r) => `Lingo could not answer: ${r}`,
  },
  sv: {
    pickDefinition: 'Välj termen vars definition ska infogas', pickSearch: 'Sök i ordlistan på alla språk', pickLanguage: 'Dokumentets språk',
    detect: 'Identifiera automatiskt', insertTerm: 'Infoga term', copy: 'Kopiera',
    serverGaveUp: 'Lingos språkserver har stannat fem gånger på tre minuter och startas inte om. Ladda om fönstret för att försöka igen.',
    serverRestarting: (ms) => `Lingos språkserver stannade; startar om om ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (identifierat)' : ''}, ${n} anmärkning(ar). Klicka för att ange dokumentets språk.`,
    filterPrompt: 'En del av en term, en förkortning eller vad den står för, på vilket språk som helst. Vyn visar träffarna medan du skriver.',
    filterPlaceholder: 'Till exempel: churn, kans, okazja, 流失率',
    filtered: (q, n) => `Filter: ”${q}” – ${n} begrepp. Klicka på × ovan för att visa alla.`,
    noMatch: (q) => `Inget begrepp matchar ”${q}”. Klicka på × ovan för att visa alla.`,
    glossaryUnavailable: (r) => `Ordlistan kunde inte läsas in: ${r}`,
    insertDefinition: 'Infoga definition', findUses: 'Hitta alla förekomster', acronyms: 'Förkortningar', related: 'Närliggande begrepp', usedIn: 'Används i',
    notUsed: 'Inget dokument i arbetsytan använder det ännu.', times: (n) => (n === 1 ? 'en gång' : `${n} gånger`),
    preferred: 'rekommenderad term', admitted: 'accepteras också', deprecated: 'undvik', mistranslation: 'felöversättning – använd inte',
    legend: 'Fetstil: rekommenderad term · vanlig stil: accepteras också · överstruken: undvik · ⚠ felöversättning',
    builtinGlossary: 'Inbyggd ordlista', teamGlossary: 'Teamets ordlista', openTeamEntry: 'Öppna i teamets ordlista',
    noEditor: 'Öppna ett dokument först: texten infogas vid markören.',
    noTermIn: (l) => `Begreppet har ännu ingen term på ${l}.`,
    noUses: (name) => `Inget dokument i arbetsytan använder ”${name}” ännu.`,
    noConceptAt: 'Det finns ingen term från ordlistan vid markören.',
    conceptGone: 'Begreppet finns inte längre i ordlistan.',
    requestFailed: (r) => `Lingo kunde inte svara: ${r}`,
  },
  nl: {
    pickDefinition: 'Kies de term waarvan je de definitie wilt invoegen', pickSearch: 'Zoek in de woordenlijst, in alle talen', pickLanguage: 'Taal van dit document',
    detect: 'Automatisch herkennen', insertTerm: 'Term invoegen', copy: 'Kopiëren',
    serverGaveUp: 'De Lingo-taalserver is binnen drie minuten vijf keer gestopt en wordt niet opnieuw gestart. Laad het venster opnieuw om het nog eens te proberen.',
    serverRestarting: (ms) => `De Lingo-taalserver is gestopt; herstart over ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (herkend)' : ''}, ${n} melding(en). Klik om de taal van het document in te stellen.`,
    filterPrompt: 'Een deel van een term, een afkorting of wat die betekent, in welke taal dan ook. De weergave toont de resultaten terwijl je typt.',
    filterPlaceholder: 'Bijvoorbeeld: churn, kans, okazja, 流失率',
    filtered: (q, n) => `Filter: ‘${q}’ – ${n === 1 ? '1 begrip' : `${n} begrippen`}. Klik hierboven op × om alles weer te tonen.`,
    noMatch: (q) => `Geen enkel begrip past bij ‘${q}’. Klik hierboven op × om alles weer te tonen.`,
    glossaryUnavailable: (r) => `De woordenlijst kon niet worden geladen: ${r}`,
    insertDefinition: 'Definitie invoegen', findUses: 'Alle vindplaatsen zoeken', acronyms: 'Afkortingen', related: 'Verwante begrippen', usedIn: 'Gebruikt in',
    notUsed: 'Nog geen enkel document in deze werkruimte gebruikt het.', times: (n) => `${n} keer`,
    preferred: 'voorkeursterm', admitted: 'ook toegestaan', deprecated: 'vermijden', mistranslation: 'verkeerde vertaling – niet gebruiken',
    legend: 'Vet: voorkeursterm · normaal: ook toegestaan · doorgestreept: vermijden · ⚠ verkeerde vertaling',
    builtinGlossary: 'Ingebouwde woordenlijst', teamGlossary: 'Teamwoordenlijst', openTeamEntry: 'Openen in de teamwoordenlijst',
    noEditor: 'Open eerst een document: de tekst wordt bij de cursor ingevoegd.',
    noTermIn: (l) => `Dit begrip heeft nog geen term in het ${l}.`,
    noUses: (name) => `Nog geen enkel document in deze werkruimte gebruikt ‘${name}’.`,
    noConceptAt: 'Bij de cursor staat geen term uit de woordenlijst.',
    conceptGone: 'Dit begrip staat niet meer in de woordenlijst.',
    requestFailed: (r) => `Lingo kon geen antwoord geven: ${r}`,
  },
  pl: {
    pickDefinition: 'Wybierz termin, którego definicję chcesz wstawić', pickSearch: 'Szukaj w słowniczku we wszystkich językach', pickLanguage: 'Język tego dokumentu',
    detect: 'Wykryj automatycznie', insertTerm: 'Wstaw termin', copy: 'Kopiuj',
    serverGaveUp: 'Serwer językowy Lingo zatrzymał się pięć razy w ciągu trzech minut i nie zostanie ponownie uruchomiony. Załaduj okno ponownie, aby spróbować jeszcze raz.',
    serverRestarting: (ms) => `Serwer językowy Lingo zatrzymał się; ponowne uruchomienie za ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (wykryty)' : ''}, uwagi: ${n}. Kliknij, aby ustawić język dokumentu.`,
    filterPrompt: 'Fragment terminu, skrótu lub jego rozwinięcia, w dowolnym języku. Wyniki pojawiają się w widoku już podczas pisania.',
    filterPlaceholder: 'Na przykład: churn, kans, okazja, 流失率',
    filtered: (q, n) => `Filtr: „${q}” – ${n} ${plPlural(n, 'pojęcie', 'pojęcia', 'pojęć')}. Kliknij × powyżej, aby znów zobaczyć wszystkie.`,
    noMatch: (q) => `Żadne pojęcie nie pasuje do „${q}”. Kliknij × powyżej, aby znów zobaczyć wszystkie.`,
    glossaryUnavailable: (r) => `Nie udało się wczytać słowniczka: ${r}`,
    insertDefinition: 'Wstaw definicję', findUses: 'Znajdź wszystkie wystąpienia', acronyms: 'Skróty', related: 'Pojęcia powiązane', usedIn: 'Występuje w',
    notUsed: 'Żaden dokument w tym obszarze roboczym jeszcze go nie używa.', times: (n) => `${n} ${n === 1 ? 'raz' : 'razy'}`,
    preferred: 'termin zalecany', admitted: 'również dopuszczalny', deprecated: 'unikać', mistranslation: 'błędne tłumaczenie – nie używać',
    legend: 'Pogrubienie: termin zalecany · zwykły tekst: również dopuszczalny · przekreślenie: unikać · ⚠ błędne tłumaczenie',
    builtinGlossary: 'Wbudowany słowniczek', teamGlossary: 'Słowniczek zespołu', openTeamEntry: 'Otwórz w słowniczku zespołu',
    noEditor: 'Najpierw otwórz dokument: tekst zostanie wstawiony w miejscu kursora.',
    noTermIn: (l) => `To pojęcie nie ma jeszcze terminu w tym języku (${l}).`,
    noUses: (name) => `Żaden dokument w tym obszarze roboczym nie używa jeszcze pojęcia „${name}”.`,
    noConceptAt: 'W miejscu kursora nie ma terminu ze słowniczka.',
    conceptGone: 'Tego pojęcia nie ma już w słowniczku.',
    requestFailed: (r) => `Lingo nie może odpowiedzieć: ${r}`,
  },
  'zh-Hant': {
    pickDefinition: '選擇要插入定義的術語', pickSearch: '以所有語言搜尋詞彙表', pickLanguage: '此文件的語言',
    detect: '自動偵測', insertTerm: '插入術語', copy: '複製',
    serverGaveUp: 'Lingo 語言伺服器在三分鐘內停止了五次，將不再重新啟動。請重新載入視窗後再試一次。',
    serverRestarting: (ms) => `Lingo 語言伺服器已停止，將於 ${ms} 毫秒後重新啟動。`,
    statusTooltip: (lang, d, n) => `Lingo：${lang}${d ? '（自動偵測）' : ''}，${n} 項提示。按一下可設定文件語言。`,
    filterPrompt: '輸入術語、縮寫或其全稱的一部分，任何語言皆可。檢視會隨著輸入即時顯示符合的項目。',
    filterPlaceholder: '例如：churn、kans、okazja、流失率',
    filtered: (q, n) => `篩選：「${q}」，共 ${n} 個概念。按一下上方的 × 即可顯示全部。`,
    noMatch: (q) => `沒有符合「${q}」的概念。按一下上方的 × 即可顯示全部。`,
    glossaryUnavailable: (r) => `無法載入詞彙表：${r}`,
    insertDefinition: '插入定義', findUses: '尋找所有出現位置', acronyms: '縮寫', related: '相關概念', usedIn: '出現於',
    notUsed: '此工作區中還沒有文件使用這個概念。', times: (n) => `${n} 次`,
    preferred: '建議用語', admitted: '亦可使用', deprecated: '避免使用', mistranslation: '誤譯，請勿使用',
    legend: '粗體：建議用語 · 一般字體：亦可使用 · 刪除線：避免使用 · ⚠ 誤譯',
    builtinGlossary: '內建詞彙表', teamGlossary: '團隊詞彙表', openTeamEntry: '在團隊詞彙表中開啟',
    noEditor: '請先開啟文件，文字會插入到游標所在的位置。',
    noTermIn: (l) => `這個概念還沒有${l}用語。`,
    noUses: (name) => `此工作區中還沒有文件使用「${name}」。`,
    noConceptAt: '游標所在的位置沒有詞彙表中的術語。',
    conceptGone: '詞彙表中已經沒有這個概念了。',
    requestFailed: (r) => `Lingo 無法回應：${r}`,
  },
};

export const ui = (lang: Lang): Ui => UI[lang];
