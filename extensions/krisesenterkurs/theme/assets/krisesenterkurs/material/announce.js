// Material's inline snippet from partials/javascripts/announce.html, verbatim, as a file: the site then
// runs under a Content-Security-Policy without 'unsafe-inline' (README, Hosting). Test:
// tests/publishing/test_csp.py compares it with both engines' templates.
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
