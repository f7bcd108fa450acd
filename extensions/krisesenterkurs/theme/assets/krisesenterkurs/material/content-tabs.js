// Material's inline snippet from partials/javascripts/content.html, verbatim, as a file: the site then
// runs under a Content-Security-Policy without 'unsafe-inline' (README, Hosting). Test:
// tests/publishing/test_csp.py compares it with both engines' templates.
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
