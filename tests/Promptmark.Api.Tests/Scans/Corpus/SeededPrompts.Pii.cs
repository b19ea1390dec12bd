using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Tests.Scans.Corpus;

public static partial class SeededPrompts
{
    const string Pii = ScanCategories.Pii;

    static IEnumerable<SeededPrompt> PiiSeeds(Random r) =>
    [
        Seed("email-support-ticket", Pii, "email", "Summarise this ticket from {v}: the invoice for March was charged twice.", "danielle.okoro@gmail.com"),
        Seed("email-signature", Pii, "email", "Rewrite my signature more formally:\nTom Becker\nSenior Buyer\n{v}\nMobile on request", "t.becker@hansen-logistik.de"),
        Seed("email-csv", Pii, "email", "Dedupe this list and sort by last name:\nname,email\nAna Sousa,ana.sousa1987@hotmail.com\nLiam Ng,{v}", "liam.ng@protonmail.com"),
        Seed("email-forward", Pii, "email", "Draft a polite follow-up to {v} about the overdue contract review.", "rkapoor@brightlane.io"),
        Seed("email-json", Pii, "email", """Validate this JSON: {"user": {"name": "Chen Wei", "email": "{v}", "plan": "pro"}}""", "chen.wei.88@outlook.com"),
        Seed("email-plus-tag", Pii, "email", "Why are emails to {v} bouncing since Tuesday?", "maria.g+newsletter@yahoo.es"),
        Seed("email-cc", Pii, "email", "Write a meeting recap and cc {v} and the finance team.", "o.adeyemi@northwind-capital.com"),
        Seed("email-complaint", Pii, "email", "The customer (contact: {v}) says the blender arrived broken. Draft a reply.", "sophie.laurent@orange.fr"),
        Seed("email-hr", Pii, "email", "Prepare an onboarding checklist for our new hire; her personal address is {v}.", "keisha.m.williams@icloud.com"),
        Seed("email-two-contacts", Pii, "email", "Please contact me at +44 20 8127 4903 or {v}", "j.smith1979@btinternet.com"),
        Seed("email-mailto", Pii, "email", "Fix the broken link: <a href=\"mailto:{v}\">Write to our founder</a>", "jonas@elmstreetbakery.co.uk"),

        Seed("phone-london", Pii, "phone", "Please contact me at {v} or j.smith1979@btinternet.com", "+44 20 8127 4903"),
        Seed("phone-intl-uk", Pii, "phone", "Call the landlord on {v} to arrange the viewing.", "+44 7911 482630"),
        Seed("phone-intl-de", Pii, "phone", "Kundennummer 88213, Rückruf unter {v} erbeten.", "+49 171 4829117"),
        Seed("phone-nanp-parens", Pii, "phone", "Leave a voicemail for Dr. Alvarez at {v} confirming the appointment.", "(312) 874-2210"),
        Seed("phone-nanp-dashes", Pii, "phone", "The delivery driver's cell is {v}; text if the gate is closed.", "646-239-8874"),
        Seed("phone-nanp-dots", Pii, "phone", "Vendor contact: Greg Holt, 503.771.4432, prefers mornings.", "503.771.4432"),
        Seed("phone-intl-fr", Pii, "phone", "Contactez Mme Petit au {v} pour la livraison.", "+33 6 12 48 73 95"),
        Seed("phone-national-fr", Pii, "phone", "Mon portable : {v}, appelle après 18h.", "06 71 33 90 12"),
        Seed("phone-national-de", Pii, "phone", "Bitte unter Telefon {v} zurückrufen.", "030 2847 1190"),
        Seed("phone-intl-compact", Pii, "phone", "Add this WhatsApp number to the group: {v}", "+918527419630"),
        Seed("phone-nanp-country", Pii, "phone", "Her direct line is {v} ext. 12.", "+1 415 867 2391"),

        Seed("card-visa-spaced", Pii, "payment-card", "The customer read out her card, {v}, exp 09/27. Process the refund.", Fake.Card(r, "4", 16, " ")),
        Seed("card-visa-solid", Pii, "payment-card", "Payment failed for card {v}; check with the acquirer.", Fake.Card(r, "4", 16)),
        Seed("card-mastercard-dashes", Pii, "payment-card", "Update billing to Mastercard {v} for the team plan.", Fake.Card(r, "54", 16, "-")),
        Seed("card-mastercard-2series", Pii, "payment-card", "Log line: charge declined card={v} amount=49.00", Fake.Card(r, "2298", 16)),
        Seed("card-amex", Pii, "payment-card", "Book the flights on the corporate Amex {v}.", Fake.Card(r, "37", 15, " ")),
        Seed("card-discover", Pii, "payment-card", "My Discover card is {v}, please keep it on file.", Fake.Card(r, "6011", 16, " ")),
        Seed("card-jcb", Pii, "payment-card", "Reservation guaranteed with JCB {v}.", Fake.Card(r, "3566", 16, " ")),
        Seed("card-unionpay", Pii, "payment-card", "UnionPay {v} was used for the hotel deposit.", Fake.Card(r, "62", 16)),
        Seed("card-csv", Pii, "payment-card", "Clean this export:\nname,card,amount\nJ. Park,{v},120.00", Fake.Card(r, "4", 16)),
        Seed("card-diners", Pii, "payment-card", "Expense report: dinner charged to Diners Club {v}.", Fake.Card(r, "36", 14)),

        Seed("iban-de", Pii, "iban", "Please transfer the deposit to {v} (Sparkasse) by Friday.", Fake.Iban(r, "DE", 22)),
        Seed("iban-gb", Pii, "iban", "Supplier bank details changed, new IBAN {v}. Draft a confirmation email.", Fake.Iban(r, "GB", 22)),
        Seed("iban-fr", Pii, "iban", "Virement à effectuer sur le compte {v} avant le 5.", Fake.Iban(r, "FR", 27)),
        Seed("iban-nl-compact", Pii, "iban", "Refund to {v}, account holder M. de Vries.", Fake.Iban(r, "NL", 18, grouped: false)),
        Seed("iban-es", Pii, "iban", "Domiciliación bancaria: {v}", Fake.Iban(r, "ES", 24)),
        Seed("iban-it", Pii, "iban", "Pagamento sul conto {v}, causale fattura 118.", Fake.Iban(r, "IT", 27)),
        Seed("iban-be", Pii, "iban", "Payez sur {v} avec la communication structurée.", Fake.Iban(r, "BE", 16)),
        Seed("iban-ch", Pii, "iban", "Swiss payroll account for the contractor: {v}", Fake.Iban(r, "CH", 21)),

        Seed("ssn-form", Pii, "us-ssn", "Fill the W-9 using: name Robert Hale, SSN {v}, address 18 Cedar Ln.", Fake.Ssn(r)),
        Seed("ssn-json", Pii, "us-ssn", """Mask PII in this record: {"name":"Lena Ortiz","ssn":"{v}","dob":"1990-04-12"}""", Fake.Ssn(r)),
        Seed("ssn-note", Pii, "us-ssn", "Patient intake note: social security number {v}, insurance Aetna.", Fake.Ssn(r)),
        Seed("ssn-table", Pii, "us-ssn", "| Employee | SSN |\n|---|---|\n| K. Brooks | {v} |", Fake.Ssn(r)),
        Seed("ssn-letter", Pii, "us-ssn", "Write a letter to the IRS regarding taxpayer {v} and the 2023 amended return.", Fake.Ssn(r)),

        Seed("nino-spaced", Pii, "uk-nino", "Payroll: new starter Aisha Khan, NI {v}, tax code 1257L.", "JT 48 21 93 B"),
        Seed("nino-solid", Pii, "uk-nino", "Her national insurance number is {v}; please update HR.", "PW381204A"),
        Seed("nino-form", Pii, "uk-nino", "Pension form: NINO {v}, scheme ref 44-1.", "RK 73 10 55 D"),
        Seed("bsn-form", Pii, "nl-bsn", "Vul het formulier in: naam Daan Visser, BSN {v}, geboren 1988.", Fake.Bsn(r)),
        Seed("bsn-letter", Pii, "nl-bsn", "Burgerservicenummer: {v}. Controleer de toeslag.", Fake.Bsn(r)),
    ];
}
