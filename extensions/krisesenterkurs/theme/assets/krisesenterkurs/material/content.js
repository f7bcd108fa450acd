// Material's inline snippet from partials/javascripts/content.html, verbatim, as a file: the site then
// runs under a Content-Security-Policy without 'unsafe-inline' (README, Hosting). Test:
// tests/publishing/test_csp.py compares it with both engines' templates.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
