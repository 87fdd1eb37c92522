"""The demo's decision makers: invented officials and legislators, loaded through the CSV import.

build(loader, home, site) and translate(loader, home, site, locale), as the
other sections (demo/community_newsletter.py), listed before them so that
campaigns and bills built later find them (`find`).

Every record is fictional, and says so in its title, so no one takes a demo
page for a statement about a real official: the names are invented, e-mail
addresses are at example.org (which delivers nowhere), telephone numbers
are in the 555-01xx range kept for fiction, and official pages, where given,
are example.org addresses. Party is left blank, as many nonprofits choose.

Each site's list is kept as the CSV text staff would import, and loaded by
decision_makers.importing itself, so the demo exercises the importer. The
loader adds only who is missing: a record an editor has changed since is
left as it is.
"""

from decision_makers.importing import import_decision_makers, read_decision_makers
from decision_makers.models import DecisionMaker

HEADER = "name,title,body,district,county,party,email,phone,official_page"

# The Learning Alliance talks with the state's education leaders and a few legislators.
ALLIANCE_CSV = f"""{HEADER}
Dolores Quintana-Reyes,Secretary of Public Education (fictional),Executive office or agency,,,,dolores.quintana-reyes@example.org,505-555-0101,https://example.org/ped/secretary
Augustin Benally-Ruiz,"Chair, Public Education Commission (fictional)",Board or commission,3,Bernalillo,,augustin.benally-ruiz@example.org,505-555-0102,
Renata Gallegos-Ward,State Senator (fictional),State Senate,15,Bernalillo,,renata.gallegos-ward@example.org,505-555-0103,https://example.org/legislature/senate/15
Lionel Etsitty-Marquez,State Representative (fictional),State House of Representatives,5,McKinley,,lionel.etsitty-marquez@example.org,505-555-0104,
Amparo Chee-Delgado,State Representative (fictional),State House of Representatives,38,"Grant, Hidalgo, Sierra",,amparo.chee-delgado@example.org,505-555-0105,https://example.org/legislature/house/38
"""  # noqa: E501 (a spreadsheet's rows, kept whole)

# NewMexicoKidsCAN's legislators, in both chambers and across the state: its
# bills name some as sponsors, and its actions let parents write to theirs.
KIDSCAN_CSV = f"""{HEADER}
Marisela Ortiz-Calloway,State Senator (fictional),senate,9,Sandoval,,marisela.ortiz-calloway@example.org,505-555-0111,https://example.org/legislature/senate/9
Everett Tsosie-Lang,State Senator (fictional),senate,4,"McKinley, San Juan",,everett.tsosie-lang@example.org,505-555-0112,
Celestina Varela-Brooks,State Senator (fictional),senate,37,Doña Ana,,celestina.varela-brooks@example.org,505-555-0113,https://example.org/legislature/senate/37
Wendell Archuleta-Frye,State Senator (fictional),senate,33,"Chaves, Lincoln, Otero",,wendell.archuleta-frye@example.org,505-555-0114,
Paloma Nakai-Romero,State Representative (fictional),house,12,Bernalillo,,paloma.nakai-romero@example.org,505-555-0115,https://example.org/legislature/house/12
Dashiell Montoya-Price,State Representative (fictional),house,46,Santa Fe,,dashiell.montoya-price@example.org,505-555-0116,
Inés Whitfield-Baca,State Representative (fictional),house,61,Lea,,ines.whitfield-baca@example.org,505-555-0117,https://example.org/legislature/house/61
Tobias Lucero-Haskins,State Representative (fictional),house,40,"Rio Arriba, Taos",,tobias.lucero-haskins@example.org,505-555-0118,
"""  # noqa: E501

CSV_BY_HOST = {"localhost": ALLIANCE_CSV, "kidscan.localhost": KIDSCAN_CSV}

# Each title in Spanish, by name: the title is the one field translators word.
SPANISH_TITLES = {
    "Dolores Quintana-Reyes": "Secretaria de Educación Pública (ficticia)",
    "Augustin Benally-Ruiz": "Presidente de la Comisión de Educación Pública (ficticio)",
    "Renata Gallegos-Ward": "Senadora estatal (ficticia)",
    "Lionel Etsitty-Marquez": "Representante estatal (ficticio)",
    "Amparo Chee-Delgado": "Representante estatal (ficticia)",
    "Marisela Ortiz-Calloway": "Senadora estatal (ficticia)",
    "Everett Tsosie-Lang": "Senador estatal (ficticio)",
    "Celestina Varela-Brooks": "Senadora estatal (ficticia)",
    "Wendell Archuleta-Frye": "Senador estatal (ficticio)",
    "Paloma Nakai-Romero": "Representante estatal (ficticia)",
    "Dashiell Montoya-Price": "Representante estatal (ficticio)",
    "Inés Whitfield-Baca": "Representante estatal (ficticia)",
    "Tobias Lucero-Haskins": "Representante estatal (ficticio)",
}


def build(loader, home, site):
    text = CSV_BY_HOST.get(site.hostname)
    if text is None:
        return
    rows = read_decision_makers(text)
    result = import_decision_makers(rows, site, update_existing=False)
    if result.added:
        loader.log(f"{site.site_name}: {result.added} decision makers added")


def translate(loader, home, site, locale):
    for record in DecisionMaker.objects.filter(site=site, locale=home.locale):
        title = SPANISH_TITLES.get(record.name)
        if title and not record.has_translation(locale):
            loader.translate(record, locale, title=title)


def find(site, name):
    """The default language's record of `name` on `site`: what campaigns and bills point at."""
    return DecisionMaker.objects.get(site=site, locale=site.root_page.locale, name=name)
