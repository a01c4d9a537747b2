import type { InboundLabel } from "../../state";
import { SUBJECT, type CorpusMessage } from "./types";

const reply = (label: InboundLabel) => (id: string, body: string, notes: string, extra: Partial<CorpusMessage> = {}): CorpusMessage => ({ id, subject: SUBJECT, body, label, notes, ...extra });
const interested = reply("interested");
const meeting = reply("meeting_scheduled");
const declined = reply("not_interested");
const question = reply("info_request");
const partner = reply("partnership");
const spam = reply("spam");

/** What people write back: interest, bookings, declines, questions, partnership pitches, and junk. */
export const REPLIES: readonly CorpusMessage[] = [
  interested("interested-call-next-week", "Sounds interesting \u2014 could we set up a call next week?", "Asks for a call."),
  interested("interested-learn-more", "Yes, I'd like to learn more. When are you free?", "Wants to hear more."),
  interested("interested-happy-to-chat", "Happy to chat. Tuesday afternoon works.", "Offers a time, nothing booked yet."),
  interested("interested-calendar-link", "Let's talk. Send me a calendar link.", "Asks for a link: wants a meeting, none booked.", { tricky: true }),
  interested("interested-getting-started", "We've been looking for exactly this. Who should I speak to about getting started?", "Buying intent."),
  interested("interested-keen-demo", "Keen to see a demo.", "Demo request."),
  interested("interested-de", "Klingt interessant, lassen Sie uns nächste Woche telefonieren.", "German.", { language: "de" }),
  interested("interested-fr", "Ça m'intéresse, pouvons-nous en parler jeudi ?", "French.", { language: "fr" }),
  interested("interested-es", "Me interesa, ¿podemos hablar la semana que viene?", "Spanish.", { language: "es" }),
  interested("interested-unsure-but-call", "I'm not sure this is for us, but happy to hop on a quick call.", "Hedged, yet asks for a call.", { tricky: true }),
  interested("interested-quoted-optout", "Yes, let's talk on Thursday.\n\nOn Mon, 14 Dec 2026 at 10:00, Riley Rep <rep@demo.local> wrote:\n> Not the right time? Reply STOP and I won't write again.", "Our own quoted email says STOP; the reply does not.", { tricky: true }),

  meeting("meeting-accepted", "Laura Costa has accepted this invitation.", "Calendar acceptance.", { subject: "Accepted: Intro call \u2013 Pinelogic / Sales Console" }),
  meeting("meeting-booked-link", "Booked a slot for Thursday at 10:00 via your link. See you then!", "Booked through the link."),
  meeting("meeting-sent-invite", "I've sent you an invite for Tuesday 3pm.", "They sent the invite."),
  meeting("meeting-confirmed-for", "Confirmed for Wednesday 14:00 CET.", "Confirmation."),
  meeting("meeting-de-angenommen", "Laura Costa hat die Einladung angenommen.", "German calendar acceptance.", { subject: "Angenommen: Kennenlernen Pinelogic", language: "de" }),
  meeting("meeting-in-calendar", "Great, it's in my calendar for the 12th.", "In the calendar."),
  meeting("meeting-calendly", "A new event has been scheduled.\n\nEvent type: 30 Minute Meeting\nInvitee: Laura Costa", "A scheduling tool's notice.", { subject: "New Event: Laura Costa - 30 Minute Meeting", from: "Calendly <notifications@calendly.example>" }),
  meeting("meeting-es", "Reunión confirmada para el martes a las 11.", "Spanish.", { language: "es" }),

  declined("declined-plain", "Not interested, thanks.", "Plain decline."),
  declined("declined-all-set", "We're all set with our current provider.", "Has a provider."),
  declined("declined-no-budget", "No budget this year.", "Budget."),
  declined("declined-already-use", "We already use HubSpot for this.", "Competitor in place."),
  declined("declined-pass", "Thanks, but we'll pass.", "Polite pass."),
  declined("declined-wrong-person", "I'm not the right person for this.", "Not the buyer.", { tricky: true }),
  declined("declined-not-right-now", "Interested in principle, but not right now \u2014 circle back in Q2.", "Says 'interested' yet declines for now.", { tricky: true }),
  declined("declined-de", "Kein Interesse, danke.", "German.", { language: "de" }),
  declined("declined-fr", "Non merci, pas intéressé.", "French.", { language: "fr" }),
  declined("declined-es", "No estamos interesados, gracias.", "Spanish: contains 'interesados'.", { language: "es", tricky: true }),
  declined("declined-it", "Non siamo interessati.", "Italian: contains 'interessati'.", { language: "it", tricky: true }),
  declined("declined-nl", "Geen interesse, bedankt.", "Dutch.", { language: "nl" }),

  question("info-pricing", "Can you share pricing?", "Price question."),
  question("info-integration", "Do you integrate with Salesforce?", "Integration question."),
  question("info-case-study", "Could you send a case study from a retailer?", "Material."),
  question("info-cost-seats", "What does it cost for 50 seats?", "Price question."),
  question("info-de", "Können Sie mir eine Preisliste schicken?", "German.", { language: "de" }),
  question("info-fr", "Pouvez-vous m'envoyer vos tarifs ?", "French.", { language: "fr" }),
  question("info-pt", "Podem enviar mais informações?", "Portuguese.", { language: "pt" }),
  question("info-interested-pricing", "Interested \u2014 what does pricing look like for 200 users?", "Interest and a price question: a question before any commitment.", { tricky: true }),
  question("info-gdpr-hosting", "Is this GDPR compliant? Where is the data hosted?", "Mentions GDPR without asking for erasure.", { tricky: true }),

  partner("partner-reseller", "We're an agency working with retailers \u2014 would you be open to a reseller agreement?", "Reseller."),
  partner("partner-integration", "We'd love to explore an integration partnership with our POS platform.", "Integration deal."),
  partner("partner-co-marketing", "Interested in co-marketing? We run a newsletter for 40k ops leaders.", "Says 'interested', proposes co-marketing.", { tricky: true }),
  partner("partner-de", "Wir suchen Kooperationspartner im DACH-Raum und würden gern mit Ihnen sprechen.", "German.", { language: "de" }),
  partner("partner-affiliate", "Do you have an affiliate program?", "A question, but about a partnership.", { tricky: true }),
  interested("interested-business-partner", "My business partner and I would like a demo.", "'Partner' here is a co-founder, not a deal.", { tricky: true }),

  spam("spam-prize", "Congratulations! You have won a $1,000 gift card. Click here to claim your prize.", "Prize scam.", { subject: "You're a winner!!!" }),
  spam("spam-seo", "We can get your website on the first page of Google. Our SEO services start at $99/month. Interested?", "SEO pitch that asks 'Interested?'.", { tricky: true }),
  spam("spam-phishing", "Your mailbox password expires today. Click the link below to verify your account.", "Phishing.", { subject: "Action required: password expiry" }),
  spam("spam-inheritance", "Hello dear, I am Mrs. Grace Williams. I have an inheritance of $4.5M and I need a trusted beneficiary.", "Advance-fee scam."),
  spam("spam-crypto", "Boost your crypto investment with guaranteed returns of 40% monthly.", "Investment scam."),
  spam("spam-lead-list", "We sell an email list of 50,000 C-level decision makers in retail. Pricing on request.", "List seller that mentions pricing.", { tricky: true }),
  spam("spam-with-unsubscribe-footer", "Exclusive offer: buy followers now and grow 10x!\n\nTo unsubscribe from these offers, click here.", "Junk with an unsubscribe footer. Policy: the classifier says unsubscribe (suppressing a spammer costs nothing); counted as a miss.", { tricky: true }),
];
