"""Spanish translations of the demo pages, keyed by each English page's path.

The text is written for Spanish readers in New Mexico, not translated word for
word; names, dates and numbers match the English content. Links inside body
blocks keep the English page path, and the loader points them at the Spanish
page. Story bodies get FICTIONAL_NOTE appended by the loader.
"""

from .community_events import FORUM_PLACES, WEBINAR_PICTURE, forum_picture
from .content import (
    ALLIANCE_HERO,
    ESSA_REPORT_COVER,
    FORUM_MAP,
    IMPORTANT_ISSUES,
    ISSUE_ICONS,
    KIDSCAN_HERO,
    MARISOL_PORTRAIT,
    ORTEGA_PORTRAIT,
    PARENT_SURVEY_COVER,
    PARENTS_CHART,
    PILLAR_ICONS,
    PROMISES,
    PUEBLO_PORTRAIT,
    WRITE_TO_US,
    cta,
    figure,
    forum_cards,
    issue_body,
    issue_picture,
    p,
)

FICTIONAL_NOTE = (
    "<p><em>Esta es una historia ficticia escrita para el sitio de demostración. "
    "Cualquier parecido con personas reales es pura coincidencia.</em></p>"
)

# The invented issues, and the invented asks under each promise, say so in Spanish too
# (content.ILLUSTRATIVE_ISSUE_NOTE, content.PROMISE_NOTE).
ILLUSTRATIVE_ISSUE_NOTE = (
    "<p><em>Un tema ilustrativo escrito para el sitio de demostración, no una de las "
    "posturas publicadas de NewMexicoKidsCAN.</em></p>"
)
PROMISE_NOTE = (
    "<p><em>Esta promesa es una de las cinco que la red 50CAN les hace a los niños. Las "
    "propuestas de esta página son ilustrativas, escritas para el sitio de demostración, y no "
    "son posturas publicadas de NewMexicoKidsCAN.</em></p>"
)

# What each of the demo's pictures shows, in Spanish, by the picture's title
# (demo.content's image specs). A translated page with a picture describes it
# with these words (demo/loader.py: translate_page), as a body figure does.
FORUM_PLACES_ES = {
    "northwest": "el noroeste",
    "north-central": "el centro norte",
    "northeast": "el noreste",
    "central": "la zona de Albuquerque",
    "southwest": "el suroeste",
    "southeast": "el sureste",
}
ISSUE_ICONS_ES = {
    "right-education": "una escuela con una bandera en su campanario",
    "tutoring-and-care": "dos personas adultas y un niño bajo un corazón",
    "connected-learning": "una red de puntos conectados",
    "right-to-know": "una lupa sobre las barras de una gráfica",
    "career-paths": "un camino que serpentea hasta una bandera",
    "early-literacy": "un libro abierto",
    "high-dosage-tutoring": "tres estudiantes y un tutor en una mesa, bajo un reloj",
    "school-accountability": "una tabla con sujetapapeles y tres casillas marcadas",
    "teacher-recruitment": "un megáfono que lanza ondas de sonido",
    "career-pathways": "escalones que suben hacia una estrella",
}
PICTURE_DESCRIPTIONS = {
    ALLIANCE_HERO[0]: (
        "Ilustración: vecinos sentados en círculo alrededor de una mesa en campo abierto, bajo "
        "un amplio cielo verde azulado, con mesetas y el sol cerca del horizonte."
    ),
    KIDSCAN_HERO[0]: (
        "Ilustración: una escuela junto a cinco barras que suben hacia una flecha, en naranja, "
        "dorado y blanco sobre azul marino."
    ),
    MARISOL_PORTRAIT[0]: (
        "Ilustración: una maestra con el cabello recogido, frente a repisas llenas de libros de "
        "colores."
    ),
    ORTEGA_PORTRAIT[0]: (
        "Ilustración: un padre con sombrero vaquero, una madre y su hijo junto a la cerca de un "
        "rancho, con un molino de viento detrás."
    ),
    PUEBLO_PORTRAIT[0]: (
        "Ilustración: una persona mayor y un niño frente a edificios escalonados de adobe con "
        "una escalera, con el sol cerca del horizonte."
    ),
    ESSA_REPORT_COVER[0]: (
        "Ilustración: la portada de un informe con una franja verde azulado para el título y "
        "una gráfica de barras, sobre un escritorio."
    ),
    PARENT_SURVEY_COVER[0]: (
        "Ilustración: la portada de un informe con una franja rojo anaranjado para el título y "
        "una gráfica de barras, sobre azul marino y naranja."
    ),
    FORUM_MAP[0]: (
        "Mapa de Nuevo México con un marcador en cada una de las seis regiones donde hubo un "
        "foro, y el Río Grande que lo atraviesa por el centro."
    ),
    PILLAR_ICONS[0]: (
        "Cuatro íconos redondos: un libro abierto, personas sentadas en círculo, una red de "
        "puntos conectados y tres personas tomadas del brazo."
    ),
    PARENTS_CHART[0]: (
        "Ilustración: una madre o un padre con su hijo y globos de diálogo, junto a barras que "
        "suben hacia una flecha."
    ),
    "Comments on the draft plan": (
        "Ilustración: las páginas de un borrador de plan con globos de comentarios a los lados."
    ),
    "A survey on a clipboard": (
        "Ilustración: una encuesta en una tabla con sujetapapeles, con respuestas marcadas, un "
        "lápiz y dos globos de diálogo."
    ),
    "A community forum from the back row": (
        "Ilustración: filas de personas vistas de espaldas, frente a alguien que habla desde un "
        "atril y una gráfica de barras en un caballete."
    ),
    WEBINAR_PICTURE[0]: (
        "Ilustración: una computadora portátil con cuatro personas en una videollamada, junto a "
        "una hoja de calendario con un día marcado."
    ),
    **{
        forum_picture(region)[0]: (
            "Ilustración: un gran marcador de mapa sobre los edificios bajos de adobe de un "
            f"pueblo; un pequeño mapa de Nuevo México señala {FORUM_PLACES_ES[region]}."
        )
        for region in FORUM_PLACES
    },
    **{
        issue_picture(title, slug)[0]: (
            f"Ilustración: {ISSUE_ICONS_ES[slug]}, en una insignia redonda junto a franjas "
            "diagonales llamativas."
        )
        for title, slug, _summary in PROMISES + IMPORTANT_ISSUES
        if slug in ISSUE_ICONS
    },
}


def spanish_figure(picture, caption):
    """A body figure described in Spanish (see demo.content.figure)."""
    return figure(picture, caption, alt_text=PICTURE_DESCRIPTIONS[picture[0]])


# The Spanish name of each region in demo.content.NEW_MEXICO_REGIONS, by slug.
NEW_MEXICO_REGIONS = {
    "northwest": "Noroeste",
    "north-central": "Centro norte",
    "northeast": "Noreste",
    "central": "Centro (área metropolitana de Albuquerque)",
    "southwest": "Suroeste",
    "southeast": "Sureste",
    "statewide": "Todo el estado",
    "national": "Nacional",
}

# Keyed by site hostname, then by the English page's path below its home page
# ("" is the home page itself; "news/essa-community-forums" is an article).
SPANISH = {
    "localhost": {
        "tagline": "Trabajamos juntos por un sector educativo al servicio de cada comunidad.",
        # Role and bio of each person in demo.content; names are not translated.
        "people": {
            "alliance-policy": (
                "Equipo de políticas educativas",
                "Sigue de cerca las políticas educativas estatales y federales, desde ESSA hasta "
                "los planes propios de Nuevo México, y explica qué significa cada cambio para "
                "las escuelas y las familias.",
            ),
            "alliance-community": (
                "Equipo de participación comunitaria",
                "Organiza seminarios web, círculos de aprendizaje y conversaciones comunitarias, "
                "y se asegura de que la voz de las familias y los educadores llegue a quienes "
                "toman las decisiones.",
            ),
            "marisol": (
                "Maestra de cuarto grado en Gallup",
                "Empezó un club de lectura después de clases que sus alumnos convirtieron en "
                "una biblioteca.",
            ),
            "ortega": (
                "Una familia ganadera cerca de Roswell",
                "Pidió a su junta escolar que se reuniera donde las familias rurales pudieran "
                "llegar.",
            ),
        },
        "topics": {
            "essa": (
                "ESSA",
                "La ley federal Every Student Succeeds Act (ESSA), o “Ley para que Todos los "
                "Estudiantes Triunfen”, y cómo la pone en práctica Nuevo México.",
            ),
            "state-plan": (
                "Plan estatal",
                "El plan de Nuevo México para cumplir con lo que exige ESSA.",
            ),
            "community-input": (
                "Opinión de la comunidad",
                "Cómo las familias, los maestros y las comunidades influyen en las políticas "
                "educativas.",
            ),
            "surveys": (
                "Encuestas",
                "Cuestionarios que recogen la opinión de los nuevomexicanos.",
            ),
            "forums": (
                "Foros",
                "Reuniones públicas donde la gente habla directamente con quienes toman las "
                "decisiones.",
            ),
        },
        "pages": {
            "": {
                "title": "Learning Alliance of New Mexico",
                "slug": "learning-alliance-es",
                "hero_heading": "La mejor educación del mundo para cada niño de Nuevo México",
                "hero_text": (
                    "Reunimos a familias, educadores, líderes y comunidades para que cada "
                    "estudiante termine la preparatoria listo para lo que decida hacer después."
                ),
                "hero_link_label": "Conozca nuestra misión",
                "news_heading": "Artículos y noticias recientes",
                "stories_heading": "Historias de aprendizaje en Nuevo México",
                "body": [
                    (
                        "call_to_action",
                        {
                            "heading": "Opine sobre el plan estatal de ESSA",
                            "text": (
                                "El estado quiere escuchar a las familias y a los educadores "
                                "antes de dar por terminado el plan."
                            ),
                            "link": {
                                "page": "news/share-feedback-essa-state-plan",
                                "label": "Cómo enviar sus comentarios",
                            },
                        },
                    ),
                    cta(
                        "Pida más tiempo para opinar",
                        "Las familias de todas las regiones deben poder leer el borrador del "
                        "plan y responder. Sume su nombre a nuestra carta al Departamento de "
                        "Educación Pública.",
                        "take-action/extend-essa-comment-period",
                        "Sume su nombre",
                    ),
                ],
            },
            "vision": {
                "title": "Visión",
                "slug": "vision",
                "statement": (
                    "Todos los niños de Nuevo México pueden acceder a la mejor educación del "
                    "mundo, una educación que los prepara para salir adelante toda la vida."
                ),
                "body": [
                    p(
                        "Creemos que todo estudiante debe terminar la preparatoria con opciones "
                        "reales por delante, sin importar su raza, su cultura, su capacidad "
                        "académica, el lugar donde vive o los ingresos de su familia.",
                        "Quienes se gradúan deben estar listos para participar plenamente en sus "
                        "comunidades, en el trabajo y en las muchas naciones y culturas que "
                        "forman Nuevo México.",
                        "Ninguna organización puede lograrlo sola. Trabajamos junto a otras que "
                        "comparten esta meta.",
                    ),
                ],
            },
            "mission": {
                "title": "Misión",
                "slug": "mision",
                "statement": (
                    "Un sector educativo en Nuevo México que sea eficaz, que tenga raíces en sus "
                    "comunidades y que sea capaz de transformar la vida de los estudiantes."
                ),
                "pillars_heading": "Learning Alliance cumple su misión ofreciendo lo siguiente:",
                "pillars": [
                    (
                        "Información confiable",
                        "Investigaciones, recursos y análisis de datos creíbles que ayudan a los "
                        "líderes y a los esfuerzos de reforma a tomar mejores decisiones.",
                    ),
                    (
                        "Oportunidades de aprendizaje",
                        "Seminarios web, círculos de aprendizaje y formación de líderes sobre los "
                        "temas educativos que importan, para decidir mejor en las escuelas, los "
                        "distritos y el estado.",
                    ),
                    (
                        "Redes dinámicas",
                        "Hacer crecer y movilizar redes en torno a agendas y valores compartidos, "
                        "para que sea la propia gente la que impulse el cambio que quiere ver.",
                    ),
                    (
                        "Liderazgo colectivo e impacto colectivo",
                        "Estrategias coordinadas que mejoran la educación y atienden los temas "
                        "que más les importan a las comunidades.",
                    ),
                ],
                "body": [
                    spanish_figure(
                        PILLAR_ICONS, "Información, aprendizaje, redes y liderazgo colectivo."
                    ),
                ],
            },
            "stories": {
                "title": "Historias",
                "slug": "historias",
                "introduction": (
                    "Estudiantes, familias, maestros y comunidades de todo Nuevo México, en sus "
                    "propias palabras. Las historias de este sitio de demostración son ficticias."
                ),
            },
            "stories/reading-club-library": {
                "title": "El club de lectura que se convirtió en biblioteca",
                "slug": "club-de-lectura-biblioteca",
                "subject": "Marisol, maestra de cuarto grado",
                "pull_quote": "Los niños escogían qué leíamos. La asistencia se dio sola.",
                "summary": (
                    "El club de lectura de una maestra de Gallup, después de clases, se convirtió "
                    "en una biblioteca de préstamo que manejan los propios estudiantes."
                ),
                "body": [
                    p(
                        "Cuando Marisol empezó un club de lectura en su salón, llegaron seis "
                        "estudiantes. Para la primavera ya eran cuarenta, y los libros no cabían "
                        "en su repisa.",
                        "Los padres donaron libros, un negocio local regaló un librero, y ahora "
                        "los estudiantes manejan una biblioteca de préstamo con sus propias "
                        "tarjetas para registrar cada libro que sale.",
                    ),
                    (
                        "quote",
                        {
                            "quote": "Nunca pensé que yo iba a ser la que recomendara libros.",
                            "attribution": "Integrante del club, 10 años",
                        },
                    ),
                ],
            },
            "stories/school-board-ranch": {
                "title": "La junta escolar llega al rancho",
                "slug": "junta-escolar-rancho",
                "subject": "La familia Ortega",
                "pull_quote": (
                    "Vivimos a una hora de la oficina del distrito. Así que pedimos que la "
                    "reunión viniera a nosotros."
                ),
                "summary": (
                    "Una familia de rancheros cerca de Roswell ayudó a su distrito a celebrar "
                    "reuniones a las que los padres de las zonas rurales sí pudieran llegar."
                ),
                "body": [
                    p(
                        "Para los Ortega, ir a una reunión de la junta escolar significaba "
                        "manejar dos horas, ida y vuelta, un día entre semana por la noche. La "
                        "mayoría de sus vecinos simplemente había dejado de ir.",
                        "Le pidieron a la junta que se reuniera una vez por trimestre en el "
                        "centro comunitario más cercano a los ranchos. A la primera reunión ahí "
                        "llegaron más padres que a todas las reuniones del año anterior juntas.",
                    ),
                ],
            },
            "stories/pueblo-curriculum": {
                "title": "Un Pueblo indígena escribe su propio plan de estudios",
                "slug": "plan-de-estudios-pueblo",
                "subject": "Ancianos y maestros de un Pueblo del norte",
                "pull_quote": (
                    "Nuestros niños deben ver su idioma y su historia en lo que aprenden en la "
                    "escuela."
                ),
                "summary": (
                    "Ancianos y maestros trabajaron juntos en lecciones que enseñan el idioma y "
                    "la historia de la comunidad."
                ),
                "body": [
                    p(
                        "Durante dos años, los ancianos se reunieron cada mes con los maestros "
                        "para grabar relatos, canciones y nombres de lugares.",
                        "Las lecciones que crearon ya se enseñan en dos grados de primaria, en "
                        "parte en el idioma propio de la comunidad.",
                    ),
                ],
            },
            "news": {
                "title": "Noticias",
                "slug": "noticias",
                "introduction": (
                    "Novedades sobre la política educativa en Nuevo México y maneras de participar."
                ),
            },
            "news/share-feedback-essa-state-plan": {
                "title": (
                    "Comparta su opinión con el NMPED sobre el plan estatal propuesto para ESSA"
                ),
                "slug": "opinion-plan-estatal-essa",
                "summary": (
                    "El Departamento de Educación Pública publicó su propuesta de plan para ESSA. "
                    "Léala y dígale al departamento lo que piensa, por medio de una encuesta o "
                    "por correo electrónico."
                ),
                "body": [
                    p(
                        "El borrador del plan de Nuevo México para la ley Every Student Succeeds "
                        "Act (ESSA) está abierto a comentarios. Explica cómo el estado va a "
                        "evaluar a las escuelas, cómo apoyará a las que tienen dificultades y "
                        "cómo informará a las familias.",
                        "Puede responder por medio de la encuesta en línea del departamento o "
                        "escribiéndole directamente por correo electrónico. En esta etapa, los "
                        "comentarios de padres y maestros de verdad cuentan.",
                        "Escríbale al departamento a "
                        '<a href="mailto:ESSA.NMRising@state.nm.us">ESSA.NMRising@state.nm.us</a>: '
                        "diga de qué parte del plan habla y cómo afectaría a su escuela.",
                    ),
                ],
                "actions": [
                    cta(
                        "¿Prefiere una encuesta?",
                        "Unas cuantas preguntas, en español o en inglés, sobre lo que el plan "
                        "debería hacer.",
                        "nm-first-survey",
                        "Responder la encuesta",
                    ),
                ],
            },
            "news/essa-stakeholder-feedback-report": {
                "title": "Se publica el informe con las opiniones de la comunidad sobre ESSA",
                "slug": "informe-opiniones-essa",
                "summary": (
                    "Más de 4,000 nuevomexicanos participaron en un proceso sobre ESSA diseñado "
                    "aquí mismo. El informe recoge lo que dijeron."
                ),
                "body": [
                    p(
                        "Más de 4,000 personas de todo el estado compartieron su opinión sobre "
                        "cómo debería Nuevo México poner en práctica ESSA, mediante un proceso "
                        "diseñado aquí y no impuesto desde fuera.",
                        "El informe agrupa sus respuestas por tema y por región, para que quienes "
                        "toman las decisiones vean en qué coinciden las comunidades y en qué "
                        "difieren.",
                    ),
                    (
                        "statistic",
                        {
                            "figure": "Más de 4,000",
                            "label": "nuevomexicanos dieron su opinión sobre ESSA",
                            "source": "Informe de opiniones de la comunidad sobre ESSA",
                        },
                    ),
                ],
                "actions": [
                    cta(
                        "Lea lo que dijeron los nuevomexicanos",
                        "El informe completo, sus hallazgos principales y el archivo para "
                        "descargar.",
                        "reports/essa-stakeholder-feedback-report",
                        "Leer el informe",
                    ),
                ],
            },
            "news/nm-first-essa-survey": {
                "title": "Dé su opinión sobre ESSA en la encuesta de NM First",
                "slug": "encuesta-nm-first-essa",
                "summary": (
                    "Una encuesta breve, en inglés y en español, pregunta a los nuevomexicanos "
                    "qué debería significar ESSA para sus escuelas."
                ),
                "body": [
                    p(
                        "La encuesta toma unos cuantos minutos y está disponible en inglés y en "
                        "español.",
                        "Cada respuesta ayuda a formar una idea más clara de lo que las familias "
                        "y los educadores esperan del plan estatal de ESSA.",
                    ),
                    (
                        "accordion",
                        {
                            "heading": "Preguntas sobre la encuesta",
                            "items": [
                                {
                                    "question": "¿Quién puede responder la encuesta?",
                                    "answer": "<p>Cualquier persona que viva en Nuevo México: "
                                    "familias, estudiantes, educadores y vecinos.</p>",
                                },
                                {
                                    "question": "¿Puedo responder en español?",
                                    "answer": "<p>Sí. Todas las preguntas están en inglés y "
                                    "en español.</p>",
                                },
                            ],
                        },
                    ),
                ],
                "actions": [
                    cta(
                        "Responda la encuesta",
                        "Toma unos cuantos minutos, y cada respuesta se lee.",
                        "nm-first-survey",
                        "Responder la encuesta",
                    ),
                ],
            },
            "news/essa-community-forums": {
                "title": "Foros comunitarios sobre ESSA",
                "slug": "foros-comunitarios-essa",
                "summary": (
                    "El Departamento de Educación Pública (PED) de Nuevo México realiza foros "
                    "comunitarios sobre ESSA en seis regiones del estado, comenzando en Gallup "
                    "en octubre."
                ),
                "body": [
                    p(
                        "Los foros se llevarán a cabo en seis regiones para que la gente pueda "
                        "hablar en persona sobre los planes del estado. El primero será en "
                        "Gallup, en octubre.",
                        "Venga con sus preguntas e ideas: el departamento está escuchando antes "
                        "de redactar su plan.",
                    ),
                    spanish_figure(FORUM_MAP, "Seis foros, uno en cada región del estado."),
                ],
                "actions": [
                    forum_cards(
                        "Los seis foros",
                        "La fecha y el lugar de cada foro, y cómo participar.",
                        spanish=True,
                    ),
                ],
            },
            "about": {
                "title": "Quiénes somos",
                "slug": "quienes-somos",
                "introduction": (
                    "Learning Alliance of New Mexico une a las personas que quieren mejores "
                    "escuelas para cada niño."
                ),
                "body": [
                    p(
                        "Compartimos investigaciones, organizamos oportunidades de aprendizaje y "
                        "creamos redes para que los líderes educativos de Nuevo México puedan "
                        "actuar juntos."
                    ),
                ],
            },
            "contact": {
                "title": "Contacto",
                "slug": "contacto",
                "introduction": "Nos dará mucho gusto saber de usted.",
                "body": [
                    p(
                        "Escríbanos a info@learningalliance.example y le responderemos en un "
                        "plazo de una semana."
                    ),
                ],
            },
            "privacy": {
                "title": "Privacidad",
                "slug": "privacidad",
                "introduction": "Qué información recopilamos cuando visita este sitio, y por qué.",
                "body": [
                    p(
                        "Este sitio no usa cookies de rastreo. Por motivos de seguridad, nuestro "
                        "servidor web guarda los registros de acceso habituales durante un "
                        "máximo de 30 días."
                    ),
                ],
            },
        },
    },
    "kidscan.localhost": {
        "tagline": "Parte de la red 50CAN. Creer en algo mejor.",
        "people": {
            "kidscan-research": (
                "Equipo de investigación",
                "Pone la voz de los padres en el centro de nuestro trabajo, desde la encuesta "
                "estatal a padres hecha con 50CAN y Edge Research hasta las políticas que "
                "defendemos.",
            ),
        },
        # The five promises, as topics.
        "topics": {
            "right-education": (
                "La educación adecuada para cada niño",
                "Escuelas y programas que se adaptan a cada niño, y no al revés.",
            ),
            "tutoring-and-care": (
                "Tutoría y atención para cada estudiante",
                "Ayuda adicional y apoyo para cualquier estudiante que lo necesite.",
            ),
            "connected-learning": (
                "Un mundo de aprendizaje abierto y conectado",
                "Un aprendizaje que va más allá de las paredes del salón de clases.",
            ),
            "right-to-know": (
                "El derecho de cada familia a saber qué funciona",
                "Información clara y honesta sobre cómo les va a las escuelas.",
            ),
            "career-paths": (
                "Un camino claro hacia la carrera que cada quien elija",
                "Rutas de la escuela al trabajo que los estudiantes puedan ver y seguir.",
            ),
            # The important issues, as topics.
            "early-literacy": (
                "Lectoescritura temprana",
                "Que cada niño lea con confianza al terminar el tercer grado.",
            ),
            "high-dosage-tutoring": (
                "Tutoría intensiva",
                (
                    "Tutorías frecuentes, en grupos pequeños, para los estudiantes que se "
                    "han quedado atrás."
                ),
            ),
            "school-accountability": (
                "Rendición de cuentas de las escuelas",
                "Informes públicos que les dicen a las familias cómo le va a su escuela.",
            ),
            "teacher-recruitment": (
                "Reclutamiento de maestros",
                "Atraer a más nuevomexicanos a la docencia, y lograr que se queden.",
            ),
            "career-pathways": (
                "Rutas profesionales",
                "Aprendizaje en el lugar de trabajo y certificaciones que llevan a buenos empleos.",
            ),
        },
        "pages": {
            "": {
                "title": "NewMexicoKidsCAN",
                "slug": "kidscan-es",
                "hero_heading": "Bienvenidos a NewMexicoKidsCAN",
                "hero_text": (
                    "Desde nuestra fundación en 2018, impulsamos políticas y prácticas educativas "
                    "que ayudan a los estudiantes a convertirse en los líderes comunitarios, "
                    "cívicos y empresariales que nuestro estado necesita."
                ),
                "hero_link_label": "Lo que defendemos",
                "news_heading": "Últimas noticias",
                "stories_heading": "",
                "body": [
                    (
                        "featured_report",
                        {"report": "reports/parent-survey-second-edition", "label": ""},
                    ),
                    (
                        "card_list",
                        {
                            "heading": "Creer en algo mejor",
                            "intro": (
                                "Formamos parte de 50CAN, una red de campañas locales de defensa "
                                "educativa en estados que van de Hawái a Georgia y de "
                                "Connecticut a Luisiana. Juntos les hacemos cinco promesas a los "
                                "niños."
                            ),
                            "numbered": True,
                            "cards": [
                                {
                                    "title": "La educación adecuada para cada niño",
                                    "link": {"page": "issues/right-education", "label": ""},
                                    "text": (
                                        "Escuelas y programas que se adaptan a cada niño, y no "
                                        "al revés."
                                    ),
                                },
                                {
                                    "title": "Tutoría y atención para cada estudiante",
                                    "link": {"page": "issues/tutoring-and-care", "label": ""},
                                    "text": (
                                        "Ayuda adicional y apoyo para cualquier estudiante que "
                                        "lo necesite."
                                    ),
                                },
                                {
                                    "title": "Un mundo de aprendizaje abierto y conectado",
                                    "link": {"page": "issues/connected-learning", "label": ""},
                                    "text": (
                                        "Un aprendizaje que va más allá de las paredes del salón "
                                        "de clases."
                                    ),
                                },
                                {
                                    "title": "El derecho de cada familia a saber qué funciona",
                                    "link": {"page": "issues/right-to-know", "label": ""},
                                    "text": (
                                        "Información clara y honesta sobre cómo les va a las "
                                        "escuelas."
                                    ),
                                },
                                {
                                    "title": (
                                        "Un camino claro hacia la carrera que cada quien elija"
                                    ),
                                    "link": {"page": "issues/career-paths", "label": ""},
                                    "text": (
                                        "Rutas de la escuela al trabajo que los estudiantes "
                                        "puedan ver y seguir."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "issue_list",
                        {
                            "heading": "Temas importantes",
                            "intro": (
                                "Los asuntos de política educativa en los que trabajamos con "
                                "familias, educadores y legisladores."
                            ),
                            "issues": [
                                f"issues/{slug}" for _title, slug, _summary in IMPORTANT_ISSUES
                            ],
                        },
                    ),
                    (
                        "watched_bills",
                        {
                            "heading": "Proyectos de ley que seguimos",
                            "intro": (
                                "Ejemplos ficticios de nuestro seguimiento de proyectos de ley de "
                                "demostración: qué haría cada proyecto, en qué etapa está y qué "
                                "les pedimos a los legisladores."
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
            "vision": {
                "title": "Visión",
                "slug": "vision",
                "statement": (
                    "Políticas y prácticas educativas que permitan a los estudiantes convertirse "
                    "en la próxima generación de líderes comunitarios, cívicos y empresariales de "
                    "Nuevo México."
                ),
                "body": [
                    p(
                        "Los estudiantes de Nuevo México pueden ser líderes: en sus pueblos y "
                        "comunidades, en la vida cívica y en las empresas que el estado va a "
                        "necesitar. Que tengan la oportunidad depende de las políticas y prácticas "
                        "que dan forma a sus escuelas.",
                        "Trabajamos por políticas que tomen en cuenta a las comunidades, se "
                        "centren en los estudiantes y se basen en la investigación, y las medimos "
                        "con una sola pregunta: ¿ayudan a que los niños de aquí lleguen a ser los "
                        "líderes que Nuevo México necesita?",
                    )
                ],
            },
            "mission": {
                "title": "Misión",
                "slug": "mision",
                "statement": (
                    "Ser catalizador y puente para una política educativa en Nuevo México que "
                    "tome en cuenta a las comunidades, se centre en los estudiantes y se base en "
                    "la investigación."
                ),
                "pillars_heading": "",
                "pillars": [],
                "body": [
                    p(
                        "Conectamos las políticas educativas, la práctica en el salón de clases y "
                        "la vida política, para que los nuevomexicanos puedan imaginar y "
                        "construir una mejor educación pública para sus hijos."
                    ),
                ],
            },
            "news": {
                "title": "Noticias",
                "slug": "noticias",
                "introduction": "Informes y novedades de NewMexicoKidsCAN.",
            },
            "news/parent-survey-second-edition": {
                "title": "Ya salió la segunda edición de nuestra encuesta a padres de familia",
                "slug": "encuesta-padres-segunda-edicion",
                "summary": (
                    "Junto con 50CAN y Edge Research, les preguntamos a los padres de Nuevo "
                    "México sobre la educación de sus hijos y comparamos sus respuestas con las "
                    "de padres de todo el país."
                ),
                "body": [
                    p(
                        "El informe “El estado de las oportunidades educativas en Nuevo México” "
                        "pone a los padres en el centro. Esta segunda edición muestra dónde está "
                        "aumentando la confianza, dónde persisten las brechas y dónde el estado "
                        "debería actuar primero."
                    ),
                    spanish_figure(
                        PARENTS_CHART,
                        "La voz de los padres está en el centro de la segunda edición.",
                    ),
                ],
            },
            "issues": {
                "title": "Promesas y temas",
                "slug": "temas",
                "introduction": (
                    "Las cinco promesas a los niños que compartimos con la red 50CAN y, después, "
                    "los temas de política educativa en los que trabajamos, cada uno con lo que "
                    "hemos publicado sobre él."
                ),
            },
            "issues/right-education": {
                "title": "La educación adecuada para cada niño",
                "slug": "educacion-adecuada",
                "summary": "Escuelas y programas que se adaptan a cada niño, y no al revés.",
            },
            "issues/tutoring-and-care": {
                "title": "Tutoría y atención para cada estudiante",
                "slug": "tutoria-y-atencion",
                "summary": "Ayuda adicional y apoyo para cualquier estudiante que lo necesite.",
            },
            "issues/connected-learning": {
                "title": "Un mundo de aprendizaje abierto y conectado",
                "slug": "aprendizaje-conectado",
                "summary": "Un aprendizaje que va más allá de las paredes del salón de clases.",
            },
            "issues/right-to-know": {
                "title": "El derecho de cada familia a saber qué funciona",
                "slug": "derecho-a-saber",
                "summary": "Información clara y honesta sobre cómo les va a las escuelas.",
            },
            "issues/career-paths": {
                "title": "Un camino claro hacia la carrera que cada quien elija",
                "slug": "camino-a-la-carrera",
                "summary": (
                    "Rutas de la escuela al trabajo que los estudiantes puedan ver y seguir."
                ),
            },
            "issues/early-literacy": {
                "title": "Lectoescritura temprana",
                "slug": "lectoescritura-temprana",
                "summary": "Que cada niño lea con confianza al terminar el tercer grado.",
            },
            "issues/high-dosage-tutoring": {
                "title": "Tutoría intensiva",
                "slug": "tutoria-intensiva",
                "summary": (
                    "Tutorías frecuentes, en grupos pequeños, para los estudiantes que se "
                    "han quedado atrás."
                ),
            },
            "issues/school-accountability": {
                "title": "Rendición de cuentas de las escuelas",
                "slug": "rendicion-de-cuentas",
                "summary": (
                    "Informes públicos que les dicen a las familias cómo le va a su escuela."
                ),
            },
            "issues/teacher-recruitment": {
                "title": "Reclutamiento de maestros",
                "slug": "reclutamiento-de-maestros",
                "summary": "Atraer a más nuevomexicanos a la docencia, y lograr que se queden.",
            },
            "issues/career-pathways": {
                "title": "Rutas profesionales",
                "slug": "rutas-profesionales",
                "summary": (
                    "Aprendizaje en el lugar de trabajo y certificaciones que llevan a "
                    "buenos empleos."
                ),
            },
            "about": {
                "title": "Quiénes somos",
                "slug": "quienes-somos",
                "introduction": (
                    "NewMexicoKidsCAN se fundó en 2018 y forma parte de la red 50CAN."
                ),
                "body": [
                    p(
                        "Abogamos por los estudiantes de todo Nuevo México, junto con las familias "
                        "y los educadores.",
                        "NewMexicoKidsCAN forma parte de 50CAN, una red de campañas locales de "
                        "defensa educativa en estados que van de Hawái a Georgia y de "
                        "Connecticut a Luisiana. Cada campaña la dirigen personas de su propio "
                        "estado; juntas comparten cinco promesas a los niños.",
                        "Nuestro trabajo une las políticas públicas, la práctica en el aula y la "
                        "vida política: escuchamos a los padres, publicamos investigaciones como "
                        "nuestra encuesta estatal a padres de familia y llevamos lo que aprendemos "
                        "a quienes deciden cómo se dirigen las escuelas de Nuevo México.",
                    ),
                ],
            },
            "privacy": {
                "title": "Privacidad",
                "slug": "privacidad",
                "introduction": "Qué información recopilamos cuando visita este sitio, y por qué.",
                "body": [
                    p(
                        "Este sitio no usa cookies de rastreo y guarda los registros del servidor "
                        "durante un máximo de 30 días."
                    ),
                ],
            },
        },
    },
}

# Las secciones de cada página de tema, en el orden de content.ISSUE_HEADINGS.
ISSUE_HEADINGS = ("Por qué importa", "Lo que pedimos", "Lo que usted puede hacer")

# Every issue page ends by offering the newsletter, as in English (content.FOLLOW_THE_ISSUE).
FOLLOW_THE_ISSUE = cta(
    "Siga este tema con nosotros",
    "Noticias de NewMexicoKidsCAN unas dos veces al mes: investigaciones nuevas, lo que pasa "
    "en la Legislatura y cuándo su voz cuenta más.",
    "newsletter",
    "Suscribirse al boletín",
)
READ_THE_PARENT_SURVEY = "reports/parent-survey-second-edition"

# The Spanish body and calls to action of each issue page (content.ISSUE_PAGES), by slug:
# the same sections, paragraphs, list items and links, written for Spanish readers.
ISSUE_PAGES = {
    "right-education": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Cada niño aprende a su manera y a su propio ritmo. Uno sale adelante en un "
                "salón bilingüe; otro, en una escuela pequeña, en una academia técnica o en un "
                "curso en línea que su propio pueblo no puede ofrecer.",
                "Con demasiada frecuencia, la escuela a la que va un niño depende del domicilio "
                "de su familia. Las familias que pueden mudarse tienen opciones; las de pueblos "
                "pequeños, tierras tribales o presupuestos apretados casi nunca las tienen. "
                "Toda familia de Nuevo México debería poder encontrar una escuela o un "
                "programa público que se adapte a su hijo.",
            ],
            asks_intro="Les pedimos a los líderes del estado y de los distritos que:",
            asks=[
                "Publiquen en un solo lugar, en inglés y en español, todas las escuelas y "
                "programas públicos que una familia puede elegir, con cómo y cuándo "
                "inscribirse.",
                "Hagan que el financiamiento siga a cada estudiante hasta la escuela o el "
                "programa público que mejor lo atienda.",
                "Abran a sus estudiantes los cursos que una escuela pequeña no puede ofrecer, "
                "como matemáticas avanzadas o un idioma indígena, por medio de escuelas aliadas "
                "y clases en línea.",
            ],
            can_do=[
                "<b>Padres de familia:</b> pregúntele a su escuela y a su distrito qué opciones "
                "tiene su hijo y cuáles son las fechas límite.",
                "<b>Legisladores y su personal:</b> pregunte cuántas familias de su distrito "
                "solicitaron una escuela o un programa de su elección, y cuántas lo "
                "consiguieron.",
                "<b>Todos:</b> cuéntenos cómo encontró su familia la escuela adecuada, o por qué "
                f"no pudo, escribiendo a {WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Lo que nos dijeron los padres",
                "Nuestra encuesta a padres de familia de Nuevo México, hecha con 50CAN y Edge "
                "Research, pone la voz de las familias en el centro.",
                READ_THE_PARENT_SURVEY,
                "Leer la encuesta a padres",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "tutoring-and-care": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Un estudiante que se atrasa en lectura o en matemáticas rara vez se pone al día "
                "solo. La ayuda adecuada, a tiempo y con frecuencia, cambia las cosas: un tutor "
                "que conoce al niño, un consejero que se da cuenta, una enfermera escolar, un "
                "desayuno antes de clases.",
                "Hoy esa ayuda depende demasiado de la suerte: de si la familia puede pagarla o "
                "de si la escuela tiene el personal. Todo estudiante que necesita ayuda "
                "adicional debería recibirla, vaya a la escuela que vaya.",
            ],
            asks_intro="Les pedimos a la Legislatura y al Departamento de Educación Pública que:",
            asks=[
                "Paguen tutorías durante el horario escolar para todo estudiante que se haya "
                "atrasado, no solo para aquellos cuyas familias pueden pagarlas.",
                "Pongan un consejero, una enfermera y un trabajador social al alcance de cada "
                "escuela, compartidos entre distritos pequeños cuando haga falta.",
                "Le digan a cada familia, en su idioma, qué ayuda recibe su hijo y si está "
                "funcionando.",
            ],
            can_do=[
                "<b>Padres de familia:</b> si a su hijo le está costando trabajo, pídale por "
                "escrito a la escuela que le diga qué ayuda adicional hay y cómo medirán su "
                "avance.",
                "<b>Legisladores y su personal:</b> visite una escuela de su distrito a la hora "
                "de las tutorías y pregunte qué haría falta para llegar a todos los estudiantes "
                "que las necesitan.",
                "<b>Todos:</b> cuéntenos qué ayuda hizo la diferencia para algún niño que usted "
                f"conozca, escribiendo a {WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Cómo funciona mejor la tutoría",
                "Lo que pedimos para la tutoría intensiva: frecuente, en grupos pequeños y "
                "durante el horario escolar.",
                "issues/high-dosage-tutoring",
                "Leer sobre la tutoría intensiva",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "connected-learning": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "El aprendizaje no termina en la puerta del salón. Las bibliotecas, los museos, "
                "las prácticas profesionales, los cursos en línea, las historias de una abuela "
                "y la tierra misma enseñan, y las mejores escuelas conectan a sus estudiantes "
                "con todo eso.",
                "Pero un estudiante sin una conexión a internet confiable o sin un aparato que "
                "funcione en casa queda aislado de gran parte de ese mundo. En muchas "
                "comunidades rurales y tribales de Nuevo México, esa sigue siendo la realidad "
                "diaria de las familias.",
            ],
            asks_intro="Les pedimos a los líderes del estado, a los distritos y a sus aliados que:",
            asks=[
                "Se aseguren de que todo estudiante que lo necesite tenga un aparato y una "
                "conexión a internet confiable en casa, no solo en la escuela.",
                "Den créditos por lo que se aprende fuera de la escuela: prácticas "
                "profesionales, cursos en línea y programas comunitarios y culturales.",
                "Formen alianzas entre escuelas, bibliotecas, tribus y Pueblos, y empleadores "
                "locales.",
            ],
            can_do=[
                "<b>Padres de familia:</b> pregúntele a su escuela qué ofrece más allá del "
                "salón de clases, y avísele si su hijo no puede conectarse en casa.",
                "<b>Legisladores y su personal:</b> pregunte qué escuelas de su distrito "
                "todavía tienen estudiantes sin conexión en casa.",
                "<b>Todos:</b> cuéntenos de una biblioteca, un museo o un programa que le abrió "
                f"nuevas puertas a un estudiante, escribiendo a {WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Aprender para trabajar",
                "Prácticas profesionales y certificaciones que conectan la escuela con una "
                "carrera.",
                "issues/career-pathways",
                "Leer sobre las rutas profesionales",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "right-to-know": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Cada año, los padres toman decisiones sobre la educación de sus hijos: qué "
                "escuela elegir, cuándo pedir ayuda, qué exigir. Solo pueden decidir bien con "
                "información clara y honesta sobre cómo le va a su hijo y cómo le va a la "
                "escuela.",
                "Con demasiada frecuencia esa información llega tarde, es difícil de encontrar o "
                "está escrita para especialistas. Debería ser sencilla, llegar a tiempo y estar "
                "en el idioma que se habla en casa. Por eso, en nuestra encuesta estatal, les "
                "preguntamos directamente a los padres lo que ven.",
            ],
            asks_intro="Les pedimos al Departamento de Educación Pública y a cada distrito que:",
            asks=[
                "Publiquen informes sobre cada escuela que un padre pueda leer en cinco "
                "minutos, en el celular, en inglés y en español.",
                "Envíen a cada familia los resultados de los exámenes de su hijo a tiempo para "
                "actuar, antes de que empiece el siguiente año escolar.",
                "Informen, escuela por escuela, cuánto se gasta, qué plazas de maestro están "
                "vacantes y cuánto avanzan los estudiantes.",
            ],
            can_do=[
                "<b>Padres de familia:</b> pida los resultados más recientes de su hijo y qué "
                "significan; tiene derecho a recibirlos.",
                "<b>Legisladores y su personal:</b> revise si las escuelas de su distrito "
                "publican sus resultados donde las familias puedan encontrarlos.",
                "<b>Todos:</b> díganos qué le gustaría saber sobre su escuela, escribiendo a "
                f"{WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Escuche a los padres de Nuevo México",
                "La segunda edición de nuestra encuesta a padres muestra dónde crece la "
                "confianza, dónde siguen las brechas y dónde es más urgente actuar.",
                READ_THE_PARENT_SURVEY,
                "Leer la encuesta a padres",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "career-paths": {
        "body": issue_body(
            PROMISE_NOTE,
            why=[
                "Los estudiantes se esfuerzan más cuando ven a dónde los lleva la escuela. "
                "Demasiados terminan la preparatoria sin saber qué cursos abren qué puertas, ni "
                "qué empleos los esperan en Nuevo México.",
                "Un camino claro significa conocer las opciones desde temprano, probar el "
                "trabajo mientras todavía se estudia y salir con créditos y certificaciones que "
                "cuenten, ya sea que el siguiente paso sea la universidad, un programa de "
                "aprendices o un empleo.",
            ],
            asks_intro=(
                "Les pedimos a los líderes del estado, a las escuelas y a los empleadores que:"
            ),
            asks=[
                "Ofrezcan orientación vocacional desde la escuela intermedia, con un plan que "
                "cada estudiante y su familia puedan ver y actualizar.",
                "Amplíen los cursos de doble crédito y las certificaciones profesionales que "
                "cuentan para las universidades y los empleadores.",
                "Creen prácticas profesionales pagadas y programas de aprendices con "
                "empleadores de Nuevo México.",
            ],
            can_do=[
                "<b>Padres de familia:</b> pregúntele a la escuela de su hijo qué cursos de "
                "doble crédito y qué certificaciones ofrece, y empiece la conversación desde la "
                "escuela intermedia.",
                "<b>Legisladores y su personal:</b> reúna a los empleadores y a las escuelas de "
                "su distrito en torno a los empleos que su comunidad necesita.",
                "<b>Empleadores:</b> díganos si recibiría a un estudiante en prácticas, "
                f"escribiendo a {WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Las rutas profesionales en la práctica",
                "Aprendizaje en el lugar de trabajo y certificaciones que llevan a buenos empleos.",
                "issues/career-pathways",
                "Leer sobre las rutas profesionales",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "early-literacy": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "El final del tercer grado es un momento decisivo. Hasta entonces, los niños "
                "aprenden a leer; después, leen para aprender. Un niño que para entonces no lee "
                "con confianza batalla en todas las materias que siguen.",
                "Muchos niños de Nuevo México crecen hablando español o un idioma indígena en "
                "casa. Una buena enseñanza de la lectura se apoya en esos idiomas en lugar de "
                "tratarlos como un problema.",
            ],
            asks_intro="Les pedimos a la Legislatura y al Departamento de Educación Pública que:",
            asks=[
                "Enseñen a leer como la investigación muestra que aprenden los niños, con "
                "capacitación y acompañamiento para cada maestro desde kínder hasta tercer "
                "grado.",
                "Evalúen pronto la lectura de cada niño pequeño, y les digan a las familias los "
                "resultados y el plan, en su idioma.",
                "Apoyen la lectura en español y en los idiomas indígenas, para que ser bilingüe "
                "cuente como la fortaleza que es.",
            ],
            can_do=[
                "<b>Padres de familia:</b> pregúntele a la maestra o al maestro de su hijo cómo "
                "se enseña a leer y cómo va su hijo, y lean juntos en casa, en el idioma que "
                "sea.",
                "<b>Legisladores y su personal:</b> pregúntele a su distrito cuántos de sus "
                "maestros se han capacitado para enseñar a leer, y qué les falta todavía.",
                "<b>Todos:</b> cuéntenos de algún programa de lectura que funcione en su "
                f"comunidad, escribiendo a {WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Ayuda para los niños que se atrasan",
                "Tutorías varias veces por semana, en grupos pequeños, durante el horario escolar.",
                "issues/high-dosage-tutoring",
                "Leer sobre las tutorías",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "high-dosage-tutoring": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "No todas las tutorías son iguales. Las que ayudan a los estudiantes a ponerse "
                "al día son frecuentes, con varias sesiones por semana; en grupos pequeños de "
                "unos cuantos estudiantes; durante el horario escolar; y con el mismo tutor "
                "capacitado, que llega a conocer a cada niño.",
                "La ayuda ocasional con la tarea después de clases rara vez llega a los "
                "estudiantes que más la necesitan. Las tutorías que forman parte del día "
                "escolar sí llegan.",
            ],
            asks_intro="Les pedimos a la Legislatura y a cada distrito que:",
            asks=[
                "Financien las tutorías durante el horario escolar de forma estable, año tras "
                "año, y no con subvenciones de una sola vez.",
                "Recluten y capaciten tutores de la propia comunidad: estudiantes "
                "universitarios, jubilados y asistentes educativos.",
                "Midan si los estudiantes que reciben tutoría se ponen al día, y publiquen los "
                "resultados.",
            ],
            can_do=[
                "<b>Padres de familia:</b> pregunte si la escuela de su hijo ofrece tutorías "
                "durante el horario escolar, y con qué frecuencia.",
                "<b>Legisladores y su personal:</b> pregunte qué escuelas de su distrito "
                "ofrecen este tipo de tutorías y a cuántos estudiantes llegan.",
                "<b>Futuros tutores:</b> díganos que le gustaría ayudar, escribiendo a "
                f"{WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "La promesa detrás de este tema",
                "Tutoría y atención para cada estudiante: ayuda adicional y apoyo para "
                "cualquier estudiante que lo necesite.",
                "issues/tutoring-and-care",
                "Leer la promesa",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "school-accountability": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "Las escuelas públicas invierten dinero público en el futuro de los niños. Las "
                "familias y los contribuyentes tienen derecho a saber qué escuelas están "
                "ayudando a sus estudiantes a avanzar y cuáles necesitan ayuda.",
                "Rendir cuentas no es castigar a las escuelas. Es la manera en que el estado "
                "sabe adónde enviar apoyo, y en que las familias saben si ese apoyo está "
                "funcionando.",
            ],
            asks_intro="Les pedimos al Departamento de Educación Pública y a la Legislatura que:",
            asks=[
                "Califiquen a las escuelas de una manera que tome en cuenta cuánto avanzan los "
                "estudiantes, no solo su punto de partida, y que los padres puedan entender.",
                "Den a las escuelas que tienen dificultades año tras año un apoyo real y un "
                "plazo claro, con la participación de las familias.",
                "Publiquen las calificaciones a tiempo cada año, en inglés y en español.",
            ],
            can_do=[
                "<b>Padres de familia:</b> busque la calificación de su escuela y pregúntele al "
                "director qué está haciendo la escuela al respecto.",
                "<b>Legisladores y su personal:</b> pregunte cómo están calificadas las "
                "escuelas de su distrito y qué apoyo reciben las que tienen las calificaciones "
                "más bajas.",
                "<b>Todos:</b> díganos si el informe de su escuela le dijo lo que necesitaba "
                f"saber, escribiendo a {WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Nuestra encuesta a padres, segunda edición",
                "Lo que nos dijeron los padres de Nuevo México sobre las escuelas de sus hijos, "
                "junto a padres de todo el país.",
                "news/parent-survey-second-edition",
                "Leer el artículo",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "teacher-recruitment": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "Ninguna política importa más que el adulto que está al frente del salón. "
                "Cuando las plazas de maestro quedan vacantes, los estudiantes pasan el año con "
                "un suplente tras otro, o en grupos saturados.",
                "La escasez es más grave en los distritos rurales y en materias como educación "
                "especial, educación bilingüe, matemáticas y ciencias. Muchas personas que "
                "serían buenos maestros, como los asistentes educativos, quienes cambian de "
                "profesión y los jóvenes de la comunidad, encuentran que el camino hacia la "
                "docencia es lento y caro.",
            ],
            asks_intro=(
                "Les pedimos a la Legislatura, al Departamento de Educación Pública y a las "
                "universidades que:"
            ),
            asks=[
                "Financien residencias pagadas y programas para formar maestros de la propia "
                "comunidad, de modo que los asistentes educativos y los graduados locales "
                "lleguen a ser maestros.",
                "Paguen bien a los maestros, y más en las escuelas y materias donde cuesta más "
                "cubrir las plazas.",
                "Den a cada maestro nuevo un mentor durante sus dos primeros años.",
            ],
            can_do=[
                "<b>Padres de familia:</b> agradézcale a un maestro, y pregúntele a su junta "
                "escolar cuántas plazas de maestro están vacantes en su distrito.",
                "<b>Legisladores y su personal:</b> pregúnteles a las universidades y a los "
                "distritos de su zona qué impide que la gente de su comunidad se haga maestra.",
                "<b>Futuros maestros:</b> díganos qué le ayudaría a llegar al salón de clases, "
                f"escribiendo a {WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "Los maestros y la lectura temprana",
                "Lo que pedimos para que cada niño lea con confianza al terminar el tercer grado.",
                "issues/early-literacy",
                "Leer sobre la lectoescritura temprana",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
    "career-pathways": {
        "body": issue_body(
            ILLUSTRATIVE_ISSUE_NOTE,
            why=[
                "El aprendizaje en el lugar de trabajo y las certificaciones reconocidas ayudan "
                "a los estudiantes a ver por qué importa la escuela, y les permiten salir con "
                "algo que los empleadores valoran.",
                "Los empleadores de Nuevo México, desde la salud hasta la construcción y la "
                "tecnología, necesitan trabajadores capacitados, y los jóvenes deberían poder "
                "encontrar un buen empleo cerca de casa.",
            ],
            asks_intro=(
                "Les pedimos a los líderes del estado, a las escuelas y a los empleadores que:"
            ),
            asks=[
                "Permitan que los estudiantes obtengan certificaciones profesionales y créditos "
                "universitarios en la preparatoria, sin costo para sus familias.",
                "Ayuden a los empleadores y a las escuelas a crear juntos prácticas "
                "profesionales y programas de aprendices.",
                "Den seguimiento a lo que hacen los graduados, ya sea universidad, capacitación "
                "o empleo, y lo publiquen.",
            ],
            can_do=[
                "<b>Estudiantes y padres de familia:</b> pregúntenle al consejero escolar qué "
                "certificaciones y prácticas profesionales están a su alcance.",
                "<b>Legisladores y su personal:</b> pregúnteles a los empleadores de su "
                "distrito qué habilidades no encuentran, y comparta la respuesta con sus "
                "escuelas.",
                "<b>Empleadores:</b> díganos si le gustaría participar, escribiendo a "
                f"{WRITE_TO_US}.",
            ],
            headings=ISSUE_HEADINGS,
        ),
        "actions": [
            cta(
                "La promesa detrás de este tema",
                "Un camino claro hacia la carrera que cada quien elija: rutas de la escuela al "
                "trabajo que los estudiantes puedan ver y seguir.",
                "issues/career-paths",
                "Leer la promesa",
            ),
            FOLLOW_THE_ISSUE,
        ],
    },
}

for _slug, _fields in ISSUE_PAGES.items():
    SPANISH["kidscan.localhost"]["pages"][f"issues/{_slug}"].update(_fields)
