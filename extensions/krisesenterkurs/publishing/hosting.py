"""The HTTP headers the course is meant to be served with: README (Hosting) lists them for hosts,
and the browser tests serve every page and the SCORM package with them.

The policy allows only the site's own origin: the course makes no request to any other host, and
has no inline script or style of its own or of the theme's (the template overrides load Material's
snippets as files), so neither 'unsafe-inline' nor 'unsafe-eval' is needed."""

from __future__ import annotations

ZENSICAL_SEARCH_STYLE = "sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k="

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Zensical's search draws its panel in a shadow root with one inline <style>: that style
        # alone is allowed, by its hash (Zensical 0.0.73). A Zensical upgrade that changes it fails
        # tests/browser/test_privacy.py, whose message names the new hash.
        f"style-src 'self' '{ZENSICAL_SEARCH_STYLE}'",
        # Material's stylesheet draws its icons from data: SVGs.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        # Only the site itself may frame it (an LMS serves the SCORM package from its own origin).
        "frame-ancestors 'self'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
