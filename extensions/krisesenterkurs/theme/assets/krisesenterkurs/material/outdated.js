// Material's partials/javascripts/outdated.html snippet as a file (README, Hosting: no inline
// scripts). The base address comes from this tag's data-base, resolved against the page (the
// original passed the relative base_url to URL() alone, which throws).
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.getAttribute("data-base"),location),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
