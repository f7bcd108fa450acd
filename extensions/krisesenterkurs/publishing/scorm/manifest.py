"""What a SCORM 1.2 package needs besides the site: imsmanifest.xml and the course data for the launch page."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from ...core.settings import Settings
from ...course.modules import completion_rule, learning_pages, load_modules, scenario_entry
from ...quiz.banks import load_banks
from ...scenario.scenarios import load_scenarios


def scorm_course(settings: Settings) -> dict:
    """What the launch page needs: modules in order, each bank's questions (id and content hash), and
    each scenario's id and content hash (its state travels in suspend_data too)."""
    banks = load_banks(settings.quizzes, settings.pass_mark)
    modules = load_modules(settings.modules, banks)
    ordered = [m.meta.bank for m in modules] + sorted(set(banks) - {m.meta.bank for m in modules})
    return {
        "modules": [
            {
                "id": m.folder,
                "bank": m.meta.bank,
                "hash": banks[m.meta.bank].bank.content_hash(),
                **completion_rule(m),
                **scenario_entry(settings, m),
                # The pages seen travel as one bit per learning page (record.js's packSeen).
                "pages": [settings.url(p) for p in learning_pages(settings, m)],
            }
            for m in modules
        ],
        "banks": [
            {
                "id": b,
                "hash": banks[b].bank.content_hash(),
                "questions": [[q.id, q.content_hash()] for q in banks[b].bank.questions],
            }
            for b in ordered
        ],
        "scenarios": [
            {"id": sid, "hash": loaded.scenario.content_hash()}
            for sid, loaded in sorted(load_scenarios(settings.scenarios).items())
        ]
        if settings.scenarios.is_dir()
        else [],
    }


def imsmanifest(title: str, files: list[str]) -> bytes:
    """A SCORM 1.2 manifest: one organization, one item, one SCO resource listing every file."""
    ns = {
        "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    for prefix, uri in ns.items():
        etree.register_namespace(prefix, uri)
    cp, adlcp, xsi = (f"{{{ns['']}}}", f"{{{ns['adlcp']}}}", f"{{{ns['xsi']}}}")
    manifest = etree.Element(
        cp + "manifest",
        {
            "identifier": "krisesenterkurs",
            "version": "1.0",
            xsi + "schemaLocation": (
                "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
                "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"
            ),
        },
    )
    metadata = etree.SubElement(manifest, cp + "metadata")
    etree.SubElement(metadata, cp + "schema").text = "ADL SCORM"
    etree.SubElement(metadata, cp + "schemaversion").text = "1.2"
    organizations = etree.SubElement(manifest, cp + "organizations", {"default": "krisesenterkurs-org"})
    organization = etree.SubElement(organizations, cp + "organization", {"identifier": "krisesenterkurs-org"})
    etree.SubElement(organization, cp + "title").text = title
    item = etree.SubElement(
        organization,
        cp + "item",
        {"identifier": "krisesenterkurs-item", "identifierref": "krisesenterkurs-sco", "isvisible": "true"},
    )
    etree.SubElement(item, cp + "title").text = title
    resources = etree.SubElement(manifest, cp + "resources")
    resource = etree.SubElement(
        resources,
        cp + "resource",
        {"identifier": "krisesenterkurs-sco", "type": "webcontent", adlcp + "scormtype": "sco", "href": "scorm.html"},
    )
    for name in files:
        etree.SubElement(resource, cp + "file", {"href": name})
    etree.indent(manifest)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(manifest, encoding="utf-8")
