"""The demo organizations' content, written in this project's own words.

Facts (names, dates, numbers, headings) come from the organizations' public
sites; the stories are fictional and say so. The loader turns these plain
structures into pages, so editing demo text never means touching page code.
"""

import datetime

from . import images
from .community_events import FORUMS

FICTIONAL_NOTE = (
    "<p><em>This is a fictional story written for the demo site. "
    "Any resemblance to real people is coincidental.</em></p>"
)

# NewMexicoKidsCAN's own site lists no important issues, so the demo's are
# invented, and each says so, as the stories do.
ILLUSTRATIVE_ISSUE_NOTE = (
    "<p><em>An illustrative issue written for the demo site, not one of "
    "NewMexicoKidsCAN's published positions.</em></p>"
)


# Both organizations work across New Mexico: each site lists its stories,
# events and partners under the state's regions, as its education and
# planning maps group them, or as statewide or national. (slug, name)
NEW_MEXICO_REGIONS = [
    ("northwest", "Northwest"),
    ("north-central", "North Central"),
    ("northeast", "Northeast"),
    ("central", "Central (Albuquerque metro)"),
    ("southwest", "Southwest"),
    ("southeast", "Southeast"),
    ("statewide", "Statewide"),
    ("national", "National"),
]


def p(*paragraphs):
    """Rich text paragraphs as one body block."""
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def cta(heading, text, page, label):
    """A call to action leading to the page at `page` (a path below the home page)."""
    return (
        "call_to_action",
        {"heading": heading, "text": text, "link": {"page": page, "label": label}},
    )


def heading(text):
    """A section heading (level 2); its anchor is made from its words."""
    return ("heading", {"text": text, "level": "h2", "anchor": ""})


def bullets(items, intro=""):
    """A bulleted list as one rich text block, after an optional sentence leading into it."""
    lead = f"<p>{intro}</p>" if intro else ""
    return ("paragraph", lead + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


# An issue page's sections, in this order (demo/content_es.py has the Spanish ones).
ISSUE_HEADINGS = ("Why it matters", "What we ask for", "What you can do")


def issue_body(note, why, asks_intro, asks, can_do, headings=ISSUE_HEADINGS):
    """An issue page's body: its note, why the issue matters, the policy asks, what readers can do.

    The page's calls to action (its "actions") follow the last section: the
    loader adds them once the pages they lead to exist.
    """
    why_heading, asks_heading, can_do_heading = headings
    return [
        ("paragraph", note),
        heading(why_heading),
        p(*why),
        heading(asks_heading),
        bullets(asks, asks_intro),
        heading(can_do_heading),
        bullets(can_do),
    ]


def figure(picture, caption, alt_text=None):
    """A picture in a page's body: `picture` is an image spec (see PICTURES below).

    Its alt text is the picture's description unless `alt_text` says it
    otherwise: a translation describes it in its own language.
    """
    return (
        "figure",
        {"picture": picture, "alt_text": alt_text or picture[1], "caption": caption},
    )


# The demo's pictures (demo/images.py): (title, alt text saying what is drawn,
# organization, section, and the section's subject where it has several).
# A picture two pages share (an article and the report it announces) is named once.
ALLIANCE_HERO = (
    "Neighbors in a circle under a wide sky",
    "Illustration: neighbors sitting in a circle around a table on open land, under a wide "
    "teal sky with mesas and a low sun.",
    images.ALLIANCE,
    "hero",
)
KIDSCAN_HERO = (
    "A school house and rising bars",
    "Illustration: a school house beside five bars that rise to an arrow, in orange, gold and "
    "white on deep navy.",
    images.KIDSCAN,
    "hero",
)
MARISOL_PORTRAIT = (
    "Marisol among the club's books",
    "Illustration: a teacher with her hair in a bun, in front of shelves full of colorful books.",
    images.ALLIANCE,
    "story",
    "teacher",
)
ORTEGA_PORTRAIT = (
    "The Ortega family at their ranch",
    "Illustration: a father in a cowboy hat, a mother and their child by a ranch fence, a "
    "windmill behind them.",
    images.ALLIANCE,
    "story",
    "family",
)
PUEBLO_PORTRAIT = (
    "An elder and a child at the pueblo",
    "Illustration: an elder and a child in front of stepped adobe buildings with a ladder, "
    "under a low sun.",
    images.ALLIANCE,
    "story",
    "elders",
)
ESSA_REPORT_COVER = (
    "ESSA feedback report cover",
    "Illustration: a report cover with a teal title band and a bar chart, lying on a desk.",
    images.ALLIANCE,
    "report",
)
PARENT_SURVEY_COVER = (
    "Parent survey report cover",
    "Illustration: a report cover with a red-orange title band and a bar chart, on navy and "
    "orange.",
    images.KIDSCAN,
    "report",
)
FORUM_MAP = (
    "Map of the six ESSA forums",
    "Map of New Mexico with a pin in each of the six regions that held a forum, and the Rio "
    "Grande running down the middle.",
    images.ALLIANCE,
    "figure",
    "forum-map",
)
PILLAR_ICONS = (
    "The four pillars as icons",
    "Four round icons: an open book, people sitting in a circle, a network of connected dots, "
    "and three people arm in arm.",
    images.ALLIANCE,
    "figure",
    "pillars",
)
PARENTS_CHART = (
    "Parents' voices and rising bars",
    "Illustration: a parent and a child with speech bubbles, beside bars that rise to an arrow.",
    images.KIDSCAN,
    "figure",
    "parents-chart",
)

# Each issue page's icon (demo/images.py: ICONS) and what it shows, by the issue's slug.
ISSUE_ICONS = {
    "right-education": ("school", "a school house with a flag on its bell tower"),
    "tutoring-and-care": ("family", "two grown-ups and a child under a heart"),
    "connected-learning": ("network", "a network of connected dots"),
    "right-to-know": ("magnifier", "a magnifying glass over the bars of a chart"),
    "career-paths": ("path", "a road winding away to a flag"),
    "early-literacy": ("book", "an open book"),
    "high-dosage-tutoring": ("group", "three students and a tutor at a table, under a clock"),
    "school-accountability": ("checklist", "a clipboard with three ticked boxes"),
    "teacher-recruitment": ("megaphone", "a megaphone sending out sound waves"),
    "career-pathways": ("stairs", "steps climbing to a star"),
}


def issue_picture(title, slug):
    """The picture of the issue page `slug`: its icon in a badge, in KidsCAN's colors."""
    motif, shown = ISSUE_ICONS[slug]
    alt_text = f"Illustration: {shown}, in a round badge beside bold diagonal stripes."
    return (f"{title} (icon)", alt_text, images.KIDSCAN, "issue", motif)


def forum_cards(heading, intro, spanish=False):
    """The six ESSA forums (demo/community_events.py) as cards, each linking its event page."""
    cards = [
        {
            "title": title_es if spanish else title,
            "text": venue_es if spanish else venue,
            "link": {"page": f"events/{slug}", "label": ""},
        }
        for slug, _region, title, venue, _date, _slug_es, title_es, venue_es in FORUMS
    ]
    return ("card_list", {"heading": heading, "intro": intro, "numbered": False, "cards": cards})


ALLIANCE = {
    "hostname": "localhost",
    "is_default_site": True,
    "site_name": "Learning Alliance of New Mexico",
    "settings": {
        "organization_name": "Learning Alliance of New Mexico",
        # Calm and civic: deep teal and slate with warm sand, a serif voice.
        "brand_color": "#0b5d66",
        "secondary_color": "#24324f",
        "accent_color": "#e6b566",
        "surface_color": "#f4efe6",
        "font_pairing": "civic",
        "hero_style": "photo",
        "contact_email": "info@learningalliance.example",
    },
    "logo_mark": "alliance",
    "tagline": "Working together for an education sector that serves every community.",
    "logo": ("Learning Alliance logo", "LA"),
    "regions": NEW_MEXICO_REGIONS,
    "topics": [
        (
            "ESSA",
            "essa",
            "The federal Every Student Succeeds Act and how New Mexico carries it out.",
        ),
        ("State plan", "state-plan", "New Mexico's plan for meeting ESSA's requirements."),
        (
            "Community input",
            "community-input",
            "How families, teachers and communities shape policy.",
        ),
        ("Surveys", "surveys", "Questionnaires that gather New Mexicans' views."),
        ("Forums", "forums", "Public meetings where people speak with decision makers."),
    ],
    # People named on the site, by a key the pages below use. Authors are the
    # organization's teams (the public site names no staff); story subjects are
    # the fictional people of the fictional stories.
    "people": {
        "alliance-policy": {
            "name": "Learning Alliance of New Mexico",
            "role": "Policy team",
            "bio": (
                "Follows state and federal education policy, from ESSA to New Mexico's own plans, "
                "and explains what each change means for schools and families."
            ),
        },
        "alliance-community": {
            "name": "Learning Alliance of New Mexico",
            "role": "Community engagement team",
            "bio": (
                "Runs webinars, learning circles and community conversations, and makes sure "
                "what families and educators say reaches the people who decide."
            ),
        },
        "marisol": {
            "name": "Marisol",
            "role": "Fourth-grade teacher in Gallup",
            "bio": "Started an after-school reading club that her students turned into a library.",
            "photo": MARISOL_PORTRAIT,
        },
        "ortega": {
            "name": "Ortega",
            "role": "A ranching family near Roswell",
            "bio": "Asked their school board to meet where rural families could reach it.",
            "photo": ORTEGA_PORTRAIT,
        },
    },
    "home": {
        "title": "Learning Alliance of New Mexico",
        "slug": "learning-alliance",
        "hero_heading": "The best education in the world, for every New Mexico child",
        "hero_text": (
            "We bring together families, educators, leaders and communities so that every "
            "student leaves high school ready for whatever they choose next."
        ),
        "hero_image": ALLIANCE_HERO,
        "hero_link": "mission",
        "hero_link_label": "Read our mission",
        "news_heading": "Recent Articles and News",
        "stories_heading": "Stories in Learning New Mexico",
        "body": [
            (
                "call_to_action",
                {
                    "heading": "Have your say on the ESSA state plan",
                    "text": "The state wants to hear from families and educators before the plan is final.",
                    "link": {
                        "page": "news/share-feedback-essa-state-plan",
                        "label": "How to give feedback",
                    },
                },
            ),
            # The take-action section (demo/community_campaigns.py) exists by the time
            # the home page is finished.
            cta(
                "Ask for more time to comment",
                "Families in every region should be able to read the draft plan and respond. "
                "Add your name to our letter to the Public Education Department.",
                "take-action/extend-essa-comment-period",
                "Add your name",
            ),
        ],
    },
    "pages": [
        {
            "type": "vision",
            "title": "Vision",
            "slug": "vision",
            "statement": (
                "Every child in New Mexico can reach the best education in the world, "
                "and it prepares them to succeed for the rest of their lives."
            ),
            "body": [
                p(
                    "We believe every student should finish high school with real choices in front "
                    "of them, whatever their race, culture, academic ability, home town or family income.",
                    "Graduates should be ready to play a full part in their communities, in the "
                    "workplace, and in the many nations and cultures that make up New Mexico.",
                    "No single organization can get there alone. We work alongside others who share this goal.",
                ),
            ],
        },
        {
            "type": "mission",
            "title": "Mission",
            "slug": "mission",
            "statement": (
                "An education sector in New Mexico that is effective, rooted in its communities "
                "and able to transform students' lives."
            ),
            "pillars_heading": "Learning Alliance fulfills its mission by providing the following:",
            "pillars": [
                (
                    "Trustworthy Information",
                    "Credible research, resources and data analysis that help leaders and reform "
                    "efforts make better decisions.",
                ),
                (
                    "Learning Opportunities",
                    "Webinars, learning circles and leadership development on the education issues "
                    "that matter, for decisions in schools, districts and the state.",
                ),
                (
                    "Dynamic Networks",
                    "Growing and mobilizing networks around shared agendas and values, so that "
                    "people themselves build the will for the change they want to see.",
                ),
                (
                    "Collective Leadership and Collective Impact",
                    "Coordinated strategies that improve education and take on the issues "
                    "communities care about most.",
                ),
            ],
            "body": [
                figure(PILLAR_ICONS, "Information, learning, networks and collective leadership.")
            ],
        },
        {
            "type": "story_index",
            "title": "Stories",
            "slug": "stories",
            "introduction": (
                "Students, families, teachers and communities across New Mexico, in their own words. "
                "The stories on this demo site are fictional."
            ),
            "children": [
                {
                    "title": "A reading club that grew a library",
                    "slug": "reading-club-library",
                    "subject": "Marisol, a fourth-grade teacher",
                    "region": "northwest",
                    "subjects": ["marisol"],
                    "topics": ["community-input"],
                    "pull_quote": "The kids decided what we read. Attendance took care of itself.",
                    "summary": "A Gallup teacher's after-school club turned into a lending library run by students.",
                    "image": MARISOL_PORTRAIT,
                    "body": [
                        p(
                            "When Marisol started a reading club in her classroom, six students came. "
                            "By spring there were forty, and the club had outgrown its shelf.",
                            "Parents donated books, a local business gave a bookcase, and the students now "
                            "run a lending library with their own checkout cards.",
                        ),
                        (
                            "quote",
                            {
                                "quote": "I never thought I would be the one recommending books.",
                                "attribution": "Club member, age 10",
                            },
                        ),
                    ],
                },
                {
                    "title": "Bringing the school board to the ranch",
                    "slug": "school-board-ranch",
                    "subject": "The Ortega family",
                    "region": "southeast",
                    "subjects": ["ortega"],
                    "topics": ["community-input", "forums"],
                    "pull_quote": "We live an hour from the district office. So we asked the meeting to come to us.",
                    "summary": "A ranching family near Roswell helped their district hold meetings where rural parents could reach them.",
                    "image": ORTEGA_PORTRAIT,
                    "body": [
                        p(
                            "For the Ortegas, a school board meeting meant a two-hour round trip on a weeknight. "
                            "Most of their neighbors had simply stopped going.",
                            "They asked the board to meet once a term in the community center nearer the ranches. "
                            "The first meeting there drew more parents than the previous year's meetings combined.",
                        ),
                    ],
                },
                {
                    "title": "A pueblo community writes its own curriculum",
                    "slug": "pueblo-curriculum",
                    "subject": "Elders and teachers of a northern pueblo",
                    "region": "north-central",
                    "subjects": [],
                    "topics": ["community-input"],
                    "pull_quote": "Our children should see their language and history in their schoolwork.",
                    "summary": "Elders and teachers worked together on lessons that teach the community's language and history.",
                    "image": PUEBLO_PORTRAIT,
                    "body": [
                        p(
                            "Over two years, elders met teachers every month to record stories, songs and place names.",
                            "The lessons they built now run in two elementary grades, taught partly in the "
                            "community's own language.",
                        ),
                    ],
                },
            ],
        },
        {
            "type": "news_index",
            "title": "News",
            "slug": "news",
            "introduction": "Updates on education policy in New Mexico, and ways to take part.",
            "children": [
                {
                    "title": "Share your feedback with NMPED on the proposed ESSA state plan",
                    "slug": "share-feedback-essa-state-plan",
                    "publication_date": datetime.date(2017, 3, 14),
                    "summary": (
                        "The Public Education Department has published its proposed ESSA plan. Read it "
                        "and tell the department what you think, by survey or by email."
                    ),
                    "topics": ["essa", "state-plan", "community-input", "surveys"],
                    "authors": ["alliance-policy"],
                    "image": (
                        "Comments on the draft plan",
                        "Illustration: the pages of a draft plan with comment bubbles beside them.",
                        images.ALLIANCE,
                        "news",
                        "feedback",
                    ),
                    "body": [
                        p(
                            "New Mexico's draft plan for the Every Student Succeeds Act is open for comment. "
                            "It sets out how the state will measure schools, support those that struggle and "
                            "report to families.",
                            "You can respond through the department's online survey or by writing to it "
                            "directly by email. Comments from parents and teachers carry real weight at this stage.",
                            'Email the department at <a href="mailto:ESSA.NMRising@state.nm.us">'
                            "ESSA.NMRising@state.nm.us</a>: say which part of the plan you are writing about "
                            "and how it would affect your school.",
                        ),
                    ],
                    # Built once the survey exists (demo/loader.py: link_article_actions).
                    "actions": [
                        cta(
                            "Prefer a survey?",
                            "A few questions, in English or Spanish, about what the plan should do.",
                            "nm-first-survey",
                            "Take the survey",
                        ),
                    ],
                },
                {
                    "title": "ESSA Stakeholder Feedback Report Released",
                    "slug": "essa-stakeholder-feedback-report",
                    "publication_date": datetime.date(2017, 1, 24),
                    "summary": (
                        "More than 4,000 New Mexicans took part in a locally designed process on ESSA. "
                        "The report sets out what they said."
                    ),
                    "topics": ["essa", "community-input"],
                    "authors": ["alliance-policy", "alliance-community"],
                    "image": ESSA_REPORT_COVER,
                    "body": [
                        p(
                            "Over 4,000 people across the state shared their views on how New Mexico should "
                            "carry out ESSA, through a process designed here rather than handed down.",
                            "The report groups their answers by theme and region so that decision makers can "
                            "see where communities agree and where they differ.",
                        ),
                        (
                            "statistic",
                            {
                                "figure": "4,000+",
                                "label": "New Mexicans shared their input on ESSA",
                                "source": "ESSA stakeholder feedback report",
                            },
                        ),
                    ],
                    "actions": [
                        cta(
                            "Read what New Mexicans said",
                            "The full report, its key findings and the file to download.",
                            "reports/essa-stakeholder-feedback-report",
                            "Read the report",
                        ),
                    ],
                },
                {
                    "title": "Share your input on ESSA through NM First survey",
                    "slug": "nm-first-essa-survey",
                    "publication_date": datetime.date(2016, 11, 2),
                    "summary": "A short survey, in English and Spanish, asks New Mexicans what ESSA should mean for their schools.",
                    "topics": ["essa", "surveys"],
                    "authors": ["alliance-community"],
                    "image": (
                        "A survey on a clipboard",
                        "Illustration: a clipboard survey with ticked answers, a pencil and two "
                        "speech bubbles.",
                        images.ALLIANCE,
                        "news",
                        "survey",
                    ),
                    "body": [
                        p(
                            "The survey takes a few minutes and is available in English and in Spanish.",
                            "Every answer feeds into the picture of what families and educators want from the "
                            "state's ESSA plan.",
                        ),
                        (
                            "accordion",
                            {
                                "heading": "Questions about the survey",
                                "items": [
                                    {
                                        "question": "Who can take the survey?",
                                        "answer": "<p>Anyone who lives in New Mexico: families, "
                                        "students, educators and neighbors.</p>",
                                    },
                                    {
                                        "question": "Can I answer in Spanish?",
                                        "answer": "<p>Yes. Every question is in English and "
                                        "in Spanish.</p>",
                                    },
                                ],
                            },
                        ),
                    ],
                    "actions": [
                        cta(
                            "Answer the survey",
                            "It takes a few minutes, and every answer is read.",
                            "nm-first-survey",
                            "Take the survey",
                        ),
                    ],
                },
                {
                    "title": "ESSA Community Forums",
                    "slug": "essa-community-forums",
                    "publication_date": datetime.date(2016, 9, 20),
                    "summary": (
                        "The New Mexico Public Education Department is holding ESSA community forums in six "
                        "regions of the state, starting in Gallup in October."
                    ),
                    "topics": ["essa", "forums", "community-input"],
                    "authors": ["alliance-community"],
                    "image": (
                        "A community forum from the back row",
                        "Illustration: rows of people seen from behind, facing a speaker at a "
                        "lectern and a bar chart on an easel.",
                        images.ALLIANCE,
                        "news",
                        "meeting",
                    ),
                    "body": [
                        p(
                            "Forums will take place in six regions so that people can speak in person about "
                            "the state's plans. The first is in Gallup in October.",
                            "Come with questions and ideas: the department is listening before it writes its plan.",
                        ),
                        figure(FORUM_MAP, "Six forums, one in each region of the state."),
                    ],
                    "actions": [
                        forum_cards(
                            "The six forums", "Each forum's date, place and how to take part."
                        )
                    ],
                },
            ],
        },
        {
            "type": "standard",
            "title": "About us",
            "slug": "about",
            "introduction": "The Learning Alliance of New Mexico connects people who want better schools for every child.",
            "body": [
                p(
                    "We share research, host learning opportunities and build networks so that New Mexico's "
                    "education leaders can act together."
                )
            ],
        },
        {
            "type": "standard",
            "title": "Contact",
            "slug": "contact",
            "introduction": "We would like to hear from you.",
            "body": [
                p("Write to us at info@learningalliance.example and we will answer within a week.")
            ],
        },
        {
            "type": "standard",
            "title": "Privacy",
            "slug": "privacy",
            "show_in_menus": False,
            "introduction": "What we collect when you visit this site, and why.",
            "body": [
                p(
                    "This site sets no tracking cookies. Our web server keeps standard access logs for "
                    "security for up to 30 days."
                )
            ],
        },
    ],
}


# The five promises of the 50CAN network: (title, slug, one line). Each is a
# topic pages are filed under and an issue page gathering them.
PROMISES = [
    (
        "The education that's right for you",
        "right-education",
        "Schools and programs that fit each child, not the other way round.",
    ),
    (
        "Tutoring and care for every student",
        "tutoring-and-care",
        "Extra help and support for any student who needs it.",
    ),
    (
        "A world of open and connected learning",
        "connected-learning",
        "Learning that reaches beyond the classroom walls.",
    ),
    (
        "A family's right to know what's working",
        "right-to-know",
        "Clear, honest information about how schools are doing.",
    ),
    (
        "A clear path to the career you choose",
        "career-paths",
        "Routes from school into work that students can see and follow.",
    ),
]

# The policy issues the home page's "Important Issues" list names; each also
# has its own issue page, beside the promises.
IMPORTANT_ISSUES = [
    (
        "Early literacy",
        "early-literacy",
        "Every child reading confidently by the end of third grade.",
    ),
    (
        "High-dosage tutoring",
        "high-dosage-tutoring",
        "Frequent, small-group tutoring for students who have fallen behind.",
    ),
    (
        "School accountability",
        "school-accountability",
        "Public reporting that tells families how their school is doing.",
    ),
    (
        "Teacher recruitment",
        "teacher-recruitment",
        "Bringing more New Mexicans into teaching, and keeping them there.",
    ),
    (
        "Career pathways",
        "career-pathways",
        "Work-based learning and credentials that lead to good jobs.",
    ),
]

# The promises are 50CAN's; what NewMexicoKidsCAN asks for under each is not
# published, so the demo's asks are invented and say so, as the issues do.
PROMISE_NOTE = (
    "<p><em>This promise is one of the five the 50CAN network makes to children. The policy "
    "asks on this page are illustrative, written for the demo site, not NewMexicoKidsCAN's "
    "published positions.</em></p>"
)

# KidsCAN's contact address (its site settings), which issue pages invite readers to write to.
KIDSCAN_EMAIL = "hello@kidscan.example"
WRITE_TO_US = f'<a href="mailto:{KIDSCAN_EMAIL}">{KIDSCAN_EMAIL}</a>'

# Every issue page ends by offering the newsletter (demo/community_newsletter.py).
FOLLOW_THE_ISSUE = cta(
    "Follow this issue with us",
    "News from NewMexicoKidsCAN about twice a month: new research, what is happening at the "
    "Roundhouse, and when your voice counts most.",
    "newsletter",
    "Sign up for the newsletter",
)
READ_THE_PARENT_SURVEY = "reports/parent-survey-second-edition"

# Each issue page's body and its calls to action, by slug: the five promises, then the
# important issues. Paths in the actions are pages of the KidsCAN site.
ISSUE_PAGES = {
    "right-education": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Children learn in different ways and at different speeds. One thrives in a "
                "dual-language classroom, another in a small school, a career academy or an "
                "online course that her own town cannot offer.",
                "Too often, the school a child attends is decided by the family's address. "
                "Families who can afford to move have choices; families in small towns, on "
                "tribal lands or on tight budgets mostly do not. Every New Mexico family should "
                "be able to find a public school or program that fits their child.",
            ],
            asks_intro="We ask state and district leaders to:",
            asks=[
                "Publish every public school and program a family can choose, with how and "
                "when to apply, in one place, in English and in Spanish.",
                "Let funding follow each student to the public school or program that serves "
                "them best.",
                "Open the courses a small school cannot staff, such as advanced math or a Native "
                "language, to its students through partner schools and online classes.",
            ],
            can_do=[
                "<b>Parents:</b> ask your school and your district which options are open to "
                "your child, and when the deadlines are.",
                "<b>Legislators and their staff:</b> ask how many families in your district "
                "applied for a school or program of their choice, and how many got it.",
                "<b>Everyone:</b> tell us how your family found the right school, or why it "
                f"could not, at {WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "What parents told us",
                "Our survey of New Mexico parents, made with 50CAN and Edge Research, puts "
                "families' voices at the center.",
                READ_THE_PARENT_SURVEY,
                "Read the parent survey",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "tutoring-and-care": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "A student who falls behind in reading or math rarely catches up alone. The "
                "right help, given early and often, changes that: a tutor who knows the child, "
                "a counselor who notices, a school nurse, a meal before class.",
                "Today that help depends too much on luck: on whether a family can pay for it, "
                "or whether a school happens to have the staff. Every student who needs extra "
                "help should get it, wherever they go to school.",
            ],
            asks_intro="We ask the Legislature and the Public Education Department to:",
            asks=[
                "Pay for tutoring during the school day for every student who is behind, not "
                "only for those whose families can afford it.",
                "Put a counselor, a nurse and a social worker within reach of every school, "
                "shared among small districts where needed.",
                "Tell each family, in their language, what help their child is getting and "
                "whether it is working.",
            ],
            can_do=[
                "<b>Parents:</b> if your child is struggling, ask the school in writing what "
                "extra help is available and how progress will be measured.",
                "<b>Legislators and their staff:</b> visit a school in your district during "
                "its tutoring time, and ask what it would take to reach every student who "
                "needs it.",
                "<b>Everyone:</b> tell us what help made a difference for a child you know, at "
                f"{WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "How tutoring works best",
                "What we ask for high-dosage tutoring: frequent, in small groups and during the "
                "school day.",
                "issues/high-dosage-tutoring",
                "Read about high-dosage tutoring",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "connected-learning": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Learning does not stop at the classroom door. Libraries, museums, internships, "
                "online courses, a grandmother's stories and the land itself all teach, and the "
                "best schools connect students to them.",
                "But a student without a reliable internet connection or a working device at "
                "home is cut off from much of that world. In many rural and tribal communities "
                "of New Mexico, that is still a family's daily reality.",
            ],
            asks_intro="We ask state leaders, districts and their partners to:",
            asks=[
                "Make sure every student who needs one has a device and a reliable internet "
                "connection at home, not only at school.",
                "Give credit for learning that happens outside school: internships, online "
                "courses, and community and cultural programs.",
                "Build partnerships between schools, libraries, tribes and pueblos, and local "
                "employers.",
            ],
            can_do=[
                "<b>Parents:</b> ask your school what it offers beyond the classroom, and tell "
                "it if your child cannot get online at home.",
                "<b>Legislators and their staff:</b> ask which schools in your district still "
                "have students with no connection at home.",
                "<b>Everyone:</b> tell us about a library, museum or program that opened up "
                f"learning for a student, at {WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "Learning that leads to work",
                "Internships and credentials that connect school to a career.",
                "issues/career-pathways",
                "Read about career pathways",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "right-to-know": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Parents make decisions about their children's education every year: which "
                "school to choose, when to ask for help, what to push for. They can only decide "
                "well with clear, honest information about how their child is doing and how "
                "the school is doing.",
                "That information is too often late, hard to find or written for specialists. "
                "It should be plain, on time and in the language a family speaks at home. That "
                "is why our statewide survey asks parents themselves what they see.",
            ],
            asks_intro="We ask the Public Education Department and every district to:",
            asks=[
                "Publish school report cards a parent can read in five minutes, on a phone, in "
                "English and in Spanish.",
                "Send each family its child's test results in time to act on them, before the "
                "next school year begins.",
                "Report, school by school, what is spent, which teaching jobs are empty and how "
                "much students grow.",
            ],
            can_do=[
                "<b>Parents:</b> ask for your child's latest results and what they mean; you "
                "have a right to them.",
                "<b>Legislators and their staff:</b> check whether the schools in your "
                "district publish their results where families can find them.",
                "<b>Everyone:</b> tell us what you wish you knew about your school, at "
                f"{WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "Hear from New Mexico parents",
                "The second edition of our parent survey shows where confidence is growing, "
                "where gaps remain and where action is most urgent.",
                READ_THE_PARENT_SURVEY,
                "Read the parent survey",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "career-paths": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Students work harder when they can see where school leads. Too many finish "
                "high school without knowing which courses open which doors, or which jobs are "
                "waiting for them in New Mexico.",
                "A clear path means knowing the options early, trying out work while still in "
                "school, and leaving with credits and credentials that count, whether the next "
                "step is college, an apprenticeship or a job.",
            ],
            asks_intro="We ask state leaders, schools and employers to:",
            asks=[
                "Offer career advising from middle school on, with a plan each student and "
                "family can see and update.",
                "Expand dual-credit courses and industry credentials that count with colleges "
                "and employers.",
                "Create paid internships and apprenticeships with New Mexico employers.",
            ],
            can_do=[
                "<b>Parents:</b> ask your child's school which dual-credit courses and "
                "credentials it offers, and start the conversation in middle school.",
                "<b>Legislators and their staff:</b> bring the employers and schools of your "
                "district together around the jobs your community needs.",
                f"<b>Employers:</b> tell us you would host a student intern, at {WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "Career pathways in practice",
                "Work-based learning and credentials that lead to good jobs.",
                "issues/career-pathways",
                "Read about career pathways",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "early-literacy": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "The end of third grade is a turning point. Until then, children learn to read; "
                "after it, they read to learn. A child who is not reading confidently by then "
                "struggles in every subject that follows.",
                "Many New Mexico children grow up speaking Spanish or a Native language at "
                "home. Good reading instruction builds on those languages instead of treating "
                "them as a problem.",
            ],
            asks_intro="We ask the Legislature and the Public Education Department to:",
            asks=[
                "Teach reading the way research shows children learn, with training and "
                "coaching for every teacher from kindergarten to third grade.",
                "Screen every young child's reading early, and tell families the results and "
                "the plan in their language.",
                "Support reading in Spanish and in Native languages, so that being bilingual "
                "counts as the strength it is.",
            ],
            can_do=[
                "<b>Parents:</b> ask your child's teacher how reading is taught and how your "
                "child is doing, and read together at home, in any language.",
                "<b>Legislators and their staff:</b> ask your district how many of its "
                "teachers have been trained to teach reading, and what they still need.",
                "<b>Everyone:</b> tell us about a reading program that works in your "
                f"community, at {WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "Help for children who fall behind",
                "Tutoring several times a week, in small groups, during the school day.",
                "issues/high-dosage-tutoring",
                "Read about tutoring",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "high-dosage-tutoring": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "Not all tutoring is the same. The kind that helps students catch up is "
                "frequent, several sessions a week; in small groups of a few students; during "
                "the school day; and with the same trained tutor, who gets to know each child.",
                "Occasional homework help after school rarely reaches the students who need it "
                "most. Tutoring built into the school day does.",
            ],
            asks_intro="We ask the Legislature and every district to:",
            asks=[
                "Fund tutoring during the school day steadily, year after year, instead of "
                "through one-time grants.",
                "Recruit and train tutors from the community: college students, retirees and "
                "educational assistants.",
                "Measure whether tutored students catch up, and publish the results.",
            ],
            can_do=[
                "<b>Parents:</b> ask whether your child's school offers tutoring during the "
                "school day, and how often.",
                "<b>Legislators and their staff:</b> ask which schools in your district offer "
                "tutoring of this kind, and how many students it reaches.",
                f"<b>Would-be tutors:</b> tell us you would like to help, at {WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "The promise behind this issue",
                "Tutoring and care for every student: extra help and support for any student "
                "who needs it.",
                "issues/tutoring-and-care",
                "Read the promise",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "school-accountability": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "Public schools spend public money on children's futures. Families and "
                "taxpayers have a right to know which schools are helping students grow, and "
                "which need help.",
                "Accountability is not about punishing schools. It is how the state learns "
                "where to send support, and how families know whether that support is working.",
            ],
            asks_intro="We ask the Public Education Department and the Legislature to:",
            asks=[
                "Rate schools in a way that weighs how much students grow, not only where they "
                "start, and that parents can understand.",
                "Give schools that struggle year after year real support and a clear timeline, "
                "with families taking part.",
                "Publish the ratings on time every year, in English and in Spanish.",
            ],
            can_do=[
                "<b>Parents:</b> look up your school's rating, and ask your principal what the "
                "school is doing about it.",
                "<b>Legislators and their staff:</b> ask how the schools in your district are "
                "rated, and what support the lowest-rated ones are getting.",
                "<b>Everyone:</b> tell us whether your school's report card told you what you "
                f"needed to know, at {WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "Our parent survey, second edition",
                "What New Mexico parents told us about their children's schools, beside parents "
                "across the country.",
                "news/parent-survey-second-edition",
                "Read the article",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "teacher-recruitment": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "No policy matters more than the adult at the front of the classroom. When "
                "teaching jobs go unfilled, students spend the year with one substitute after "
                "another, or in crowded classes.",
                "The shortage is hardest in rural districts and in subjects such as special "
                "education, bilingual education, math and science. Many people who would make "
                "good teachers, among them educational assistants, career changers and young "
                "people from the community, find the road into teaching slow and costly.",
            ],
            asks_intro="We ask the Legislature, the Public Education Department and colleges to:",
            asks=[
                "Fund paid residencies and grow-your-own programs that help educational "
                "assistants and local graduates become teachers.",
                "Pay teachers well, with more for the schools and subjects that are hardest to "
                "staff.",
                "Give every new teacher a mentor for their first two years.",
            ],
            can_do=[
                "<b>Parents:</b> thank a teacher, and ask your school board how many teaching "
                "jobs in your district are empty.",
                "<b>Legislators and their staff:</b> ask your local colleges and districts what "
                "stands in the way of people in your community becoming teachers.",
                "<b>Future teachers:</b> tell us what would help you into the classroom, at "
                f"{WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "Teachers and early reading",
                "What we ask for so that every child reads confidently by the end of third grade.",
                "issues/early-literacy",
                "Read about early literacy",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "career-pathways": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "Work-based learning and recognized credentials help students see why school "
                "matters, and let them leave with something employers value.",
                "New Mexico's employers, from health care to construction and technology, need "
                "skilled workers, and young people should be able to find good work close to "
                "home.",
            ],
            asks_intro="We ask state leaders, schools and employers to:",
            asks=[
                "Let students earn industry credentials and college credit in high school, at "
                "no cost to their families.",
                "Help employers and schools build internships and apprenticeships together.",
                "Follow where graduates go, to college, training or work, and publish it.",
            ],
            can_do=[
                "<b>Students and parents:</b> ask your school counselor which credentials and "
                "internships are open to you.",
                "<b>Legislators and their staff:</b> ask the employers in your district which "
                "skills they cannot find, and share the answer with your schools.",
                f"<b>Employers:</b> tell us you would take part, at {WRITE_TO_US}.",
            ],
        ),
        "actions": [
            cta(
                "The promise behind this issue",
                "A clear path to the career you choose: routes from school into work that "
                "students can see and follow.",
                "issues/career-paths",
                "Read the promise",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
}

KIDSCAN = {
    "hostname": "kidscan.localhost",
    "is_default_site": False,
    "site_name": "NewMexicoKidsCAN",
    "settings": {
        "organization_name": "NewMexicoKidsCAN",
        # Bold and urgent: red-orange and navy with golden yellow, a grotesque voice.
        "brand_color": "#b8360a",
        "secondary_color": "#13213c",
        "accent_color": "#fbbf3c",
        "surface_color": "#fff5e8",
        "font_pairing": "bold",
        "hero_style": "band",
        "contact_email": "hello@kidscan.example",
    },
    "logo_mark": "kidscan",
    "tagline": "Part of the 50CAN network. Believe in better.",
    "logo": ("NewMexicoKidsCAN logo", "KC"),
    # The five promises are the topics its pages are filed under.
    "regions": NEW_MEXICO_REGIONS,
    "topics": PROMISES + IMPORTANT_ISSUES,
    "people": {
        "kidscan-research": {
            "name": "NewMexicoKidsCAN",
            "role": "Research team",
            "bio": (
                "Puts parents' voices at the center of our work, from the statewide parent survey "
                "made with 50CAN and Edge Research to the policies we argue for."
            ),
        },
    },
    "home": {
        "title": "NewMexicoKidsCAN",
        "slug": "kidscan",
        "hero_heading": "Welcome to NewMexicoKidsCAN",
        "hero_text": (
            "Since we were founded in 2018, we have pushed for education policies and practices that "
            "help students grow into the community, civic and business leaders our state needs."
        ),
        "hero_image": KIDSCAN_HERO,
        "hero_link": "mission",
        "hero_link_label": "What we stand for",
        "news_heading": "Latest news",
        "stories_heading": "",
        "body": [
            # Chosen, not retyped: the block shows the report page's own title, summary and file.
            (
                "featured_report",
                {"report": "reports/parent-survey-second-edition", "label": ""},
            ),
            (
                "card_list",
                {
                    "heading": "Believe in Better",
                    "intro": (
                        "We belong to 50CAN, a network of local advocacy campaigns in states from Hawaii to "
                        "Georgia and Connecticut to Louisiana. Together we make five promises to children."
                    ),
                    "numbered": True,
                    "cards": [
                        {
                            "title": "The education that's right for you",
                            "link": {"page": "issues/right-education", "label": ""},
                            "text": "Schools and programs that fit each child, not the other way round.",
                        },
                        {
                            "title": "Tutoring and care for every student",
                            "link": {"page": "issues/tutoring-and-care", "label": ""},
                            "text": "Extra help and support for any student who needs it.",
                        },
                        {
                            "title": "A world of open and connected learning",
                            "link": {"page": "issues/connected-learning", "label": ""},
                            "text": "Learning that reaches beyond the classroom walls.",
                        },
                        {
                            "title": "A family's right to know what's working",
                            "link": {"page": "issues/right-to-know", "label": ""},
                            "text": "Clear, honest information about how schools are doing.",
                        },
                        {
                            "title": "A clear path to the career you choose",
                            "link": {"page": "issues/career-paths", "label": ""},
                            "text": "Routes from school into work that students can see and follow.",
                        },
                    ],
                },
            ),
            (
                "issue_list",
                {
                    "heading": "Important Issues",
                    "intro": "The policy questions we work on with families, educators and lawmakers.",
                    # Each issue's own page, whose title and summary the list shows.
                    "issues": [f"issues/{slug}" for _title, slug, _summary in IMPORTANT_ISSUES],
                },
            ),
            # The bill tracker (demo/community_bills.py) exists by the time the home page is
            # finished; the block shows each bill as its page stands.
            (
                "watched_bills",
                {
                    "heading": "Bills we are watching",
                    "intro": (
                        "Fictional examples from our demo bill tracker: what each bill would do, "
                        "where it stands and what we ask lawmakers to do."
                    ),
                    "bills": [
                        "bills/state-fund-for-tutoring",
                        "bills/school-report-cards-for-families",
                        "bills/new-teacher-pay-and-mentors",
                    ],
                },
            ),
        ],
    },
    "pages": [
        {
            "type": "vision",
            "title": "Vision",
            "slug": "vision",
            "statement": (
                "Education policies and practices that let students become New Mexico's next community, "
                "civic and business leaders."
            ),
            "body": [
                p(
                    "New Mexico's students can lead: in their towns and pueblos, in civic life and in "
                    "the businesses the state will need. Whether they get the chance depends on the "
                    "policies and practices that shape their schools.",
                    "We work for policies that are informed by communities, centered on students and "
                    "grounded in research, and we judge them by one test: do they help children here "
                    "grow into the leaders New Mexico needs?",
                )
            ],
        },
        {
            "type": "mission",
            "title": "Mission",
            "slug": "mission",
            "statement": (
                "To be a catalyst and a conduit for education policy in New Mexico that is informed by "
                "communities, centered on students and grounded in research."
            ),
            "pillars_heading": "",
            "pillars": [],
            "body": [
                p(
                    "We connect policy, classroom practice and politics, so that New Mexicans can imagine "
                    "and build a better public education for their children."
                )
            ],
        },
        {
            "type": "news_index",
            "title": "News",
            "slug": "news",
            "introduction": "Reports and updates from NewMexicoKidsCAN.",
            "children": [
                {
                    "title": "Second edition of our parent survey is out",
                    "slug": "parent-survey-second-edition",
                    "publication_date": datetime.date(2025, 9, 16),
                    "summary": (
                        "With 50CAN and Edge Research we asked New Mexico parents about their children's "
                        "education, and compared their answers with parents nationwide."
                    ),
                    "topics": ["right-to-know", "tutoring-and-care", "school-accountability"],
                    "authors": ["kidscan-research"],
                    "image": PARENT_SURVEY_COVER,
                    "body": [
                        p(
                            "The State of Educational Opportunity in New Mexico puts parents at the center. "
                            "This second edition shows where confidence is rising, where gaps persist and "
                            "where the state should act first."
                        ),
                        figure(
                            PARENTS_CHART,
                            "Parents' voices are at the center of the second edition.",
                        ),
                    ],
                },
            ],
        },
        {
            "type": "issue_index",
            "title": "Promises and issues",
            "slug": "issues",
            "introduction": (
                "The five promises to children we share with the 50CAN network, then the policy "
                "issues we work on, each with what we have published on it."
            ),
            # Each page's body, then its calls to action (added by demo/loader.py:
            # link_article_actions, once the report and newsletter pages exist).
            "children": [
                {
                    "slug": slug,
                    "title": title,
                    "topic": slug,
                    "summary": summary,
                    "image": issue_picture(title, slug),
                    **ISSUE_PAGES[slug],
                }
                for title, slug, summary in PROMISES + IMPORTANT_ISSUES
            ],
        },
        {
            "type": "standard",
            "title": "About us",
            "slug": "about",
            "introduction": "NewMexicoKidsCAN was founded in 2018 and is part of the 50CAN network.",
            "body": [
                p(
                    "We advocate for students across New Mexico, alongside families and educators.",
                    "NewMexicoKidsCAN belongs to 50CAN, a network of local advocacy campaigns in states "
                    "from Hawaii to Georgia and Connecticut to Louisiana. Each campaign is run by people "
                    "from its own state; together they share five promises to children.",
                    "Our work connects policy, classroom practice and politics: we listen to parents, "
                    "publish research such as our statewide parent survey, and bring what we learn to "
                    "the people who decide how New Mexico's schools are run.",
                )
            ],
        },
        {
            "type": "standard",
            "title": "Privacy",
            "slug": "privacy",
            "show_in_menus": False,
            "introduction": "What we collect when you visit this site, and why.",
            "body": [
                p("This site sets no tracking cookies and keeps server logs for up to 30 days.")
            ],
        },
    ],
}

SITES = [ALLIANCE, KIDSCAN]
