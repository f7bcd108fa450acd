"""Everything that turns the course into something to hand out.

engines.py builds the site with MkDocs or Zensical; postbuild.py is the step
both engines' builds end with; pdf.py prints the handouts and the whole course;
package.py zips a site that runs from a folder; scorm/ makes the SCORM 1.2
package for an LMS (manifest.py writes imsmanifest.xml, launch.* is the launch page).
"""
