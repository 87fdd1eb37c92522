"""The demo's reports: what they hold and where each demo site shows them."""

from wagtail.models import Site

import pytest

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
