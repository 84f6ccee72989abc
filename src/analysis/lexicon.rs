//! Word lists that drive analysis. Every list here is general English or general
//! news/human-rights vocabulary; none is keyed to a particular claim.
//!
//! Lists are written as plain words. They are stemmed once (see `Lexicon::get`) with the
//! same stemmer that analyses text, so "prosecutes", "prosecuted" and "prosecution" all
//! hit the one entry "prosecute".

/// Function words that carry no retrieval signal. Deliberately absent: negations
/// ("no", "not", "never", "without", "nor"), quantifiers ("all", "every", "none", "more",
/// "fewer") and numbers — they decide stance and are handled as cues instead.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "as", "at", "by", "for",
    "from", "in", "into", "of", "off", "on", "onto", "out", "over", "to", "up", "with", "within",
    "about", "after", "before", "during", "since", "until", "upon", "via", "per", "through",
    "be", "is", "am", "are", "was", "were", "been", "being", "do", "does", "did", "doing",
    "have", "has", "had", "having", "will", "would", "shall", "can", "could", "may", "might",
    "it", "its", "itself", "this", "that", "these", "those", "there", "here", "which", "who",
    "whom", "whose", "what", "when", "where", "why", "how", "i", "me", "my", "we", "us", "our",
    "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "theirs", "one's",
    "also", "just", "very", "too", "such", "own", "each", "both", "either", "ever", "again",
    "further", "once", "only", "even", "still", "yet", "already", "however", "though",
    "although", "while", "whether", "because", "said", "say", "says", "saying", "told", "tell",
    "added", "according", "stated", "insisted", "noted", "cited", "reported", "suggests",
    "suggested", "mr", "ms", "mrs", "dr", "s", "t", "anyone", "anybody", "someone", "something",
    "thing", "things", "well", "much", "many", "other", "others", "another", "some", "any",
    "seen", "seem", "seems", "made", "make", "makes", "get", "got", "take", "took", "taken",
    "including", "include", "includes", "among", "last", "first", "new", "recent", "recently",
    "put", "go", "went", "gone", "come", "came",
    // measure words that only restate an amount ("61 pages long", "two years ago")
    "long", "wide", "tall", "deep", "old", "ago",
    // "anti-torture committee" names what the committee is against; it negates nothing
    "anti",
];

/// Synonym groups: every word of a group maps to the group's first word, so a claim
/// saying "freed" meets a statement saying "released".
pub const SYNONYMS: &[&[&str]] = &[
    &["photo", "photograph", "photographs", "picture", "pictures", "image", "images", "snapshot"],
    &["release", "released", "freed", "liberate", "liberated", "pardon", "pardoned"],
    &["detain", "detained", "detainee", "detainees", "detention", "arrest", "arrested", "arrests", "apprehend", "apprehended"],
    &["imprison", "imprisoned", "imprisonment", "jail", "jailed", "incarcerate", "incarcerated", "incarceration", "custody", "lock", "locking", "locked"],
    &["prisoner", "prisoners", "inmate", "inmates"],
    &["torture", "tortured", "torturer", "torturers", "torturing", "torment"],
    &["abuse", "abuses", "abused", "illtreatment", "mistreatment", "mistreat", "mistreated", "maltreatment", "brutality", "beating", "beatings", "beat", "beaten"],
    &["confession", "confessions", "confess", "confessed"],
    &["obtain", "extract", "extracted", "elicit", "secure"],
    &["force", "forced", "coerce", "coerced", "coercion", "compel", "compelled"],
    &["prosecute", "prosecuted", "prosecution", "prosecutions", "indict", "indicted", "indictment", "convict", "convicted"],
    &["punish", "punished", "punishment", "sanction", "sanctioned", "discipline", "disciplined", "penalize", "penalized", "accountable", "accountability"],
    &["examine", "examined", "review", "reviewed", "scrutinize", "scrutinized", "scrutinise", "scrutinised", "assess", "assessed", "assessment", "evaluate", "evaluated"],
    &["election", "elections", "vote", "votes", "voting", "poll", "polls", "ballot"],
    &["fraud", "fraudulent", "rigged", "rigging", "falsified", "falsification", "stolen"],
    &["honest", "clean", "fair", "legitimate", "credible", "transparent", "genuine"],
    &["win", "won", "winning", "victory", "victorious", "winner"],
    &["allegation", "allegations", "allege", "alleged", "accusation", "accusations", "accuse", "accused", "claim", "claims", "complaint", "complaints"],
    &["false", "lie", "lies", "falsehood", "falsehoods", "fabricated", "fabrication", "untrue", "baseless", "unfounded", "groundless", "fake", "myth", "slander", "propaganda"],
    &["bias", "biased", "partial", "prejudiced", "onesided"],
    &["foreign", "international", "external", "western"],
    &["group", "groups", "organization", "organizations", "organisation", "organisations", "ngo", "ngos", "watchdog", "watchdogs"],
    &["defender", "defenders", "activist", "activists", "advocate", "advocates", "campaigner", "campaigners"],
    &["journalist", "journalists", "reporter", "reporters"],
    &["lawyer", "lawyers", "attorney", "attorneys", "counsel"],
    &["disbar", "disbarred", "disbarment"],
    &["court", "courts", "tribunal", "judiciary", "judicial"],
    &["appeal", "appealed", "appeals", "petition", "petitioned"],
    &["kill", "killed", "killing", "dead", "death", "deaths", "die", "died", "murder", "murdered"],
    &["injure", "injured", "injuring", "injury", "injuries", "wound", "wounded", "hurt"],
    &["protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators", "protest", "protests", "demonstration", "demonstrations", "rally", "rallies"],
    &["police", "policeman", "policemen", "policemen", "cop", "cops"],
    &["government", "governments", "authorities", "authority", "official", "officials", "regime", "administration"],
    &["president", "presidency", "presidential"],
    &["parliament", "parliamentary", "parliamentarian", "parliamentarians", "legislature", "lawmaker", "lawmakers", "mp", "mps"],
    &["dominance", "dominant", "dominate", "dominated", "powerful", "strong", "supremacy", "control", "controls", "controlled"],
    &["weak", "weakened", "feeble", "powerless", "limited", "muted", "timid"],
    &["corruption", "corrupt", "graft", "bribery", "bribe", "bribes", "kleptocracy"],
    &["retaliation", "retaliate", "retaliated", "reprisal", "reprisals", "revenge", "reprisal"],
    &["crackdown", "repression", "repress", "repressed", "suppress", "suppressed", "suppression", "persecution", "persecute", "persecuted", "silence", "silencing", "stifle", "harass", "harassment", "harassed"],
    &["freely", "unhindered", "unimpeded"],
    &["cooperate", "cooperated", "cooperation", "cooperative", "collaborate", "collaborated", "assist", "assisted", "facilitate", "facilitated"],
    &["obstruct", "obstructed", "obstruction", "hinder", "hindered", "impede", "impeded", "block", "blocked", "bar", "barred"],
    &["visit", "visited", "visiting", "travel", "travelled", "traveled", "enter", "entered", "entry", "access"],
    &["continue", "continued", "continues", "continuing", "persist", "persisted", "persists", "ongoing", "remain", "remained", "remains"],
    &["end", "ended", "stop", "stopped", "cease", "ceased", "halt", "halted", "eliminate", "eliminated", "eradicate", "eradicated", "abolish", "abolished"],
    &["widespread", "typical", "common", "systematic", "systemic", "routine", "frequent", "pervasive", "rampant", "numerous", "widely"],
    &["rare", "rarely", "isolated", "uncommon", "exceptional", "sporadic"],
    &["increase", "increased", "rise", "rose", "risen", "grow", "grew", "growing", "surge", "soar"],
    &["decrease", "decreased", "decline", "declined", "fall", "fell", "drop", "dropped", "reduce", "reduced", "reduction"],
    &["same", "identical", "equal", "consistent", "uniform"],
    &["different", "differ", "double", "unequal", "inconsistent", "contradictory", "mixed"],
    &["ally", "allies", "friend", "friends", "partner", "partners"],
    &["adversary", "adversaries", "enemy", "enemies", "competitor", "competitors", "rival", "rivals", "foe", "foes"],
    &["arbitrary", "arbitrarily", "unlawful", "unlawfully", "illegal", "illegally", "unjust", "unjustly", "unfair", "unfairly", "wrongful", "wrongfully"],
    &["respect", "respected", "respects", "honour", "honor"],
    &["violate", "violated", "violation", "violations", "breach", "breached", "infringe", "infringement", "disregard"],
    &["guarantee", "guaranteed", "ensure", "ensured", "protect", "protected", "protection", "safeguard", "safeguarded"],
    &["condemn", "condemned", "criticize", "criticized", "criticise", "criticised", "criticism", "criticisms", "denounce", "denounced", "critical"],
    &["praise", "praised", "commend", "commended", "congratulate", "congratulated", "applaud", "applauded", "endorse", "endorsed", "glowing", "favourable", "favorable", "positive"],
    &["investigate", "investigated", "investigation", "investigations", "probe", "probed", "inquiry", "inquiries"],
    &["observer", "observers", "monitor", "monitors", "monitoring"],
    &["violence", "violent"],
    &["electroshock", "shock", "shocks", "shocked", "electric"],
    &["estimate", "estimated", "count", "counted", "tally", "tallied", "calculate", "calculated", "reckon", "reckoned"],
    &["coalition", "alliance", "network"],
    &["conclusion", "conclusions", "concluding", "finding", "findings", "observation", "observations"],
    &["country", "countries", "nation", "nations", "territory"],
    &["flag", "flags", "banner"],
    &["emblem", "insignia", "crest", "coat"],
    &["page", "pages", "pp"],
    &["member", "members", "membership"],
    &["expert", "experts", "specialist", "specialists"],
    &["opposition", "dissent", "dissident", "dissidents", "critic", "critics"],
    &["penalty", "sentence", "sentenced", "sentences"],
    &["effective", "effectively", "efficient", "efficiently", "prompt", "promptly", "thorough"],
    &["accept", "accepted", "uphold", "upheld", "admit", "admitted", "acknowledge", "acknowledged", "recognize", "recognized", "recognise", "recognised"],
    &["true", "truth", "accurate", "correct", "valid", "authoritative", "reliable"],
    &["improve", "improved", "improvement", "progress", "better"],
    &["worsen", "worsened", "deteriorate", "deteriorated", "worse", "deterioration"],
    &["independent", "independence", "impartial", "impartiality"],
    &["allow", "allowed", "permit", "permitted", "grant", "granted", "let"],
    &["ill", "ailing", "sick", "illness"],
    &["worst", "gravest", "grave"],
    &["document", "documented", "documents", "documenting", "record", "recorded", "records", "register", "registered", "chronicle", "chronicled"],
    &["interview", "interviews", "interviewed", "speak", "spoke", "spoken", "talk", "talked", "consult", "consulted", "consultation", "consultations"],
    &["witness", "witnesses", "eyewitness", "eyewitnesses"],
    &["fire", "fired", "sack", "sacked", "dismissal", "dismissals", "layoff", "layoffs"],
    &["job", "jobs", "employment", "workplace"],
    &["treaty", "treaties", "convention", "conventions", "pact", "covenant", "accord"],
    &["gastrointestinal", "digestive", "stomach", "intestinal", "gut"],
    &["damage", "damaged", "harm", "harmed", "impair", "impaired"],
    &["appoint", "appointed", "appointment", "nominate", "nominated"],
    &["large", "largest", "big", "biggest", "huge", "massive", "major", "vast"],
    &["small", "smallest", "handful", "few", "tiny", "minor", "scant"],
    &["resolution", "resolutions", "motion", "motions"],
    &["fulfil", "fulfill", "fulfilled", "realized", "realised", "achieved", "vindicated"],
    &["crush", "crushed", "dashed", "shattered", "disappointed", "betrayed"],
    &["act", "acts", "acted", "action", "actions"],
    &["target", "targets", "targeted", "targeting", "singling", "single out"],
    &["amend", "amended", "amendment", "amendments", "change", "changed", "changes", "reform", "reforms", "revise", "revised", "modify", "modified"],
    &["law", "laws", "legislation", "statute", "statutes", "bill"],
    &["regulate", "regulated", "regulating", "regulation", "regulations", "govern", "governing", "governed"],
    &["excessive", "disproportionate", "brutal", "indiscriminate"],
    &["proportionate", "lawful", "measured", "restrained", "reasonable", "necessary"],
    &["pass", "passed", "adopt", "adopted", "approve", "approved", "enact", "enacted"],
    &["cheer", "cheered", "celebrate", "celebrated", "applause", "jubilant"],
    &["doctor", "doctors", "physician", "physicians", "medic", "medics"],
    &["food", "meal", "meals"],
    &["eat", "ate", "eating", "eaten"],
    &["leader", "leaders", "head", "chairman", "chair"],
    &["deputy", "vice", "second-in-command"],
    &["movement", "union"],
    &["week", "weeks"],
    &["day", "days"],
    &["month", "months"],
    &["year", "years"],
];

/// Opposed concepts, named by their group's first word (or a plain word). A statement
/// that asserts one of a pair speaks against a claim that asserts the other.
pub const ANTONYMS: &[(&str, &str)] = &[
    ("honest", "fraud"),
    ("release", "imprison"),
    ("cooperate", "obstruct"),
    ("weak", "dominance"),
    ("continue", "end"),
    ("widespread", "rare"),
    ("increase", "decrease"),
    ("same", "different"),
    ("respect", "violate"),
    ("condemn", "praise"),
    ("true", "false"),
    ("accept", "reject"),
    ("improve", "worsen"),
    ("win", "lose"),
    ("guilty", "innocent"),
    ("legal", "arbitrary"),
    ("allow", "obstruct"),
    ("freely", "crackdown"),
    ("large", "small"),
    ("fulfil", "crush"),
    ("proportionate", "excessive"),
    ("pass", "reject"),
];

/// Words that negate what follows them in the clause ("not", "never", "refused to", ...).
pub const FORWARD_NEGATORS: &[&str] = &[
    "not", "never", "no", "nor", "neither", "none", "nobody", "nothing", "nowhere", "without",
    "cannot", "deny", "denies", "denied", "denying", "denial", "denials", "refuse", "refused",
    "refuses", "refusing", "refusal", "fail", "failed", "fails", "failing", "failure", "reject",
    "rejected", "rejects", "rejecting", "refute", "refuted", "refutes", "refuting", "dismiss",
    "dismissed", "dismisses", "prevent", "prevented", "prevents", "preventing", "lack",
    "omit", "omits", "omitted", "omitting", "ignore", "ignores", "ignored", "ignoring",
    "exclude", "excludes", "excluded", "excluding", "overlook", "overlooks", "overlooked",
    "lacked", "lacks", "lacking", "unable", "absence",
];

/// Words that say the preceding subject is untrue ("the allegations are lies").
pub const BACKWARD_NEGATORS: &[&str] = &[
    "false", "lie", "lies", "untrue", "baseless", "unfounded", "groundless", "fabricated",
    "fabrication", "fake", "myth", "myths", "slander", "fiction", "nonsense", "invented",
];

/// Words that ask for something to be done, implying it has not been ("urged to release").
pub const DEMAND_CUES: &[&str] = &[
    "would", "urge", "urged", "urges", "urging", "call", "calls", "called", "calling", "should", "must",
    "recommend", "recommended", "recommends", "demand", "demanded", "demands",
    "need", "needs", "ask", "asks", "asked", "asking", "tell", "tells", "told", "instruct", "instructed",
    "press", "pressed",
];

/// Demand cues that ask only when "to" follows ("asked the EU to ensure"; not "asked
/// about", "told reporters").
pub const DEMAND_CUES_WITH_TO: &[&str] = &["need", "needs", "ask", "asks", "asked", "asking", "tell", "tells", "told", "instruct", "instructed", "press", "pressed"];

/// Words that make a claim universal ("all", "everyone", "no one").
pub const UNIVERSAL_QUANTIFIERS: &[&str] = &[
    "all", "every", "everyone", "everybody", "everything", "entire", "whole", "always",
    "none", "nobody", "never",
];

/// Words that end a negation's reach inside a sentence.
pub const SCOPE_BREAKERS: &[&str] = &[
    "but", "however", "although", "though", "despite", "while", "whereas", "yet", "because",
    "which", "who", "whom", "whether", "after", "before", "when", "until", "how", "why", "what",
];

/// Verbs that introduce whose words a claim reports ("X said that ...").
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "say", "says", "said", "claim", "claims", "claimed", "insist", "insists", "insisted",
    "state", "states", "stated", "assert", "asserts", "asserted", "maintain", "maintains",
    "maintained", "argue", "argues", "argued", "allege", "alleges", "alleged", "told", "tells",
    "add", "adds", "added", "report", "reports", "reported", "found", "finds", "concluded",
    "concludes", "note", "notes", "noted", "wrote", "writes", "believe", "believes",
    "believed", "announce", "announces", "announced", "admit", "admits", "admitted",
];

/// Verbs that frame the rest of a claim as a denial ("X denies that ...").
pub const DENIAL_VERBS: &[&str] = &[
    "deny", "denies", "denied", "reject", "rejects", "rejected", "refute", "refutes",
    "refuted", "dismiss", "dismisses", "dismissed", "dispute", "disputes", "disputed", "rebut",
    "rebuts", "rebutted", "contest", "contests", "contested",
];

/// Words for "somewhere else": "taken abroad" says "not taken in this country".
pub const ELSEWHERE_WORDS: &[&str] = &["abroad", "elsewhere", "overseas"];
/// Determiners that make the next place noun another place ("another country").
pub const OTHER_PLACE_DETERMINERS: &[&str] = &["another", "other", "different", "foreign", "third"];
/// Nouns that name a place, for the "another country" reading.
pub const PLACE_NOUNS: &[&str] = &["country", "countries", "nation", "state", "place", "location", "territory"];

/// Ordinal number words: "the third year" is counted against "the second year".
pub const ORDINAL_WORDS: &[(&str, f64)] = &[
    ("first", 1.0), ("second", 2.0), ("third", 3.0), ("fourth", 4.0), ("fifth", 5.0), ("sixth", 6.0),
    ("seventh", 7.0), ("eighth", 8.0), ("ninth", 9.0), ("tenth", 10.0),
];

/// Words that make a role another role: "deputy chairman" is not "chairman".
pub const ROLE_QUALIFIERS: &[&str] = &["deputy", "vice", "acting", "former", "assistant", "interim", "ex", "honorary"];

/// Cardinal number words.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0),
    ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0),
    ("eleven", 11.0), ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0),
    ("fifteen", 15.0), ("sixteen", 16.0), ("seventeen", 17.0), ("eighteen", 18.0),
    ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0),
    ("sixty", 60.0), ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0),
    ("hundred", 100.0), ("thousand", 1000.0), ("million", 1e6), ("billion", 1e9),
    ("dozen", 12.0),
];

/// Vague plural amounts as ranges ("hundreds of" is 200..=999).
pub const VAGUE_AMOUNTS: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("scores", 40.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2000.0, 9999.0),
    ("millions", 2e6, 9.99e8),
];

/// Two-word phrases read as one word ("rounded up" = "arrested").
pub const PHRASES: &[(&str, &str)] = &[
    ("rounded up", "arrested"), ("round up", "arrest"), ("rounding up", "arresting"),
    ("locked up", "imprisoned"), ("lock up", "imprison"), ("locking up", "imprisoning"),
    ("set free", "released"), ("let go", "released"), ("carried out", "conducted"),
    ("beaten up", "beaten"), ("beat up", "beat"), ("taken away", "detained"),
    ("make sure", "ensure"), ("makes sure", "ensures"), ("made sure", "ensured"),
    ("singling out", "targeting"), ("singled out", "targeted"), ("single out", "target"),
    ("leave out", "omit"), ("leaves out", "omits"), ("left out", "omitted"), ("leaving out", "omitting"),
    ("carbon dioxide", "co2"), ("sulfur dioxide", "so2"), ("sulphur dioxide", "so2"), ("nitrous oxide", "n2o"),
    ("voted down", "rejected"), ("vote down", "reject"), ("turned down", "rejected"), ("struck down", "rejected"),
];

/// Units of time, in days, so "less than a year" meets "more than 16 months".
pub const TIME_UNITS: &[(&str, f64)] = &[
    ("hour", 1.0 / 24.0), ("day", 1.0), ("week", 7.0), ("month", 30.44), ("year", 365.25), ("decade", 3652.5),
];

/// Words for the people and bodies whose position a report may describe ("the
/// government's denial"): a denial they make is theirs, not the reporter's.
pub const ACTOR_WORDS: &[&str] = &["government", "ministry", "police", "president", "authorities", "officials", "regime", "state", "kremlin", "administration", "prosecutor", "court"];

/// Month names, for dates in text.
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// Countries with their demonyms, capitals and common alternative names. The first
/// word of each row names the place; multi-word names are written with spaces.
pub const PLACES: &[&[&str]] = &[
    &["azerbaijan", "azerbaijani", "azerbaijanis", "azeri", "azeris", "baku"],
    &["united states", "u.s.", "us", "usa", "america", "american", "americans", "washington"],
    &["russia", "russian", "russians", "moscow", "kremlin"],
    &["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"],
    &["georgia", "georgian", "georgians", "tbilisi"],
    &["armenia", "armenian", "armenians", "yerevan"],
    &["turkey", "turkish", "türkiye", "ankara", "istanbul"],
    &["iran", "iranian", "iranians", "tehran"],
    &["france", "french", "paris"],
    &["germany", "german", "germans", "berlin"],
    &["united kingdom", "uk", "britain", "british", "england", "english", "london"],
    &["australia", "australian", "australians", "canberra", "sydney"],
    &["china", "chinese", "beijing"],
    &["india", "indian", "indians", "delhi"],
    &["japan", "japanese", "tokyo"],
    &["israel", "israeli", "israelis"],
    &["palestine", "palestinian", "palestinians", "gaza", "hamas"],
    &["sudan", "sudanese", "khartoum"],
    &["syria", "syrian", "syrians", "damascus"],
    &["egypt", "egyptian", "egyptians", "cairo"],
    &["pakistan", "pakistani", "islamabad"],
    &["afghanistan", "afghan", "afghans", "kabul"],
    &["iraq", "iraqi", "iraqis", "baghdad"],
    &["qatar", "qatari", "doha"],
    &["chad", "chadian"],
    &["kazakhstan", "kazakh", "astana"],
    &["uzbekistan", "uzbek", "tashkent"],
    &["turkmenistan", "turkmen"],
    &["belarus", "belarusian", "minsk"],
    &["poland", "polish", "warsaw"],
    &["italy", "italian", "rome"],
    &["spain", "spanish", "madrid"],
    &["canada", "canadian", "ottawa"],
    &["mexico", "mexican"],
    &["brazil", "brazilian"],
    &["venezuela", "venezuelan"],
    &["cuba", "cuban", "havana"],
    &["north korea", "pyongyang"],
    &["south korea", "seoul"],
    &["saudi arabia", "saudi", "riyadh"],
    &["nigeria", "nigerian"],
    &["ethiopia", "ethiopian"],
    &["kenya", "kenyan"],
    &["south africa"],
    // Geneva and The Hague are left out: they host international bodies, and a review
    // "in Geneva" is not about Switzerland.
    &["switzerland", "swiss", "bern"],
    &["netherlands", "dutch", "amsterdam"],
    &["sweden", "swedish", "stockholm"],
    &["norway", "norwegian", "oslo"],
    &["greece", "greek", "athens"],
    &["hungary", "hungarian", "budapest"],
    &["serbia", "serbian", "belgrade"],
    &["myanmar", "burma", "burmese"],
    &["vietnam", "vietnamese", "hanoi"],
    &["indonesia", "indonesian", "jakarta"],
    &["philippines", "filipino", "manila"],
    &["bangladesh", "bangladeshi", "dhaka"],
    &["sri lanka", "sri lankan"],
    &["nepal", "nepalese"],
    &["argentina", "argentine", "argentinian"],
    &["chile", "chilean"],
    &["colombia", "colombian"],
    &["peru", "peruvian"],
    &["tajikistan", "tajik"],
    &["kyrgyzstan", "kyrgyz"],
    &["moldova", "moldovan"],
    &["lebanon", "lebanese", "beirut"],
    &["jordan", "jordanian", "amman"],
    &["libya", "libyan", "tripoli"],
    &["tunisia", "tunisian"],
    &["algeria", "algerian"],
    &["morocco", "moroccan"],
    &["yemen", "yemeni"],
    &["bahrain", "bahraini"],
    &["uae", "emirati", "dubai", "abu dhabi"],
];

/// Names written out and as acronyms: each phrase becomes the acronym's term, so "UN"
/// meets "United Nations".
pub const NAME_ALIASES: &[(&str, &str)] = &[
    ("human rights watch", "hrw"),
    ("amnesty international", "amnesty"),
    ("council of europe", "coe"),
    ("united nations", "un"),
    ("u.n.", "un"),
    ("european union", "eu"),
    ("e.u.", "eu"),
    ("european court", "echr"),
    ("non-governmental organization", "ngo"),
    ("nongovernmental organization", "ngo"),
    ("nongovernmental organizations", "ngo"),
];

/// Verbs that open a recommendation in the imperative ("Release all detainees ..."):
/// such a sentence asks for something, it does not report it.
pub const IMPERATIVE_VERBS: &[&str] = &[
    "establish", "investigate", "release", "review", "ensure", "end", "stop", "adopt", "amend",
    "repeal", "allow", "grant", "provide", "take", "free", "guarantee", "respect", "halt",
    "cease", "drop", "abolish", "protect", "bring", "hold", "prosecute", "discipline", "lift",
    "restore", "implement", "ratify", "invite", "cooperate", "stop", "quash", "reform",
    "withdraw", "condemn", "publish", "permit", "refrain", "train", "compensate", "urge",
];

/// Spelling variants of transliterated names fold to one key ("Aliyev" = "Aliev").
/// Applied to every word; the patterns do not occur in English words.
pub const TRANSLITERATION_FOLDS: &[(&str, &str)] = &[("iye", "ie"), ("iya", "ia"), ("iyo", "io"), ("yy", "y"), ("kh", "h"), ("dzh", "j"), ("zh", "j")];

/// Words beginning with "un" that are not negations of the rest.
pub const UN_WORDS_NOT_NEGATED: &[&str] = &[
    "under", "understand", "understood", "undertake", "undertaken", "undergo", "underwent",
    "union", "unions", "unit", "units", "united", "unity", "universal", "universe",
    "university", "unless", "until", "unique", "uniform", "unanimous", "unanimously",
    "unveil", "unveiled", "unleash", "unleashed", "unrest", "undermine", "undermined",
    "unearth", "unearthed", "unprecedented", "unto", "uncle",
];
