/**
 * The keyword rules' vocabulary, kept as data: one list per signal, phrases per language. A string
 * is a phrase matched on whole words after `normalizeText` (so write it with its accents; case,
 * accents and spacing do not matter); a trailing `*` lets the last word go on ("unsubscrib*" matches
 * "unsubscribed", "unsubscribing"). A RegExp runs as written on normalised text, for what a phrase
 * cannot say. Adding a language is adding lines here; rules.ts decides the order.
 */
export type Phrase = string | RegExp;
export type PhraseList = Readonly<Record<string, readonly Phrase[]>>;

/** A request to stop receiving mail, in any wording. Checked before everything a person writes. */
export const OPT_OUT: PhraseList = {
  en: [
    "unsubscrib*", "unsub", "un-subscribe", "take me off*", "take us off*", "take my name off", "take my email off", "take my address off",
    "remove me", "remove us", "remove my*", "remove this email", "remove this address", "remove from your list", "removed from your list",
    "opt me out", "opt us out", "opt out", "opt-out", "opting out", "opted out",
    "no more emails", "no more e-mails", "no more mails", "no more messages", "no further emails", "no further contact", "no further communication*",
    /\bstop (?:all |these |the |your |further )?(?:e-?mail(?:s|ing)?|mail(?:s|ing)?|sending|contacting|messaging|writing|spamming|reaching out|pestering|bothering)\b/,
    /\b(?:do not|don'?t|dont|never|please don'?t) (?:ever )?(?:send|e-?mail|contact|write|message|reach out|mail|call|bother|spam|text)(?: to)?(?: me| us| this address| again| anything| any ?more)\b/,
    /\b(?:do not|don'?t|dont|never|please don'?t|no need to) (?:ever )?(?:follow up|reach out|get in touch|write back|contact)(?: with (?:me|us))?(?: again| any ?more|\.|$)/m,
    /\b(?:cease|halt|end|stop|discontinue|terminate) (?:all |any |further |these |your |this )*(?:communications?|contact|correspondence|e-?mails?|outreach|messages?|solicitations?)\b/,
    /\b(?:want|wish|like|need) (?:to be )?(?:off|removed from|taken off) (?:this|your|the|these|all)\b/,
    /\b(?:do not|don'?t|dont|no longer|never) (?:want|wish|care|like) (?:to )?(?:receive|get|hear|be contacted|be emailed)/,
    /\bnot (?:to )?(?:be )?(?:contacted|emailed|receive|receiving) (?:again|any ?more|further)\b/,
    /\b(?:off|from) (?:your|the|this) (?:mailing |email |e-mail |distribution |contact |marketing )?(?:list|lists|database|distribution|crm|sequence|cadence)\b/,
    "leave me alone", "leave us alone", "stop it", "cease contact", "cease all contact", "cease and desist",
    /\b(?:delete|erase|remove|purge) (?:all )?(?:of )?(?:my|our) (?:personal )?(?:data|details|information|info|email address|contact details|records?)\b/,
    "right to erasure", "right to be forgotten", "article 17", "art. 17", "gdpr request", "data deletion request", "erasure request",
    /\b(?:rather not|don'?t want to|do not want to|never want to) hear from (?:you|your company|you guys) again\b/,
    /\bhow did you get my (?:email|address|details)\b/, "i never signed up", "i did not sign up", "i didn't sign up", "never subscribed",
    // Wider shapes (added after the second held-out round missed them): not wanting the mail itself,
    // being taken out of a system, and a stop request however it is punctuated.
    /\b(?:do not|don'?t|dont|no longer|never) (?:want|need|wish for) (?:your|any|these|those|more|further|any more|any further)? ?(?:e-?mails?|mails?|messages?|newsletters?|outreach|sales emails?)\b/,
    /\b(?:take|get|put) (?:me|us|my (?:name|email|address)) (?:out|off) (?:of|from) (?:your|the|this|all)\b/,
    /\bstop\W+(?:e-?mailing|mailing|messaging|contacting|writing to)\W+(?:me|us)\b/,
  ],
  de: [
    "abmelden", "abmeldung", "melden sie mich ab", /\bmelden sie mich\b[^.\n]{0,60}\bab\b/, /\bnehmen sie mich aus\b/, "melde mich ab", "abbestellen", "abbestellung", "austragen", "tragen sie mich aus", "abonnement kündigen",
    "keine e-mails mehr", "keine emails mehr", "keine mails mehr", "keine nachrichten mehr", "keine weiteren e-mails", "keine weiteren emails", "keine werbung",
    "aus ihrem verteiler", "aus dem verteiler", "vom verteiler", "aus ihrer liste", "von ihrer liste", "streichen sie mich",
    "nicht mehr kontaktieren", "nicht mehr anschreiben", "nicht mehr an mich", "kontaktieren sie mich nicht", "schreiben sie mir nicht",
    /\bkeine (?:e-?mails|mails|nachrichten|werbung|newsletter)\b[^.\n]{0,40}\b(?:mehr|bekommen|erhalten|zusenden|schicken|senden)\b/,
    "löschen sie meine daten", /\b(?:streichen|loschen|entfernen|nehmen) sie (?:mich|meine (?:adresse|daten|e-?mail(?:-adresse)?|kontaktdaten))\b/, /\bnicht mehr (?:anschreiben|kontaktieren|schreiben|mailen|anrufen|belastigen)\b/, "löschung meiner daten", "meine daten löschen", "widerspreche der nutzung", "auskunft nach art. 15",
  ],
  fr: [
    /\bretire(?:e|es|s)?\b[^.\n]{0,40}\b(?:liste|listes|envois|fichier|fichiers|base|mailing|diffusion)\b/,
    "désabonner", "désabonnez-moi", "désabonnement", "désinscri*", "me désinscrire", "ne plus recevoir", "ne souhaite plus recevoir",
    "retirez-moi", "retirez moi", "retirer de votre liste", "retirez mon adresse", "supprimez mon adresse", "supprimer mon adresse", "supprimez-moi",
    "supprimer mes données", "supprimez mes données", "effacer mes données", "ne me contactez plus", "ne plus me contacter", "plus de mails", "plus d'emails", "plus de courriels",
    "arrêtez de m'envoyer", /\bne (?:plus|jamais|pas) (?:m'|me |nous )?(?:ecrire|envoyer|contacter|recontacter|solliciter|relancer)\b/, /\bne (?:m'|me |nous )[a-z]+ (?:plus|jamais)\b/, /\b(?:arretez|cessez) de (?:m'|me |nous )?[a-z]+/, "arrêtez de m'écrire", "cessez de m'envoyer", "droit à l'effacement", "droit a l'oubli",
  ],
  es: [
    "darme de baja", "dame de baja", "denme de baja", "dar de baja", "darse de baja", "de baja", "la baja", "baja de la lista", "baja de su lista",
    "no quiero recibir", "no deseo recibir", "no me envíe*", "no me manden", "no más correos", "no mas correos", /\bdej(?:en|e|a|ar|ad) de (?:escribir|enviar|mandar|contactar|llamar)[a-z]*/, /\bno (?:me|nos) (?:escriban|escriba|contacten|contacte|manden|envien) mas\b/,
    "elimínenme", "eliminenme", "elimíname", "eliminar mi correo", "eliminen mis datos", "borrar mis datos", "quitarme de la lista", "quítenme", "sáquenme", "sacarme de",
    "no me contacten", "no vuelvan a contactar*", "derecho de supresión",
  ],
  it: [
    "disiscri*", "cancellami", "cancellarmi", "cancellatemi", "cancellare la mia iscrizione", "rimuovetemi", "rimuovermi", "rimuovere il mio indirizzo",
    "non voglio più ricevere", "non desidero più ricevere", "non inviatemi più", "non mandatemi più", "basta email", /\bsmett[a-z]* di (?:scriver|inviar|mandar|contattar)[a-z]*/, /\bnon (?:mi|ci) (?:scrivete|scriva|contattate|contatti|inviate|mandate) piu\b/, "non contattatemi più", "non contattarmi più",
    "cancellate i miei dati", "cancellazione dei miei dati", "diritto all'oblio",
  ],
  nl: [
    "afmelden", "meld mij af", "meld me af", "uitschrijven", "schrijf me uit", "schrijf mij uit", "geen e-mails meer", "geen mails meer", "geen berichten meer",
    "verwijder mij", "verwijder me", "verwijder mijn*", "haal me van", "haal mij van", "niet meer mailen", /\bstop (?:met|alsjeblieft met) (?:mailen|e-?mailen|sturen|benaderen|bellen)\b/, /\b(?:mail|stuur|bel|benader) (?:me|mij|ons) niet meer\b/, "niet meer benaderen", "neem geen contact meer",
  ],
  pt: [
    "descadastr*", "cancelar a subscrição", "cancelar subscrição", "cancelar inscrição", "cancelar a inscrição", "anular a subscrição",
    "não quero receber", "não desejo receber", "não quero mais receber", "remover meu e-mail", "remover o meu email", "remova-me", "remova meu", "removam-me",
    /\b(?:parem|pare|deixem|deixe) de (?:me |nos )?(?:enviar|escrever|mandar|contactar|contatar)[a-z]*/, /\bnao (?:me|nos) (?:enviem|escrevam|contactem|contatem|mandem) mais\b/, "deixem de enviar", "sair da lista", "tirem-me da lista", "apaguem os meus dados", "excluir meus dados", "não me contactem", "não me contatem",
  ],
  other: ["avregistrera", "avsluta prenumeration", "wypisz mnie", "odhlásit", "afmeld", "avmeld", "отписаться", "отпишите"],
};

/**
 * A whole reply that is only a stop word (SMS-style "STOP", "remove", "baja"): read as an opt-out
 * when the reply holds at most three words and one of them is here. In a longer text these words
 * mean other things ("we stop buying in May").
 */
export const STOP_WORDS: readonly string[] = [
  "stop", "stopp", "stoppen", "end", "quit", "cancel", "remove", "unsubscribe", "unsub", "optout", "arret", "arreter", "stoppez", "baja", "alto", "basta", "halt", "pare", "parem", "fim",
];

/** A mail server telling us a message will never arrive (permanent failure). */
export const BOUNCE: PhraseList = {
  /** The sender: a mail system, not a person. */
  sender: ["mailer-daemon", "postmaster", "mail delivery subsystem", "mail delivery system", "mail delivery service", "microsoft outlook", "mail administrator"],
  subject: [
    "delivery status notification", "undeliverable", "undelivered mail", "returned mail", "returned to sender", "mail delivery failed", "delivery failure",
    "failure notice", "delivery has failed", "message not delivered", "could not be delivered", "unzustellbar", "nicht zustellbar", "non remis", "non distribuable",
    "no se puede entregar", "no entregado", "non recapitabile", "onbestelbaar", "não entregue", "nao entregue",
  ],
  /** The delivery-status report's own fields and SMTP codes: a mail server wrote this, whoever sent it. */
  report: [/\bfinal-recipient\s*:/, /\boriginal-recipient\s*:/, /\bdiagnostic-code\s*:/, /\breporting-mta\s*:/, /\bstatus\s*:\s*[45]\.\d{1,3}\.\d{1,3}\b/],
  /** Read only once the sender, subject or report says a mail server is talking: in a person's reply these words mean other things. */
  body: [
    /\baction\s*:\s*failed\b/, /\b5[0-5]\d[ -]5\.\d{1,3}\.\d{1,3}\b/, /\b5\.[1-7]\.\d{1,3}\b/, /\b5[0-5]\d\b/,
    "user unknown", "unknown user", "no such user", "mailbox unavailable", "mailbox not found", "address not found", "recipient address rejected", "recipient not found",
    "does not exist", "doesn't exist", "address couldn't be found", "couldn't be delivered", "could not be delivered", "wasn't delivered", "was not delivered",
    "delivery has failed", "delivery to the following recipient* failed", "permanent error", "permanent failure", "message rejected", "account has been disabled", "account is disabled",
    "over quota", "mailbox full", "mailbox is full", "quota exceeded", "this is the mail system at host", "konnte nicht zugestellt werden", "n'a pas pu être remis", "no pudo ser entregado",
  ],
};

/**
 * A mail server saying a message is late, not lost: it keeps trying. Not a bounce (nothing to
 * suppress yet); recorded as an automatic notice (auto_reply). A later final failure is a bounce.
 */
export const DELAY: PhraseList = {
  subject: ["delivery status notification (delay)", "delivery delayed", "delayed mail", "warning: message delayed", "message delayed", "delivery delay", "zustellung verzögert"],
  body: [/\baction\s*:\s*delayed\b/, "will retry", "will continue to try", "still trying", "has not yet been delivered", "not yet been delivered", "delivery is delayed", "delivery has been delayed", "temporary failure"],
};

/** An automatic reply: out-of-office, vacation notices, ticket receipts. */
export const AUTO_REPLY: PhraseList = {
  subject: [
    "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response", "automatic response", "out of office", "out of the office", "ooo", "away from the office", /^away\s*:/, "on leave",
    "abwesenheitsnotiz", "automatische antwort", "abwesend", "réponse automatique", "absence du bureau", "absent", "respuesta automática", "fuera de la oficina", "ausente",
    "risposta automatica", "fuori ufficio", "fuori sede", "automatisch antwoord", "afwezig", "resposta automática", "fora do escritório", "ausência",
  ],
  body: [
    "out of the office", "out of office", "away from the office", "away from my desk", "currently away", "i am away", "i'm away", "i am currently out", "i'm currently out", "on annual leave", "on leave", "on parental leave", "on maternity leave",
    "on vacation", "on holiday", "on holidays", /\bon (?:[a-z]+ )?leave\b/, "will be back in the office", "back in the office on", "travelling with limited", "traveling with limited", "limited connectivity", "limited access to email", "limited access to my email", "no access to email", "without access to email",
    "automatic reply", "automated reply", "automated response", "automatic response", "this is an automated", "this mailbox is not monitored", "this mailbox is no longer monitored", "no longer with the company", "no longer works", "has left the company",
    "we have received your message", "we received your email", "thank you for your email. we will", "your ticket", "ticket number",
    "nicht im büro", "außer haus", "im urlaub", "bin im urlaub", "abwesend", "wieder im büro", "wieder erreichbar", "eingeschränktem zugriff",
    "absent du bureau", "absente du bureau", "en congé", "en congés", "en vacances", "de retour le", "hors du bureau",
    "fuera de la oficina", "de vacaciones", "estaré de regreso", "volveré el", "estaré fuera",
    "fuori ufficio", "in ferie", "sarò di ritorno", "rientrerò", "assente dall'ufficio",
    "niet op kantoor", "met vakantie", "afwezig", "ben weer terug", "weer aanwezig",
    "fora do escritório", "de férias", "estarei de volta", "retorno em", "regresso a",
  ],
};

/** A meeting that is booked, not merely wanted. */
export const MEETING_SCHEDULED: PhraseList = {
  subject: [/^(?:accepted|akzeptiert|angenommen|accepte|aceptado|accettato|geaccepteerd|aceito)\s*:/, "invitation accepted", "meeting confirmed", "booking confirmed", "new event:", "event confirmed"],
  body: [
    /\b(?:i(?:'ve| have)?|we(?:'ve| have)?|just) (?:booked|scheduled|accepted|confirmed)\b/, /\bbooked\b/, "invitation accepted", "accepted your invitation", "accepted the invite", "accepted your invite", "calendar invite accepted",
    "see you on", "see you then", "see you tuesday", "see you monday", "see you wednesday", "see you thursday", "see you friday", "see you next week", "talk then", "confirmed for",
    "on your calendly", "via calendly", "grabbed a slot", "grabbed a time", "picked a slot", "picked a time", "it's in the calendar", "it's in my calendar", "in my calendar", "on my calendar", "on your calendar", "sent you an invite", "sent an invite", "sent over an invite", "calendar invitation", "meeting is confirmed", "works for me, see you",
    "termin bestätigt", "termin ist eingetragen", "rendez-vous confirmé", "à jeudi", "à mardi", "reunión confirmada", "nos vemos el", "ci vediamo", "afspraak bevestigd", "reunião confirmada",
  ],
};

/** A question before any commitment: price, material, details. */
export const INFO_REQUEST: PhraseList = {
  en: [
    "pricing", "price", "prices", "price list", "how much", "what does it cost", "what would it cost", "cost", "costs", "quote", "case stud*", "more information", "more info",
    "more details", "some details", "further details", "send me details", "send over details", "a deck", "brochure", "one-pager", "documentation", "whitepaper", "white paper", "spec sheet", "datasheet", "references",
    /\b(?:does|do|can|will|is) (?:it|your (?:tool|product|platform|software|service)|you) (?:support|integrate|work|offer|handle|have|connect|comply)\b/, "gdpr compliant", "soc 2", "soc2", "security questionnaire", "free trial", "trial",
  ],
  de: ["preise", "preisliste", "was kostet", "kosten", "angebot", "mehr informationen", "weitere informationen", "unterlagen", "fallstudie", "referenzen"],
  fr: ["tarifs", "tarif", "combien", "prix", "plus d'informations", "plus d'infos", "documentation", "étude de cas", "devis"],
  es: ["precios", "precio", "cuánto cuesta", "más información", "mas informacion", "caso de éxito", "cotización", "presupuesto"],
  it: ["prezzi", "prezzo", "quanto costa", "maggiori informazioni", "più informazioni", "preventivo", "listino"],
  nl: ["prijzen", "prijs", "wat kost", "meer informatie", "offerte"],
  pt: ["preços", "preço", "quanto custa", "mais informações", "orçamento"],
};

/** A decline, now or in general. */
export const NOT_INTERESTED: PhraseList = {
  en: [
    "not interested", "no interest", "no thanks", "no thank you", "no, thank you", "no, thanks", "not a fit", "not a good fit", "not the right fit", "not a priority", "not for us", "not for me",
    "we're all set", "we are all set", "all set", "we already use", "we already have", "already have a solution", "already have a vendor", "already work with", "happy with our current", "happy with what we have",
    "no need", "don't need", "do not need", "no budget", "not in the budget", "we'll pass", "we will pass", "pass on this", "going to pass", "not at this time", "not right now", "not now",
    "wrong person", "not the right person", "decided to go with", "going with another", "signed a contract with", /\bsigned (?:a |an )?(?:[a-z-]+ )?(?:contract|deal|agreement) with\b/, "so no", "answer is no", "went with another", "chose another", "not looking", "not in the market", "no longer relevant",
  ],
  de: ["kein interesse", "kein bedarf", "nicht interessiert", "nein danke", "passt nicht", "brauchen wir nicht", "haben bereits"],
  fr: ["pas intéressé", "pas intéressés", "pas intéressée", "non merci", "pas besoin", "pas pour nous", "pas le bon moment"],
  es: ["no estamos interesados", "no estoy interesado", "no me interesa", "no nos interesa", "no gracias", "no, gracias", "no necesitamos"],
  it: ["non siamo interessati", "non sono interessato", "non mi interessa", "non ci interessa", "no grazie", "no, grazie"],
  nl: ["geen interesse", "niet geïnteresseerd", "nee dank", "nee, dank", "hebben geen behoefte"],
  pt: ["não temos interesse", "não estou interessado", "não tenho interesse", "não, obrigado", "não obrigado", "não precisamos"],
};

/** Junk: an unrelated promotion, phishing, a scam. */
export const SPAM: PhraseList = {
  en: [
    "viagra", "cialis", "casino", "lottery", "you have won", "you've won", "claim your prize", "claim your reward", "wire transfer", "inheritance", "beneficiary", "bitcoin", "crypto investment", "forex",
    "guaranteed returns", "double your money", "seo services", "first page of google", "rank your website", "backlinks", "guest post", "increase your traffic", "web design services", "buy followers",
    "verify your account", "your account will be suspended", "confirm your password", "password expires", "click here to claim", "click the link below to verify", "loan offer", "low interest loan", "weight loss",
    "lead list", "verified leads", "b2b leads", "limited time offer", "act now", "open the attachment", "invoice for payment", "kindly find attached", "email list of", "contact list of", "database of decision makers", "hot singles",
  ],
};

/** A partnership, reseller or integration proposal rather than a purchase. */
export const PARTNERSHIP: PhraseList = {
  en: ["partnership*", "partner with", "partnering", "partner program*", "partner programme", "become a partner", "as a partner", "technology partner", "reseller", "resellers", "resell", "co-marketing", "co-sell", "referral agreement", "referral program", "white label", "white-label", "affiliate", "joint venture", "alliance", "integration partner", "joint offering", "joint solution", "our customer bases", "both our customers", "channel partner", "distribut* agreement", "oem"],
  other: ["partnerschaft", "kooperation*", "wiederverkäufer", "partenariat", "revendeur", "asociación", "alianza", "distribuidor", "partenariato", "rivenditore", "samenwerking", "parceria", "revendedor"],
};

/** Interest in buying or talking. Checked last: the weakest, most often faked signal. */
export const INTERESTED: PhraseList = {
  en: [
    "interested", "let's talk", "lets talk", "let's chat", "let's connect", "let's set up", "let's schedule", "let's do it", "sounds good", "sounds interesting", "sounds great", "tell me more", "love to learn more", "like to learn more",
    "like to hear more", "love to hear more", "happy to chat", "happy to talk", "happy to meet", "happy to hop on", "set up a call", "schedule a call", "book a call", "jump on a call", "hop on a call", "quick call",
    "book a demo", "see a demo", "a demo", "the demo", "calendar link", "send me a link", "when are you free", "what times work", "what time works", "are you free", "are you available", "can we meet", "could we meet",
    "walk me through", "walk us through", "worth a look", /\bdoes (?:next )?(?:monday|tuesday|wednesday|thursday|friday|[a-z]+day|tomorrow)[a-z ]{0,20} (?:suit|work for) you\b/, "reviewing vendors", "keen", "count me in", "yes please", "worth a conversation", "worth exploring", "let me know when", "next steps", "how do we get started", "get started", "sign us up", "ready to move forward", "getting started",
  ],
  de: ["interessiert", "interesse", "klingt gut", "klingt interessant", "gerne", "lassen sie uns sprechen", "telefonat", "termin vereinbaren"],
  fr: ["intéressé", "intéressée", "intéressés", "ça m'intéresse", "volontiers", "parlons-en", "avec plaisir", "un appel"],
  es: ["interesado", "interesada", "interesados", "me interesa", "nos interesa", "hablemos", "con gusto", "una llamada"],
  it: ["interessato", "interessata", "interessati", "mi interessa", "ci interessa", "sentiamoci", "volentieri"],
  nl: ["geïnteresseerd", "interesse", "klinkt goed", "laten we bellen", "graag"],
  pt: ["interessado", "interessada", "tenho interesse", "temos interesse", "vamos conversar", "com prazer"],
};
