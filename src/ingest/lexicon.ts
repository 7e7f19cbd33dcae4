/** Word lists the claim and speaker stages share. Lower-case unless noted. */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Reporting verbs: form -> lemma. */
export const VERB_FORMS = new Map<string, string>();
const LEMMAS: Record<string, string> = {
  say: 'say says said saying',
  tell: 'tell tells told telling',
  add: 'adds added adding',
  claim: 'claim claims claimed claiming',
  warn: 'warn warns warned warning',
  announce: 'announce announces announced announcing',
  state: 'states stated',
  insist: 'insist insists insisted insisting',
  deny: 'deny denies denied denying',
  note: 'notes noted noting',
  report: 'report reports reported',
  confirm: 'confirm confirms confirmed confirming',
  allege: 'allege alleges alleged alleging',
  explain: 'explains explained',
  argue: 'argue argues argued arguing',
  declare: 'declare declares declared',
  reveal: 'reveals revealed',
  assert: 'asserts asserted',
  acknowledge: 'acknowledges acknowledged',
  admit: 'admits admitted',
  predict: 'predict predicts predicted',
  forecast: 'forecast forecasts forecasted',
  urge: 'urges urged urging',
  reject: 'rejects rejected',
  dismiss: 'dismisses dismissed',
  accuse: 'accuses accused',
  call: 'called calls',
  write: 'writes wrote',
  tweet: 'tweets tweeted',
  post: 'posted',
  request: 'requested',
  quote: 'quoted',
  // Only with a warning as object (see WARNING_NOUNS): "put a hurricane watch in place".
  issue: 'issue issues issued',
  put: 'put puts',
  cite: 'citing cited',
  think: 'think thinks',
  believe: 'believe believes',
  brush: 'brushed brushes',
  according: 'according',
};
for (const [lemma, forms] of Object.entries(LEMMAS))
  for (const f of forms.split(' ')) VERB_FORMS.set(f, lemma);

/** Forms that are often nouns ("amid claims", "three states"): need a clear clause around them. */
export const AMBIGUOUS_FORMS = set(
  'claim claims report reports states notes forecast forecasts calls think believe',
);
/** Verbs of belief/prediction: only top-level, never nested inside another report. */
export const COGNITION = set('think believe predict forecast');
/** Verbs that can stand before their speaker: "…, said X" / "…, warns X". */
export const INVERTIBLE = set(
  'say add claim warn insist note explain argue write tweet report confirm state',
);
/** Lemmas that need a particle: "called on/for", "brushed aside". */
export const PARTICLE: Record<string, string[]> = { call: ['on', 'for', 'it'], brush: ['aside', 'off'] };

export const BE = set('is are was were be been being');
export const AUX = set(
  'has have had also further later earlier then again previously repeatedly would will did does do reportedly once since separately',
);
export const PRONOUNS = set('he she him her it they them we i');
export const DETERMINERS = set('the a an one those these this that some several his her its their');
export const STOP = set(
  'the a an of to in on at by for from with and or but as that which who whom whose what when where while if than then this these those there here is are was were be been has have had will would could should may might must can do does did not no its his her their our my your it he she they we i',
);
export const VERBISH = set(
  'is are was were be been has have had will would could should may might must can do does did not left took stood came went made began',
);
export const SUBORDINATORS = set(
  'after before when while as if since because although though once until unless whereas',
);
export const PREPOSITIONS = set(
  'in on at by for from with during following after before since amid among under over into across near',
);
export const TIME_WORDS = set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tonight morning evening night week month year weekend',
);

/** Capitalised title words stripped in front of a person's name. */
export const TITLE_WORDS = set(
  'president vice prime minister foreign defence defense interior health energy finance economy chief executive governor mayor lieutenant colonel general brigadier-general major captain sergeant admiral commander secretary senator sen. rep. representative gov. dr dr. mr mr. mrs mrs. ms ms. prof prof. professor judge justice ambassador director chairman chairwoman chair spokesman spokeswoman head deputy police coach officer manager ceo king queen prince pope sheikh speaker leader lt. col. gen. maj. capt. sgt. adm. brig. minister-president premier chancellor attorney mission nurse inspector superintendent constable bishop',
);
/** Title abbreviations headlines use. */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  FM: 'Foreign Minister',
  PM: 'Prime Minister',
  DM: 'Defence Minister',
  VP: 'Vice President',
};

export const ANONYMOUS_HEADS = set(
  'source sources official officials spokesman spokeswoman spokesperson witness observer commander diplomat diplomats aide aides analyst analysts expert experts scientist scientists forecaster forecasters reporter person man woman officer officers insider insiders employee employees member members investigator investigators doctor doctors leader coach',
);
export const GROUP_HEADS = set(
  'civilians residents fighters rebels militants protesters villagers people workers families voters opposition activists demonstrators students farmers refugees others critics supporters',
);
export const GOVERNMENT_WORDS = set(
  'ministry department police agency commission government authorities administration pentagon kremlin cabinet council court survey parliament congress senate prosecutors prosecutor office regulator minister president governor mayor',
);
export const MILITARY_WORDS = set('army military forces navy troops coalition command marines militia');
export const MEDIA_NAMES = set(
  'reuters afp ap bloomberg xinhua tass interfax ria cnn bbc cbs nbc abc isna irna fars tasnim yonhap kyodo nhk efe ansa dpa pti ani anadolu sana wafa kuna wam spa mena',
);
export const MEDIA_WORDS = set(
  'news tv television radio newspaper press channel agency times post journal website',
);
export const ORG_WORDS = set(
  'exchange group bank inc inc. corp corp. company co. ltd association institute university crescent cross party alliance committee organization organisation foundation fund union league club fc holdings motors airlines center centre network partners capital',
);
/** Nouns a definite description uses for a company ("the BlackBerry maker"). */
export const COMPANY_NOUNS = set(
  'company firm maker manufacturer group bank carrier retailer producer insurer lender operator developer giant',
);
/** "his website said": a channel of the possessor, not another source. */
export const CHANNEL_NOUNS = set('website statement account page blog feed release office');

/** Objects that make "issue"/"put" an official statement: "issued a flood warning". */
export const WARNING_NOUNS = set('watch watches warning warnings alert alerts advisory advisories');
