"""The demo organizations' logo marks, drawn as SVG (the site settings' "SVG logo").

Each mark sits in the header on its site's primary color, so it is drawn in
light colors, and each says something of the organization: the Learning
Alliance's people side by side under a wide sky; NewMexicoKidsCAN's bold
rising step, the "can" of a child climbing.
"""

ALLIANCE_MARK = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img">
<title>Learning Alliance of New Mexico</title>
<path d="M5 21a19 19 0 0 1 38 0" fill="none" stroke="#e6b566" stroke-width="3.5"
 stroke-linecap="round"/>
<circle cx="24" cy="22" r="4.2" fill="#ffffff"/>
<circle cx="12" cy="27" r="3.6" fill="#ffffff"/>
<circle cx="36" cy="27" r="3.6" fill="#ffffff"/>
<path d="M16 42a8 8 0 0 1 16 0z" fill="#ffffff"/>
<path d="M5 43a7 7 0 0 1 14 0zM29 43a7 7 0 0 1 14 0z" fill="#ffffff"/>
</svg>
"""

KIDSCAN_MARK = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img">
<title>NewMexicoKidsCAN</title>
<rect x="2" y="2" width="44" height="44" rx="10" fill="#fbbf3c"/>
<path d="M8 38h8v-7h8v-7h8v-7l7-7" fill="none" stroke="#13213c" stroke-width="4.5"
 stroke-linejoin="round" stroke-linecap="round"/>
<path d="M32 9.5h7.5V17" fill="none" stroke="#13213c" stroke-width="4.5" stroke-linejoin="round"
 stroke-linecap="round"/>
<circle cx="12" cy="30" r="3.5" fill="#b8360a"/>
</svg>
"""

MARKS = {"alliance": ALLIANCE_MARK, "kidscan": KIDSCAN_MARK}
