"""The demo's staff: the loader gives each demo site its editorial roles and two staff accounts.

The roles themselves (what an editor or moderator may do on each site) are
checked on sites built for each test in tests/test_editorial_roles.py.
"""

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db

# The demo organizations' site names, which name their groups.
ALLIANCE = "Learning Alliance of New Mexico"
KIDSCAN = "NewMexicoKidsCAN"


def test_the_demo_loader_gives_each_demo_site_its_roles_and_staff(demo):
    expected = {
        "alliance-editor": f"{ALLIANCE} editors",
        "alliance-moderator": f"{ALLIANCE} moderators",
        "kidscan-editor": f"{KIDSCAN} editors",
        "kidscan-moderator": f"{KIDSCAN} moderators",
    }

    users = get_user_model().objects.filter(username__in=expected).prefetch_related("groups")

    assert {user.username: [g.name for g in user.groups.all()] for user in users} == {
        username: [group] for username, group in expected.items()
    }
    assert "Demo staff account 'kidscan-moderator' created" in demo["output"]
    for user in users:
        assert not user.is_superuser and not user.is_staff
