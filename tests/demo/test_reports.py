"""The demo's reports: what they hold and where each demo site shows them."""

from io import StringIO

from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import Site

import pytest
from wagtail_localize.models import SegmentOverride

from demo import community_reports
from reports.models import ReportPage
from tests.test_reports import soup_of

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo")
class TestDemoReports:
    """What the demo's reports hold and where its sites show them.

    The behavior is checked on rows built for each test in tests/test_reports.py;
    these check that the demo loader puts its own reports, documents and menus in place.
    """

    def site(self, hostname):
        return Site.objects.get(hostname=hostname)

    def test_kidscan_home_features_the_parent_survey_report_page(self, client):
        site = self.site("kidscan.localhost")
        report = ReportPage.objects.descendant_of(site.root_page).get(
            slug="parent-survey-second-edition"
        )
        soup = soup_of(client.get("/", headers={"host": "kidscan.localhost"}))
        featured = soup.select_one("section.featured-report")
        assert featured.select_one("a")["href"] == report.relative_url(site)

    def test_kidscan_spanish_home_features_the_spanish_report(self, client):
        soup = soup_of(client.get("/es/", headers={"host": "kidscan.localhost"}))
        href = soup.select_one("section.featured-report a")["href"]
        assert href.startswith("/es/informes/")
        assert client.get(href, headers={"host": "kidscan.localhost"}).status_code == 200

    def test_stakeholder_report_document_downloads(self, client):
        response = client.get("/reports/", headers={"host": "localhost"})
        soup = soup_of(response)
        report_link = soup.select_one(".card-list .card__title a")["href"]
        report = soup_of(client.get(report_link, headers={"host": "localhost"}))
        assert "4,000+" in report.select_one("section.report-findings").get_text()
        link = report.select_one("a.report-download__link")
        assert "PDF" in link.get_text()
        download = client.get(link["href"], headers={"host": "localhost"})
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")

    def test_reports_are_in_each_sites_header_menu(self, client):
        for host in ("localhost", "kidscan.localhost"):
            soup = soup_of(client.get("/", headers={"host": host}))
            assert "/reports/" in [a["href"] for a in soup.select("header nav a")]

    def test_demo_documents_are_in_each_sites_collection(self):
        from editorial.models import SiteRoles

        filed = {}
        for roles in SiteRoles.objects.select_related("site"):
            for report in ReportPage.objects.descendant_of(roles.site.root_page):
                filed[report.title] = report.document.collection_id == roles.collection_id
        assert len(filed) == 2
        assert all(filed.values())

    # --- A Spanish file for Spanish readers, and one report left in English -----------------

    def download_link(self, client, path, host):
        return soup_of(client.get(path, headers={"host": host})).select_one(
            "a.report-download__link"
        )

    def downloaded(self, client, href, host):
        response = client.get(href, headers={"host": host})
        assert response.status_code == 200
        return b"".join(response.streaming_content)

    def test_the_spanish_parent_survey_offers_its_spanish_file(self, client):
        host = "kidscan.localhost"
        english = self.download_link(client, "/reports/parent-survey-second-edition/", host)
        spanish = self.download_link(client, "/es/informes/encuesta-padres-segunda-edicion/", host)

        assert not spanish.has_attr("hreflang")
        assert spanish.get_text(" ", strip=True).startswith("Descargar el informe completo (PDF")
        assert spanish["href"] != english["href"]
        pdf = self.downloaded(client, spanish["href"], host)
        assert b"/Lang (es-US)" in pdf
        assert "(Encuesta a padres de familia, 2.ª edición) Tj".encode("cp1252") in pdf
        assert b"/Lang (en-US)" in self.downloaded(client, english["href"], host)

    def test_the_spanish_home_features_the_spanish_file(self, client):
        soup = soup_of(client.get("/es/", headers={"host": "kidscan.localhost"}))
        download = soup.select_one("section.featured-report a.featured-report__download")

        assert not download.has_attr("hreflang")
        assert "en inglés" not in download.get_text()

    def test_the_spanish_essa_report_offers_the_english_file_and_says_so(self, client):
        """The Alliance's report has no Spanish file: its Spanish page names the English one's."""
        link = self.download_link(client, "/es/informes/informe-opiniones-essa/", "localhost")

        assert link["hreflang"] == "en"
        assert link.get_text(" ", strip=True).startswith(
            "Descargar el informe completo, en inglés (PDF"
        )

    def test_loading_the_demo_again_adds_no_document(self):
        def documents():
            reports = ReportPage.objects.order_by("pk").values_list("pk", "document_id")
            return (
                sorted(get_document_model().objects.values_list("pk", "title", "file")),
                list(reports),
                SegmentOverride.objects.count(),
            )

        before = documents()

        call_command("load_demo_content", stdout=StringIO())

        assert documents() == before
        titles = [title for _pk, title, _file in before[0]]
        assert len(titles) == len(set(titles)), "no file is drawn twice"
        spanish = community_reports.SPANISH["kidscan.localhost"]["document"]["title"]
        assert spanish in titles
