"""The demo organizations' content, written in this project's own words.

Facts (names, dates, numbers, headings) come from the organizations' public
sites; the stories are fictional and say so. The loader turns these plain
structures into pages, so editing demo text never means touching page code.
"""

import datetime

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
        "brand_color": "#1d4f91",
        "contact_email": "info@learningalliance.example",
    },
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
        },
        "ortega": {
            "name": "Ortega",
            "role": "A ranching family near Roswell",
            "bio": "Asked their school board to meet where rural families could reach it.",
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
        "hero_image": ("Mesas at sunrise", "Illustration: layered mesas under a sunrise sky."),
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
            "body": [],
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
                    "image": (
                        "Reading club in Gallup",
                        "Illustration: red mesas under a warm evening sky.",
                    ),
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
                    "image": (
                        "Ranch land near Roswell",
                        "Illustration: flat brown mesas under a blue sky.",
                    ),
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
                    "image": (
                        "Hills in the north",
                        "Illustration: dark hills beneath a violet sky and pale sun.",
                    ),
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
                        "Proposed ESSA plan",
                        "Illustration: a sun rising over layered mesas.",
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
                    "image": (
                        "Feedback report",
                        "Illustration: brown mesas under a pale blue sky.",
                    ),
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
                        "NM First survey",
                        "Illustration: red cliffs under a rose-colored sky.",
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
                        "Community forums",
                        "Illustration: mesas and a bright sun over a violet horizon.",
                    ),
                    "body": [
                        p(
                            "Forums will take place in six regions so that people can speak in person about "
                            "the state's plans. The first is in Gallup in October.",
                            "Come with questions and ideas: the department is listening before it writes its plan.",
                        ),
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

KIDSCAN = {
    "hostname": "kidscan.localhost",
    "is_default_site": False,
    "site_name": "NewMexicoKidsCAN",
    "settings": {
        "organization_name": "NewMexicoKidsCAN",
        "brand_color": "#7a1f5c",
        "contact_email": "hello@kidscan.example",
    },
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
        "hero_image": ("Desert evening", "Illustration: mesas beneath an orange evening sky."),
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
                    "image": ("Parent survey", "Illustration: a pale sun over brown mesas."),
                    "body": [
                        p(
                            "The State of Educational Opportunity in New Mexico puts parents at the center. "
                            "This second edition shows where confidence is rising, where gaps persist and "
                            "where the state should act first."
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
            "children": [
                *(
                    {"slug": slug, "title": title, "topic": slug, "summary": summary}
                    for title, slug, summary in PROMISES
                ),
                *(
                    {
                        "slug": slug,
                        "title": title,
                        "topic": slug,
                        "summary": summary,
                        "body": [("paragraph", ILLUSTRATIVE_ISSUE_NOTE)],
                    }
                    for title, slug, summary in IMPORTANT_ISSUES
                ),
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
