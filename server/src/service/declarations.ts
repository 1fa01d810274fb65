/**
 * Every rule and every setting, declared once. The rules list (settings, findings, the CLI's --fix, SARIF), the
 * settings' defaults and how a value is read (settings.ts), and the extension manifest's
 * `contributes.configuration` (`npm run manifest`, checked by test/glossary/manifest.test.ts) all come from here.
 * The settings' descriptions stay in package.nls*.json, where VS Code localises a manifest; a setting names its
 * description key, `lingo.<key>`.
 */
import type { Lang } from './types';
import { LANGS } from './types';

/** How much a rule's findings matter, or that it is off. */
export const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** What a person reads about a rule, in one language. */
export interface RuleText {
  /** Its name, as a quick fix names it ("Disable the “Deprecated term” check for this line"). */
  title: string;
  /** SARIF shortDescription: one sentence. */
  short: string;
  /** SARIF fullDescription: what it checks and what it suggests. */
  full: string;
}

export interface RuleDeclaration {
  id: string;
  /** Its level when `lingo.rules` does not name it. */
  severity: Exclude<RuleLevel, 'off'>;
  /** Findings on one range are listed in this order (lower first): an acronym's before a replacement's before an inconsistency's. */
  rank: number;
  /**
   * `lingo check --fix` applies its preferred fix: it replaces a term the glossary rejects or spells an acronym
   * out. Never for an inconsistency: which of two names wins is the writer's choice; nor for a fix that would write a
   * term of another language because the glossary has none to use in the text's own (`Fix.otherLanguage`, autoFixOf).
   */
  autoFix: boolean;
  /** Its name and SARIF descriptions in each language (SARIF: the driver in English, the others as translations). */
  text: Readonly<Record<Lang, RuleText>>;
}

export const RULE_DECLARATIONS = [
  {
    id: 'acronym-undefined',
    severity: 'information',
    rank: 0,
    autoFix: true,
    text: {
      en: {
        title: 'Acronym not spelled out',
        short: 'An acronym is used before it is spelled out.',
        full: 'The first use of an acronym in a document should be written with its expansion, e.g. "marketing qualified lead (MQL)".',
      },
      sv: {
        title: 'Förkortning inte utskriven',
        short: 'En förkortning används innan den har skrivits ut.',
        full: 'Första gången en förkortning används i ett dokument bör den skrivas tillsammans med sin förklaring, till exempel ”marknadskvalificerat lead (MQL)”.',
      },
      nl: {
        title: 'Afkorting niet uitgeschreven',
        short: 'Een afkorting wordt gebruikt voordat ze is uitgeschreven.',
        full: 'De eerste keer dat een afkorting in een document staat, hoort ze voluit geschreven te worden, bijvoorbeeld ‘marketing qualified lead (MQL)’.',
      },
      pl: {
        title: 'Nierozwinięty skrót',
        short: 'Skrót pojawia się, zanim zostanie rozwinięty.',
        full: 'Przy pierwszym użyciu w dokumencie skrót należy podać razem z rozwinięciem, np. „kwalifikowany lead marketingowy (MQL)”.',
      },
      'zh-Hant': {
        title: '縮寫未寫出全稱',
        short: '縮寫在寫出全稱之前就已使用。',
        full: '文件中第一次使用縮寫時，應同時寫出全稱，例如「行銷合格潛在客戶（MQL）」。',
      },
    },
  },
  {
    id: 'inconsistent-term',
    severity: 'warning',
    rank: 2,
    autoFix: false,
    text: {
      en: {
        title: 'Inconsistent term',
        short: 'One concept is named with different terms in the same document.',
        full: 'A document should name each concept with one term; the best-ranked term used in the document is suggested.',
      },
      sv: {
        title: 'Inkonsekvent term',
        short: 'Samma begrepp benämns med olika termer i samma dokument.',
        full: 'Ett dokument bör använda en enda term för varje begrepp; av termerna i dokumentet föreslås den som ordlistan rangordnar högst.',
      },
      nl: {
        title: 'Inconsistente term',
        short: 'Eén begrip wordt in hetzelfde document met verschillende termen benoemd.',
        full: 'Een document hoort elk begrip met één term te benoemen; van de termen in het document wordt de term voorgesteld die in de woordenlijst de voorkeur heeft.',
      },
      pl: {
        title: 'Niespójny termin',
        short: 'To samo pojęcie jest w jednym dokumencie nazywane różnymi terminami.',
        full: 'Dokument powinien nazywać każde pojęcie jednym terminem; proponowany jest ten z użytych w dokumencie terminów, który słowniczek stawia najwyżej.',
      },
      'zh-Hant': {
        title: '用語不一致',
        short: '同一份文件以不同用語指稱同一概念。',
        full: '一份文件中的每個概念應只用一個用語；建議改用文件中已出現、且在詞彙表中排序最優先的用語。',
      },
    },
  },
  {
    id: 'inconsistent-across-files',
    severity: 'information',
    rank: 3,
    autoFix: false,
    text: {
      en: {
        title: 'Inconsistent term across files',
        short: 'One concept is named differently in different files of a folder or workspace.',
        full: 'Files of one folder or workspace should name each concept with one term; the best-ranked term used elsewhere is suggested.',
      },
      sv: {
        title: 'Inkonsekvent term mellan filer',
        short: 'Samma begrepp benämns olika i olika filer i en mapp eller arbetsyta.',
        full: 'Filerna i en mapp eller arbetsyta bör använda en enda term för varje begrepp; av termerna i de andra filerna föreslås den som ordlistan rangordnar högst.',
      },
      nl: {
        title: 'Inconsistente term tussen bestanden',
        short: 'Eén begrip heeft in verschillende bestanden van een map of werkruimte een andere naam.',
        full: 'De bestanden van een map of werkruimte horen elk begrip met één term te benoemen; van de termen in de andere bestanden wordt de term voorgesteld die in de woordenlijst de voorkeur heeft.',
      },
      pl: {
        title: 'Niespójny termin w różnych plikach',
        short: 'To samo pojęcie ma różne nazwy w różnych plikach folderu lub obszaru roboczego.',
        full: 'Pliki jednego folderu lub obszaru roboczego powinny nazywać każde pojęcie jednym terminem; proponowany jest ten z terminów użytych w innych plikach, który słowniczek stawia najwyżej.',
      },
      'zh-Hant': {
        title: '跨檔案用語不一致',
        short: '同一資料夾或工作區的不同檔案以不同用語指稱同一概念。',
        full: '同一資料夾或工作區內的檔案，每個概念應只用一個用語；建議改用其他檔案中已出現、且在詞彙表中排序最優先的用語。',
      },
    },
  },
  {
    id: 'deprecated-term',
    severity: 'warning',
    rank: 1,
    autoFix: true,
    text: {
      en: {
        title: 'Deprecated term',
        short: 'A term the glossary marks as deprecated.',
        full: 'The glossary marks this term as deprecated; the replacement it names is suggested.',
      },
      sv: {
        title: 'Avrådd term',
        short: 'En term som ordlistan anger som avrådd.',
        full: 'Ordlistan anger termen som avrådd; den ersättning som ordlistan anger föreslås.',
      },
      nl: {
        title: 'Afgeraden term',
        short: 'Een term die de woordenlijst afraadt.',
        full: 'De woordenlijst raadt deze term af; de vervanging die ze noemt, wordt voorgesteld.',
      },
      pl: {
        title: 'Termin niezalecany',
        short: 'Termin, który słowniczek oznacza jako niezalecany.',
        full: 'Słowniczek oznacza ten termin jako niezalecany; proponowany jest wskazany w nim zamiennik.',
      },
      'zh-Hant': {
        title: '不建議用語',
        short: '詞彙表標示為不建議使用的用語。',
        full: '詞彙表將此用語標示為不建議使用；建議改用詞彙表指定的替代用語。',
      },
    },
  },
  {
    id: 'mistranslation',
    severity: 'warning',
    rank: 1,
    autoFix: true,
    text: {
      en: {
        title: 'Mistranslation',
        short: 'A known wrong (often machine) translation of a term.',
        full: 'The glossary lists this text as a mistranslation of a concept; the correct term is suggested.',
      },
      sv: {
        title: 'Felöversättning',
        short: 'En känd felaktig (ofta maskinell) översättning av en term.',
        full: 'Ordlistan anger texten som en felöversättning av ett begrepp; rätt term föreslås.',
      },
      nl: {
        title: 'Onjuiste vertaling',
        short: 'Een bekende onjuiste (vaak machinale) vertaling van een term.',
        full: 'De woordenlijst vermeldt deze tekst als onjuiste vertaling van een begrip; de juiste term wordt voorgesteld.',
      },
      pl: {
        title: 'Błędne tłumaczenie',
        short: 'Znane błędne (często maszynowe) tłumaczenie terminu.',
        full: 'Słowniczek podaje ten tekst jako błędne tłumaczenie pojęcia; proponowany jest poprawny termin.',
      },
      'zh-Hant': {
        title: '誤譯',
        short: '已知的錯誤翻譯（常見於機器翻譯）。',
        full: '詞彙表將此文字列為某個概念的誤譯；建議改用正確的用語。',
      },
    },
  },
] as const satisfies readonly RuleDeclaration[];

export type RuleId = (typeof RULE_DECLARATIONS)[number]['id'];
export const RULES: readonly RuleId[] = RULE_DECLARATIONS.map((r) => r.id);
const RULE_BY_ID = new Map<string, RuleDeclaration>(RULE_DECLARATIONS.map((r) => [r.id, r]));
/** A rule's declaration (undefined for an unknown id). */
export const ruleDeclaration = (id: string): RuleDeclaration | undefined => RULE_BY_ID.get(id);

/** Where RULES.md documents a rule: its section `## <id>`, whose anchor is the id. */
export const ruleAnchor = (id: RuleId): string => id;

/** The SARIF name of a rule: its id in PascalCase (acronym-undefined → AcronymUndefined). */
export const sarifRuleName = (id: RuleId): string => id.replace(/(^|-)([a-z])/g, (_, _dash, c: string) => c.toUpperCase());

// ---- settings --------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };
/** A JSON schema, as VS Code reads one in `contributes.configuration` (the subset settings use). */
export type SettingSchema = { readonly [k: string]: Json };

export interface SettingDeclaration<T> {
  /** The value's JSON schema (type, enum, items, properties, minimum …); `read` in settings.ts follows it. */
  schema: SettingSchema;
  default: T;
  /** Where VS Code lets it be set: per folder and file (resource) or per window. */
  scope: 'resource' | 'window';
  /** What the setting is for (for the code; users read `lingo.<key>` in package.nls*.json). */
  about: string;
  /** Each value of the enum is described too: `lingo.<key>.<value>` in package.nls*.json. */
  describeValues?: boolean;
}

/** A setting's declaration; its scope is 'resource' (per folder and file) unless it says 'window'. */
const setting = <T>(d: Omit<SettingDeclaration<T>, 'scope'> & { scope?: 'window' }): SettingDeclaration<T> => ({ ...d, scope: d.scope ?? 'resource' });
/** The schema of a string that is one of `values`. */
const oneOf = (...values: string[]): SettingSchema => ({ type: 'string', enum: values });
const langEnum = oneOf(...LANGS);

/** The settings, in the order the manifest lists them. Each is `lingo.<key>` in an editor's settings. */
export const SETTING_DECLARATIONS = {
  language: setting<Lang | 'auto'>({
    about: "'auto' detects each document's language.",
    schema: oneOf('auto', ...LANGS),
    default: 'auto',
  }),
  preferredLanguage: setting<Lang>({
    about: 'Language used where detection is unsure.',
    schema: langEnum,
    default: 'en',
  }),
  languages: setting<Lang[]>({
    about: 'Languages whose terms are looked for.',
    schema: { type: 'array', items: langEnum, minItems: 1, uniqueItems: true },
    default: [...LANGS],
  }),
  fileLanguages: setting<Record<string, Lang>>({
    about: 'Per-file language, by glob relative to the workspace or by file name: { "docs/*.sla.md": "nl" }.',
    schema: { type: 'object', additionalProperties: langEnum },
    default: {},
  }),
  rules: setting<Record<RuleId, RuleLevel>>({
    about: 'The level of each rule; a rule not named has its declared level.',
    schema: {
      type: 'object',
      properties: Object.fromEntries(RULE_DECLARATIONS.map((r) => [r.id, { type: 'string', enum: [...RULE_LEVELS], default: r.severity }])),
      additionalProperties: false,
    },
    default: Object.fromEntries(RULE_DECLARATIONS.map((r) => [r.id, r.severity])) as Record<RuleId, RuleLevel>,
  }),
  ignoreWords: setting<string[]>({
    about: 'Words and phrases never reported, in any case.',
    schema: { type: 'array', items: { type: 'string' } },
    default: [],
  }),
  maxFileSizeMB: setting<number>({
    about: 'Larger documents are not checked.',
    schema: { type: 'number', minimum: 0.1 },
    default: 5,
  }),
  builtinGlossary: setting<boolean>({
    about: 'Whether the built-in glossary is used (read by the server and the CLI, which compose the glossary).',
    schema: { type: 'boolean' },
    default: true,
    scope: 'window',
  }),
  glossaries: setting<string[]>({
    about: 'Company termbases (TBX, CSV, JSON or YAML), merged in this order over the built-in glossary, with the workspace\'s lingo.glossary.* last. A relative path is relative to the workspace folder; ~ is the home folder. Not read in an untrusted workspace.',
    schema: { type: 'array', items: { type: 'string' } },
    default: [],
  }),
  consistencyScope: setting<'document' | 'folder' | 'workspace'>({
    about: 'Where one concept must have one name: within each document, each folder, or the whole workspace.',
    schema: oneOf('document', 'folder', 'workspace'),
    default: 'document',
    scope: 'window',
  }),
  maxProblems: setting<number>({
    about: 'At most this many problems are shown per document, the last of them a notice of how many more there are (VS Code itself shows at most 1,000 per file). 0: no limit.',
    schema: { type: 'integer', minimum: 0 },
    default: 1000,
  }),
  semanticHighlighting: setting<'all' | 'playbooks' | 'off'>({
    about: "Where terms are coloured by semantic tokens: in every document ('all'), in sales playbooks (lingo-playbook) and plain text but not in other Markdown, whose own colours come first ('playbooks'), or nowhere ('off').",
    schema: oneOf('all', 'playbooks', 'off'),
    default: 'playbooks',
    describeValues: true,
  }),
};

export type SettingKey = keyof typeof SETTING_DECLARATIONS;
export const SETTING_KEYS = Object.keys(SETTING_DECLARATIONS) as SettingKey[];
/** What a user can configure: each setting's value. */
export type Settings = { -readonly [K in SettingKey]: (typeof SETTING_DECLARATIONS)[K]['default'] };

/** The key of a setting's description in package.nls*.json. */
export const settingDescriptionKey = (key: SettingKey): string => `lingo.${key}`;

/**
 * The manifest's `contributes.configuration`, as `npm run manifest` writes it into package.json: per setting its
 * schema, default, description (a %key% VS Code replaces from package.nls*.json) and scope, in that order.
 */
export function manifestConfiguration(): { title: string; properties: Record<string, Json> } {
  const properties: Record<string, Json> = {};
  for (const key of SETTING_KEYS) {
    const d: SettingDeclaration<unknown> = SETTING_DECLARATIONS[key];
    const values: Record<string, Json> = d.describeValues && 'enum' in d.schema ? { enumDescriptions: (d.schema.enum as string[]).map((v) => `%${settingDescriptionKey(key)}.${v}%`) } : {};
    properties[`lingo.${key}`] = { ...d.schema, ...values, default: d.default as Json, description: `%${settingDescriptionKey(key)}%`, scope: d.scope };
  }
  return { title: 'Lingo', properties };
}
