/**
 * The function words of each language (articles, pronouns, prepositions, conjunctions, the commonest verbs): never
 * jargon of another language in a document of that language. English terms are found in every language's documents,
 * because teams write English jargon everywhere; an English term written as one of these words ("pod", the Polish
 * "under") would otherwise be found in every sentence. Folded (lower case). Not the lists of detect.ts, which are
 * signals chosen to tell the languages apart (some are not small words at all).
 */
import type { Lang } from './types';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const FUNCTION_WORDS: Partial<Record<Lang, ReadonlySet<string>>> = {
  sv: words(`
    och i på av för med som till om men det den de en ett att är var varit har hade kan ska skulle kunde inte så
    från vid under över efter före mot utan genom hos när där här hit dit man vi ni du jag han hon hen sin sitt
    sina eller också bara nu då ut upp in mellan än ju nog alla allt inga ingen något några denna detta dessa vår
    vårt våra er ert era deras dess vem vad vilken vilket vilka hur varför
  `),
  nl: words(`
    de het een en of maar dat die dit deze van in op aan met voor door over naar bij uit om tot als dan niet wel ook
    nog al is zijn was waren er te zo hoe wat wie waar want toch na onder tegen sinds zonder per via binnen buiten
    hun ons onze je jij jou jouw we wij ze zij hij men mijn uw u kan kun kunnen wordt worden werd heeft hebben had
    geen iets niets elk elke alle veel meer
  `),
  pl: words(`
    a aby ale bo by być co czy dla do gdy i ich jak jako je jego jej jest już lub ma mi na nad nie o od oraz po pod
    przed przez przy się są ta tak te to tu tym u w we z za ze że żeby który która które ten tej tego tylko też bez
    między według wobec około dzięki poza ku są był była było były będzie może można jeśli jeżeli gdzie kiedy
    tam tutaj wszystko wszyscy każdy każda każde jaki jaka jakie
  `),
  en: words(`
    a an the and or but of in on at to for with by from as is are was were be been it its this that these those
    not no so if then than we you they he she our your their my his her
  `),
};

/** Is the folded `text` a function word of `lang`? */
export const isFunctionWord = (lang: Lang, text: string): boolean => FUNCTION_WORDS[lang]?.has(text) ?? false;
