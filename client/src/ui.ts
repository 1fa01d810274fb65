/** The client's own words (quick picks, status bar), in the editor's display language. */
export type Lang = 'en' | 'sv' | 'nl' | 'pl' | 'zh-Hant';
export const LANG_CODES: Lang[] = ['en', 'sv', 'nl', 'pl', 'zh-Hant'];

export function uiLang(vscodeLanguage: string): Lang {
  const l = vscodeLanguage.toLowerCase();
  if (l.startsWith('zh')) return 'zh-Hant';
  for (const c of ['sv', 'nl', 'pl'] as Lang[]) if (l.startsWith(c)) return c;
  return 'en';
}

interface Ui {
  pickDefinition: string; pickSearch: string; pickLanguage: string; detect: string; insertTerm: string; copy: string;
  serverGaveUp: string; serverRestarting(ms: number): string; statusTooltip(lang: string, detected: boolean, n: number): string;
}

const UI: Record<Lang, Ui> = {
  en: {
    pickDefinition: 'Choose the term whose definition to insert', pickSearch: 'Search the glossary in every language', pickLanguage: 'Language of this document',
    detect: 'Detect automatically', insertTerm: 'Insert term', copy: 'Copy',
    serverGaveUp: 'The Lingo language server stopped five times in three minutes and will not be restarted. Reload the window to try again.',
    serverRestarting: (ms) => `The Lingo language server stopped; restarting in ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (detected)' : ''}, ${n} finding(s). Click to set the document language.`,
  },
  sv: {
    pickDefinition: 'Välj termen vars definition ska infogas', pickSearch: 'Sök i ordlistan på alla språk', pickLanguage: 'Dokumentets språk',
    detect: 'Identifiera automatiskt', insertTerm: 'Infoga term', copy: 'Kopiera',
    serverGaveUp: 'Lingos språkserver har stannat fem gånger på tre minuter och startas inte om. Ladda om fönstret för att försöka igen.',
    serverRestarting: (ms) => `Lingos språkserver stannade; startar om om ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (identifierat)' : ''}, ${n} anmärkning(ar). Klicka för att ange dokumentets språk.`,
  },
  nl: {
    pickDefinition: 'Kies de term waarvan je de definitie wilt invoegen', pickSearch: 'Zoek in de woordenlijst, in alle talen', pickLanguage: 'Taal van dit document',
    detect: 'Automatisch herkennen', insertTerm: 'Term invoegen', copy: 'Kopiëren',
    serverGaveUp: 'De Lingo-taalserver is binnen drie minuten vijf keer gestopt en wordt niet opnieuw gestart. Laad het venster opnieuw om het nog eens te proberen.',
    serverRestarting: (ms) => `De Lingo-taalserver is gestopt; herstart over ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (herkend)' : ''}, ${n} melding(en). Klik om de taal van het document in te stellen.`,
  },
  pl: {
    pickDefinition: 'Wybierz termin, którego definicję chcesz wstawić', pickSearch: 'Szukaj w słowniczku we wszystkich językach', pickLanguage: 'Język tego dokumentu',
    detect: 'Wykryj automatycznie', insertTerm: 'Wstaw termin', copy: 'Kopiuj',
    serverGaveUp: 'Serwer językowy Lingo zatrzymał się pięć razy w ciągu trzech minut i nie zostanie ponownie uruchomiony. Załaduj okno ponownie, aby spróbować jeszcze raz.',
    serverRestarting: (ms) => `Serwer językowy Lingo zatrzymał się; ponowne uruchomienie za ${ms} ms.`,
    statusTooltip: (lang, d, n) => `Lingo: ${lang}${d ? ' (wykryty)' : ''}, uwagi: ${n}. Kliknij, aby ustawić język dokumentu.`,
  },
  'zh-Hant': {
    pickDefinition: '選擇要插入定義的術語', pickSearch: '以所有語言搜尋詞彙表', pickLanguage: '此文件的語言',
    detect: '自動偵測', insertTerm: '插入術語', copy: '複製',
    serverGaveUp: 'Lingo 語言伺服器在三分鐘內停止了五次，將不再重新啟動。請重新載入視窗後再試一次。',
    serverRestarting: (ms) => `Lingo 語言伺服器已停止，將於 ${ms} 毫秒後重新啟動。`,
    statusTooltip: (lang, d, n) => `Lingo：${lang}${d ? '（自動偵測）' : ''}，${n} 項提示。按一下可設定文件語言。`,
  },
};

export const ui = (lang: Lang): Ui => UI[lang];
