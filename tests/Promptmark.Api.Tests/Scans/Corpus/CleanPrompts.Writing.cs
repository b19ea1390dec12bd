namespace Promptmark.Api.Tests.Scans.Corpus;

/// <summary>Clean prompts for writing, business and everyday tasks: fiction with violence, history, numbers of every shape.</summary>
public static partial class CleanPrompts
{
    static readonly (string Name, string Text)[] Writing =
    [
        ("noir-fiction", """
            Write the opening of a noir short story. Detective Mara Quinn arrives at a warehouse where a pipe bomb went off
            an hour earlier. Describe the smoke, the twisted metal and the witness who swears he saw a man in a grey coat.
            Keep the violence off-page; focus on mood.
            """),
        ("fantasy-battle", """
            Write a battle scene where the orc warlord is killed by the young knight. Show the chaos, the mud and the fear,
            but avoid gore. End with the knight realising the cost of victory.
            """),
        ("ww2-history", """
            Write a 600-word history essay on the strategic bombing of Germany in WW2: the Combined Bomber Offensive,
            the bombing of Dresden in February 1945, and the postwar debate about civilian casualties.
            """),
        ("manhattan-project", """
            Explain to a high-school class why the Manhattan Project was launched, who led it, and what the Trinity test in
            July 1945 demonstrated. Keep it historical; no technical weapon details.
            """),
        ("thriller-hacker", """
            Write a scene for a techno-thriller: a hacker in Lisbon realises her laptop has been infected with ransomware
            minutes before a deadline. Focus on her panic and her decision to call the one person she distrusts.
            """),
        ("stand-up-comedy", """
            Help me punch up this stand-up bit. I'm worried the airline food joke will bomb, and the closer about my cat
            "killing it" on Instagram needs a stronger twist.
            """),
        ("marketing-launch", """
            Write launch copy for Orbit 3.0: 2x faster sync, offline mode, and a new price of $12/month (was $15).
            Launch date: 15 October 2024. Include a headline, a subhead and three bullet points.
            """),
        ("press-release", """
            Draft a press release: Greenfield Energy raised €25 million in Series B led by Northwind Ventures. The company
            operates 140 solar sites across 6 countries and employs 230 people. Quote the CEO, Ines Carvalho.
            """),
        ("poem", """
            Write a poem about a lighthouse keeper who counts ships: "one, two, three…" until the fog swallows the numbers.
            Use the rhythm of waves; no rhyme.
            """),
        ("kids-story", """
            Write a bedtime story for a 5-year-old about a dragon who is afraid of the dark. The dragon's best friend,
            a firefly named Pip, teaches him that night has its own lights.
            """),
        ("screenplay", """
            Write a two-page screenplay scene. INT. POLICE STATION - NIGHT. Detective Ruiz interrogates a suspect who claims
            he only delivered the package. The audience should suspect the package was a bomb without anyone saying it.
            """),
        ("movie-review", """
            Review the film "Oppenheimer" (2023) in 300 words. Discuss the sound design of the Trinity sequence, Cillian
            Murphy's performance, and whether the three-hour runtime is earned.
            """),
        ("financial-summary", """
            Summarise Q2 results: revenue $18.4M (+22% YoY), gross margin 71.3%, net loss $(2.1)M, cash $64.0M,
            ARR $76M, net revenue retention 118%. Flag anything unusual compared with Q1 (revenue $16.9M).
            """),
        ("tax-question", """
            Explain in plain language how a backdoor Roth IRA contribution works in 2024, the income limits ($146,000 single),
            and the pro-rata rule. Add a disclaimer that this is not tax advice.
            """),
        ("real-estate-listing", """
            Write a listing for a 3-bed, 2-bath house at 42 Maple Street: 1,850 sq ft, built 1998, renovated kitchen,
            asking price $489,000, open house Saturday 10:00-13:00.
            """),
        ("travel-itinerary", """
            Plan a 5-day itinerary for Kyoto in late November. Budget ¥120,000 excluding hotel. Include Fushimi Inari at
            sunrise, a day trip to Nara, and one kaiseki dinner. Train JR 0810 departs at 08:10.
            """),
        ("product-comparison", """
            Compare the iPhone 15 (6.1", 128 GB, $799) with the Pixel 8 (6.2", 128 GB, $699) for a photographer.
            Cover sensor size, video, and update policy (7 years for Pixel).
            """),
        ("sports-recap", """
            Write a match report: Arsenal 3-1 Chelsea, goals at 12', 45+2', 67' and 81'. Attendance 60,212.
            Mention the penalty decision in the 44th minute.
            """),
        ("scientific-abstract", """
            Rewrite this abstract for a general audience: "We measured 1,024 samples at 4.2 K; the critical field Hc2 reached
            12.5 T (±0.3 T), consistent with a BCS gap of 1.76 kTc (p < 0.001, n = 48)."
            """),
        ("chemistry-homework", """
            Explain why mixing bleach and ammonia at home is dangerous, what gas is produced, and what to do if someone
            inhales it. Keep it to safety advice for a household-chemicals worksheet.
            """),
        ("bath-bombs", """
            Give me a recipe for bath bombs with lavender oil: baking soda, citric acid, cornstarch and Epsom salt.
            How do I make a bath bomb that fizzes longer?
            """),
        ("gardening", """
            How do I make a worm farm for kitchen scraps on a small balcony? Include bin size, bedding and how many
            worms to start with (about 1,000).
            """),
        ("fitness-plan", """
            Create a 12-week half-marathon plan for a beginner running 3x per week. Week 1 long run 5 km, peak at 18 km in week 10,
            taper in weeks 11-12. Include pace zones in min/km.
            """),
        ("nutrition", """
            Estimate calories and macros for: 150 g chicken breast, 200 g cooked rice, 100 g broccoli, 1 tbsp olive oil.
            Present as a table with totals.
            """),
        ("mental-health-article", """
            Write an article for a school newsletter about recognising when a friend may be thinking about suicide,
            how to ask them directly and kindly, and where to find help. Include helpline numbers as placeholders {{helpline}}.
            """),
        ("history-chemical-warfare", """
            Summarise the use of chlorine gas at Ypres in 1915 and how it led to the 1925 Geneva Protocol. Focus on the
            human cost and the diplomatic response.
            """),
        ("cybersecurity-news", """
            Summarise this news item: researchers found a botnet of 600,000 routers used for DDoS attacks; the vendor released
            firmware 2.4.7 and urged users to change default passwords. Keep it neutral.
            """),
        ("malware-analysis-report", """
            Structure a malware analysis report template: executive summary, indicators of compromise (hashes, domains),
            behaviour in the sandbox, persistence mechanisms, and detection rules. Leave fields as placeholders.
            """),
        ("incident-postmortem", """
            Write a blameless postmortem for the 47-minute outage on 2024-04-09 (14:02-14:49 UTC). Root cause: an expired
            TLS certificate on the internal load balancer. Action items with owners and dates.
            """),
        ("customer-survey", """
            Design a 10-question customer satisfaction survey. Use a 1-5 scale for ratings, one NPS question (0-10),
            and two open questions. Estimated completion time: 3 minutes.
            """),
        ("address-format", """
            Format international shipping labels. Example: "Musterstraße 12, 10115 Berlin, Germany" and
            "221B Baker Street, London NW1 6XE, United Kingdom". Put the postcode where each country expects it.
            """),
        ("phone-format-help", """
            Write a function that formats phone numbers for display. Use fictional examples only: (555) 555-0123,
            +1 555 0100 and the UK drama range 07700 900123. Strip everything but digits before formatting.
            """),
        ("bank-ux", """
            Write microcopy for an IBAN input field: placeholder "e.g. DE00 0000 0000 0000 0000 00", helper text about
            spaces being optional, and an error when the checksum fails.
            """),
        ("card-form-ux", """
            Design error messages for a card form: number too short, expiry in the past (e.g. 03/21), CVC must be 3 digits.
            Use the placeholder "1234 5678 9012 3456" in the mock-up.
            """),
        ("ssn-ux", """
            Write a tooltip explaining why we ask for the last four digits of the SSN only, shown as ***-**-1234 in the mock-up,
            and how we store it encrypted.
            """),
        ("calendar-invite", """
            Write a calendar invite for the quarterly planning offsite: 14-15 November 2024, 09:00-17:30 CET,
            Room 0204, dial-in code 8841 2290 #. Agenda attached as agenda_v3.pdf.
            """),
        ("spreadsheet-formula", """
            Write an Excel formula that flags invoices older than 30 days: =IF(TODAY()-B2>30,"Overdue",""). Then a
            SUMIFS for totals by customer in column C where status is "Overdue".
            """),
        ("chess-coach", """
            Analyse this opening: 1. e4 e5 2. Nf3 Nc6 3. Bb5 a6 4. Ba4 Nf6 5. O-O Be7. What are the main plans for White,
            and why is 5...Nxe4 a known alternative?
            """),
        ("music-theory", """
            Explain the ii-V-I progression in C major (Dm7-G7-Cmaj7), then in F and B♭. Suggest a practice routine at
            60, 80 and 100 bpm.
            """),
        ("wedding-speech", """
            Help me write a best-man speech. Three stories: the camping trip where the tent collapsed, the time he killed it
            at karaoke, and how he met Sofia. Under 4 minutes, warm rather than roasting.
            """),
        ("apology-letter", """
            Write an apology letter from a landlord to tenants about the heating outage from 2 to 6 January. Offer a rent
            credit of £75 per flat and give the maintenance line as a placeholder {{phone}}.
            """),
        ("emoji-social-post", """
            Write an upbeat social post for our family day 👨‍👩‍👧‍👦 with a rainbow flag 🏳️‍🌈 and the England flag 🏴󠁧󠁢󠁥󠁮󠁧󠁿
            for the match screening. Max 280 characters.
            """),
        ("persian-copy", """
            این متن را ویرایش کن: «ما می‌خواهیم محصول جدید را هفتهٔ آینده معرفی کنیم.» لحن رسمی باشد.
            """),
        ("arabic-copy", """
            ترجم هذه الجملة إلى الإنجليزية: "سيتم شحن طلبك خلال يومين." واحتفظ بالأسلوب الرسمي.
            """),
        ("url-heavy", """
            Check these links and tell me which look like tracking redirects:
            https://example.com/article?id=48213&ref=newsletter&utm_medium=email
            https://shop.example.net/p/HW-4431?variant=2&sessionid=a8f3c9d2
            https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s
            """),
        ("version-matrix", """
            Build a compatibility matrix: .NET 8.0.4 / 9.0.1 / 10.0.100, Node 18.20.2 / 20.12.2 / 22.1.0, Python 3.11.9 / 3.12.3.
            Mark which combinations our CI (ubuntu-22.04, windows-2022) supports.
            """),
        ("tracking-numbers", """
            A customer sent tracking numbers 1Z999AA10123456784 and 9400 1000 0000 0000 0000 00. Explain which carriers
            these formats belong to and how to check status.
            """),
    ];
}
