"""Demo content for the surveys section: built after each site's own pages.

build(loader, home, site): English pages under the site's home page, through
loader.child(...), before the header menu is made from the home page's menu pages.
translate(loader, home, site, locale): their Spanish versions, through
loader.translate_page(...) or loader.translate(...), after the tree is synchronized.

The Learning Alliance gets the NM First ESSA survey (see the article "Share
your input on ESSA through NM First survey"), in the header menu. Questions
are (label, field type, required, choices, help text); the Spanish ones are in
the same order, so each answer is stored under the English question's name.
"""

from surveys.models import SurveyFormField, SurveyPage

ALLIANCE_HOST = "localhost"
SURVEY_SLUG = "nm-first-survey"

QUESTIONS = [
    (
        "Which region do you live in?",
        "dropdown",
        True,
        "Northwest\nNorth Central\nNortheast\nCentral (Albuquerque metro)\nSouthwest\nSoutheast",
        "",
    ),
    (
        "What is your role?",
        "radio",
        True,
        "Parent or family member\nStudent\nTeacher\nSchool or district leader\nCommunity member",
        "",
    ),
    (
        "What matters most for New Mexico's schools?",
        "checkboxes",
        True,
        "Great teachers in every classroom\nReading and math by third grade\n"
        "Bilingual and culturally relevant learning\nPreparation for college and careers\n"
        "Fair funding for every community\nClear reports on how schools are doing",
        "Choose as many as you like.",
    ),
    ("Anything else you want the state to hear?", "multiline", False, "", ""),
    (
        "Your email address",
        "email",
        False,
        "",
        "Optional: only if you want to hear what comes of the survey.",
    ),
]

QUESTIONS_ES = [
    (
        "¿En qué región vive?",
        "Noroeste\nCentro norte\nNoreste\nCentro (área metropolitana de Albuquerque)\n"
        "Suroeste\nSureste",
        "",
    ),
    (
        "¿Cuál es su papel?",
        "Madre, padre o familiar\nEstudiante\nMaestro o maestra\n"
        "Directivo escolar o del distrito\nMiembro de la comunidad",
        "",
    ),
    (
        "¿Qué es lo más importante para las escuelas de Nuevo México?",
        "Buenos maestros en cada salón\nLectura y matemáticas al llegar a tercer grado\n"
        "Aprendizaje bilingüe y culturalmente pertinente\n"
        "Preparación para la universidad y el trabajo\n"
        "Financiamiento justo para cada comunidad\n"
        "Informes claros sobre el desempeño de las escuelas",
        "Elija todas las que quiera.",
    ),
    ("¿Algo más que quiera que escuche el estado?", "", ""),
    (
        "Su correo electrónico",
        "",
        "Opcional: solo si quiere saber qué resulta de la encuesta.",
    ),
]

SURVEY = {
    "title": "Take the survey",
    "seo_title": "NM First ESSA survey",
    "introduction": (
        "NM First asks New Mexicans what the Every Student Succeeds Act (ESSA) should mean "
        "for their schools. It takes about five minutes; every answer is read."
    ),
    "privacy_note": (
        "<p>The Learning Alliance of New Mexico reads your answers to report what New "
        "Mexicans want from the state's ESSA plan. Reports never name anyone. Your email "
        "address, if you give it, is used only to tell you about the results.</p>"
    ),
    "thank_you_text": (
        "<p>Your answers will be part of the NM First report on ESSA. Thank you for "
        "taking the time.</p>"
    ),
    "to_address": "surveys@learningalliance.example",
    "subject": "NM First ESSA survey: new answers",
}

SURVEY_ES = {
    "title": "Responda la encuesta",
    "slug": "encuesta-nm-first",
    "seo_title": "Encuesta NM First sobre ESSA",
    "introduction": (
        "NM First pregunta a los nuevomexicanos qué debería significar la Ley ESSA para sus "
        "escuelas. Toma unos cinco minutos y leemos cada respuesta."
    ),
    "privacy_note": (
        "<p>Learning Alliance of New Mexico lee sus respuestas para informar qué esperan los "
        "nuevomexicanos del plan estatal de ESSA. Los informes nunca nombran a nadie. Su "
        "correo electrónico, si lo da, se usa solo para contarle los resultados.</p>"
    ),
    "thank_you_text": (
        "<p>Sus respuestas formarán parte del informe de NM First sobre ESSA. Gracias por "
        "su tiempo.</p>"
    ),
}


def build(loader, home, site):
    if site.hostname != ALLIANCE_HOST:
        return
    questions = [
        SurveyFormField(
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
            help_text=help_text,
            sort_order=position,
        )
        for position, (label, field_type, required, choices, help_text) in enumerate(QUESTIONS)
    ]
    loader.child(
        home,
        SurveyPage,
        slug=SURVEY_SLUG,
        show_in_menus=True,
        form_fields=questions,
        **SURVEY,
    )


def translate(loader, home, site, locale):
    if site.hostname != ALLIANCE_HOST:
        return
    english = home.get_children().get(slug=SURVEY_SLUG).specific
    existing = english.get_translation_or_none(locale)
    # A real translation is left alone: an editor may have changed it since.
    if existing is not None and existing.alias_of_id is None:
        return
    spanish_questions = [
        SurveyFormField(
            translation_key=question.translation_key,
            locale_id=question.locale_id,
            sort_order=question.sort_order,
            clean_name=question.clean_name,
            field_type=question.field_type,
            required=question.required,
            label=label,
            choices=choices,
            help_text=help_text,
        )
        for question, (label, choices, help_text) in zip(
            english.form_fields.all(), QUESTIONS_ES, strict=True
        )
    ]
    loader.translate_page(english, locale, {**SURVEY_ES, "form_fields": spanish_questions}, home)
