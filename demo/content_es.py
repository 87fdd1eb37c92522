"""Spanish translations of the demo pages, keyed by each English page's path.

The text is written for Spanish readers in New Mexico, not translated word for
word; names, dates and numbers match the English content. Links inside body
blocks keep the English page path, and the loader points them at the Spanish
page. Story bodies get FICTIONAL_NOTE appended by the loader.
"""

from .content import IMPORTANT_ISSUES, cta, forum_cards, p

FICTIONAL_NOTE = (
    "<p><em>Esta es una historia ficticia escrita para el sitio de demostración. "
    "Cualquier parecido con personas reales es pura coincidencia.</em></p>"
)

# Keyed by site hostname, then by the English page's path below its home page
# ("" is the home page itself; "news/essa-community-forums" is an article).
# The Spanish name of each region in demo.content.NEW_MEXICO_REGIONS, by slug.
ILLUSTRATIVE_ISSUE_NOTE = (
    "<p><em>Un tema ilustrativo escrito para el sitio de demostración, no una de las "
    "posturas publicadas de NewMexicoKidsCAN.</em></p>"
)

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
                "body": [],
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

# The invented issues say so in Spanish too (content.ILLUSTRATIVE_ISSUE_NOTE).
for _title, _slug, _summary in IMPORTANT_ISSUES:
    SPANISH["kidscan.localhost"]["pages"][f"issues/{_slug}"]["body"] = [
        ("paragraph", ILLUSTRATIVE_ISSUE_NOTE)
    ]
