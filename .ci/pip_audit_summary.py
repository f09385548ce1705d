"""Summarise pip-audit's JSON report for CI: the vulnerabilities found, and the dependencies it could not audit."""

import json
import sys
from pathlib import Path

report = json.loads(Path(sys.argv[1]).read_text())
dependencies = report["dependencies"]
found = [(d["name"], d["version"], v["id"]) for d in dependencies for v in d.get("vulns", [])]
skipped = [d["name"] for d in dependencies if d.get("skip_reason")]
for name, version, advisory in found:
    print(f"VULNERABLE: {name} {version}: {advisory}")
print(
    f"pip-audit: {len(dependencies) - len(skipped)} of {len(dependencies)} pinned dependencies audited, "
    f"{len(found)} known vulnerabilities not waived, {len(report.get('fixes', []))} fixes suggested"
)
if skipped and len(skipped) == len(dependencies):
    print("WARNING: the vulnerability service could not be reached from here: no dependency was audited.")
elif skipped:
    print(f"not audited (not found on the index): {', '.join(skipped)}")
sys.exit(1 if found else 0)
