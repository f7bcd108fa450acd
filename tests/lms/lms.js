// An independent SCORM 1.2 runtime hosting the course, as an LMS would (a file: the test server
// sends the strict Content-Security-Policy README recommends, which refuses inline scripts). The SCO sees a facade
// that records every call it makes (name, arguments, result, time), so tests can count commits
// and read write-only elements such as cmi.core.session_time and cmi.core.exit.
//   ?preset=<JSON>  cmi values the LMS holds at launch (flattened, e.g. {"cmi.core.entry": "resume"})
//   ?init=false     LMSInitialize refuses ("false"), as an LMS that lost its session does
var params = new URLSearchParams(location.search);
var runtime = new Scorm12API({ autocommit: false, logLevel: 5 });
var preset = params.get("preset");
if (preset) runtime.loadFromFlattenedJSON(JSON.parse(preset));
window.lms = runtime;  // for the tests' own reads, which are not recorded
window.calls = [];
window.commits = 0;
window.finished = false;
var refuseInit = params.get("init") === "false";
window.API = {};
["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
 "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"].forEach(function (name) {
  window.API[name] = function () {
    var args = Array.prototype.slice.call(arguments);
    // When the course made the call: a commit can take a while in the runtime, and the gap the
    // course keeps between commits is between their starts.
    var at = Date.now();
    var result = name === "LMSInitialize" && refuseInit ? "false" : runtime[name].apply(runtime, args);
    window.calls.push({ name: name, args: args.map(String), result: String(result), at: at });
    if (name === "LMSCommit") window.commits += 1;
    if (name === "LMSFinish") window.finished = true;
    return result;
  };
});
var frame = document.createElement("iframe");
frame.id = "sco";
frame.title = "Kurs";
frame.style.width = "100%";
frame.style.height = "95vh";
frame.src = "course/scorm.html";
document.body.appendChild(frame);
