"""What the admin's forms post, read from the page as a browser would send it back."""

from bs4 import BeautifulSoup


def edit_form_data(response):
    """What the browser would post from the page editor: every field, as the server rendered it."""
    form = BeautifulSoup(response.content, "html.parser").select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if "__prefix__" in name or field.get("type") in {"submit", "button"}:
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            selected = field.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    # The body's blocks are drawn by JavaScript; these articles have none.
    data.setdefault("body-count", "0")
    return data
