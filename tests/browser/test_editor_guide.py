"""The editor guide (docs/editors.md) can always be illustrated from the admin as it is.

The screenshots in docs/images/editors/ are taken by
tools/scripts/editor_screenshots.py, which walks through every step of the guide
as the demo editor and moderator would. Running it here, against the demo
content, fails as soon as the admin no longer offers what the guide tells
staff to click, so the guide is retaken (`make editor-guide`) rather than
left describing an admin that has moved on.
"""

import importlib.util
import re
from pathlib import Path

from wagtail.images import get_image_model
from wagtail.models import Page, Site

import pytest
from PIL import Image as PILImage

from campaigns.models import Participant
from demo.accounts import DEFAULT_PASSWORD, PASSWORD_VARIABLE, demo_staff_usernames
from tests.shared_demo import commits_to_the_demo

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "editors.md"
GUIDE_IMAGES = ROOT / "docs" / "images" / "editors"


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "editor_screenshots", ROOT / "tools" / "scripts" / "editor_screenshots.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


screenshots = _load_script()


def images_the_guide_shows():
    """File names of the pictures docs/editors.md embeds from images/editors/."""
    return re.findall(r"!\[[^\]]*\]\(images/editors/([^)\s]+)\)", GUIDE.read_text())


def assert_is_a_screenshot(path):
    with PILImage.open(path) as picture:
        picture.verify()  # a complete, undamaged PNG
    with PILImage.open(path) as picture:
        assert picture.format == "PNG", f"{path.name} is {picture.format}, not PNG"
        width, height = picture.size
        # Crops of one control are smaller than the window, never tiny or wider than it.
        assert 300 <= width <= screenshots.VIEWPORT["width"], f"{path.name}: {width} px wide"
        assert 100 <= height <= 2000, f"{path.name}: {height} px high"
        colors = picture.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colors is None or len(colors) > 20, f"{path.name} is blank"


def test_the_guide_shows_exactly_the_screenshots_in_its_folder():
    shown = images_the_guide_shows()
    stored = sorted(path.name for path in GUIDE_IMAGES.glob("*.png"))
    assert shown, "docs/editors.md shows no screenshots"
    assert sorted(set(shown)) == stored, (
        "every picture docs/editors.md shows must be in docs/images/editors/, and every "
        "PNG there must be shown by the guide"
    )
    # And they are the ones the script takes, so `make editor-guide` replaces them all.
    assert stored == sorted(screenshots.SCREENSHOTS)
    for name in stored:
        assert_is_a_screenshot(GUIDE_IMAGES / name)


def test_the_script_signs_in_as_the_demo_staff():
    """The script reads no database; its account names must follow demo/accounts.py."""
    site = Site(hostname="localhost", site_name=screenshots.SITE_NAME)
    assert demo_staff_usernames(site) == (screenshots.EDITOR, screenshots.MODERATOR)
    assert (screenshots.PASSWORD_VARIABLE, screenshots.DEFAULT_PASSWORD) == (
        PASSWORD_VARIABLE,
        DEFAULT_PASSWORD,
    )


@pytest.mark.browser
@commits_to_the_demo()
def test_every_screenshot_of_the_guide_can_be_retaken(demo, live_server, browser, tmp_path):
    """The script edits and publishes through the admin: it commits to the demo, then it goes."""
    pages_before = Page.objects.count()
    images_before = get_image_model().objects.count()

    page = browser.new_page(viewport=screenshots.VIEWPORT)
    try:
        taken = screenshots.take_screenshots(page, live_server.url, tmp_path)
    finally:
        page.close()

    assert [path.name for path in taken] == screenshots.SCREENSHOTS
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(screenshots.SCREENSHOTS)
    for path in taken:
        assert_is_a_screenshot(path)

    # The example article (and its Spanish twin), the picture and the example
    # visitors who sent the ESSA letter are gone again.
    prefix = screenshots.GUIDE_PREFIX
    assert not Participant.objects.filter(email__endswith=screenshots.PARTICIPANT_DOMAIN).exists()
    assert not Page.objects.filter(title__startswith=prefix).exists()
    assert not get_image_model().objects.filter(title__startswith=prefix).exists()
    assert (Page.objects.count(), get_image_model().objects.count()) == (
        pages_before,
        images_before,
    )
