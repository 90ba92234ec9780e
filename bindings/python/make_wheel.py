"""Packs a staged directory (tetsuzuki/ and tetsuzuki_bindings/ with the shared library) into
a wheel, with the standard library only (used by scripts/build-wheel).

python make_wheel.py <staged dir> <version> <destination dir>
"""

import base64
import hashlib
import pathlib
import sys
import sysconfig
import zipfile

NAME = "tetsuzuki"


def platform_tag():
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def main(stage, version, dest):
    stage, dest = pathlib.Path(stage), pathlib.Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    tag = f"py3-none-{platform_tag()}"
    wheel = dest / f"{NAME}-{version}-{tag}.whl"
    info = f"{NAME}-{version}.dist-info"
    meta = {
        f"{info}/METADATA": (
            "Metadata-Version: 2.1\n"
            f"Name: {NAME}\nVersion: {version}\n"
            "Summary: Japanese municipal procedures: the tetsuzuki Rust core for Python (UniFFI)\n"
            "License: see the repository\nRequires-Python: >=3.8\n"
        ),
        f"{info}/WHEEL": f"Wheel-Version: 1.0\nGenerator: tetsuzuki make_wheel\nRoot-Is-Purelib: false\nTag: {tag}\n",
        f"{info}/top_level.txt": "tetsuzuki\ntetsuzuki_bindings\n",
    }
    records = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(stage.rglob("*")):
            if path.is_dir() or "__pycache__" in path.parts:
                continue
            arc = path.relative_to(stage).as_posix()
            data = path.read_bytes()
            z.writestr(arc, data)
            records.append(f"{arc},{digest(data)},{len(data)}")
        for arc, text in meta.items():
            data = text.encode()
            z.writestr(arc, data)
            records.append(f"{arc},{digest(data)},{len(data)}")
        records.append(f"{info}/RECORD,,")
        z.writestr(f"{info}/RECORD", "\n".join(records) + "\n")
    print(wheel)


if __name__ == "__main__":
    main(*sys.argv[1:4])
