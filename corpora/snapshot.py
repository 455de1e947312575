"""Read files from a local copy of a public corpus repository: a bare git mirror or a clone.

The corpora's texts are the publishers' copyright, so the project never commits them: it keeps
the repository's name here and rebuilds texts from a copy the user fetched. A copy is either a
work tree (``git clone``) or a bare repository (read at HEAD with ``git cat-file``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "corpora" / ".cache"
MIRRORS = Path("/work/.mirror")


class CorpusError(Exception):
    """A corpus copy is missing, refused or does not match the committed annotations."""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_snapshot(repo: str, env_var: str, explicit: Path | None = None) -> Path | None:
    """The first existing copy of GitHub `repo` (owner/name): explicit, $env_var, mirror, cache."""
    owner_name = repo.replace("/", "+")
    candidates = [explicit, Path(os.environ[env_var]) if os.environ.get(env_var) else None,
                  MIRRORS / owner_name / "repo", CACHE / repo.split("/")[1]]
    for cand in candidates:
        if cand is not None and cand.exists():
            return cand
    return None


class Snapshot:
    """Text files of one repository copy, addressed by their path inside the repository."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # a bare repository has HEAD and objects/ at its top; a clone has its files there
        self.bare = (path / "HEAD").is_file() and (path / "objects").is_dir()

    def list(self, folder: str) -> list[str]:
        """Paths of the files under `folder` (repository-relative, sorted)."""
        if not self.bare:
            base = self.path / folder
            if not base.is_dir():
                return []
            return sorted(p.relative_to(self.path).as_posix() for p in base.rglob("*")
                          if p.is_file())
        out = self._git("ls-tree", "-r", "--name-only", "HEAD", "--", folder)
        return sorted(line for line in out.decode("utf-8").splitlines() if line)

    def read_many(self, paths: Iterable[str]) -> dict[str, str]:
        """Contents of `paths` as UTF-8 text, in one git call for a bare copy."""
        paths = list(paths)
        if not self.bare:
            return {p: (self.path / p).read_text(encoding="utf-8") for p in paths}
        request = "".join(f"HEAD:{p}\n" for p in paths).encode("utf-8")
        raw = self._git("cat-file", "--batch", stdin=request)
        out, pos = {}, 0
        for p in paths:
            nl = raw.index(b"\n", pos)
            header = raw[pos:nl].split()
            if len(header) < 3 or header[1] != b"blob":
                raise CorpusError(f"{self.path}: {p} is not in the snapshot")
            size = int(header[2])
            out[p] = raw[nl + 1:nl + 1 + size].decode("utf-8")
            pos = nl + 1 + size + 1
        return out

    def read(self, path: str) -> str:
        return self.read_many([path])[path]

    def _git(self, *args: str, stdin: bytes | None = None) -> bytes:
        proc = subprocess.run(["git", "-C", str(self.path), *args], input=stdin,
                              capture_output=True, check=False)
        if proc.returncode:
            raise CorpusError(f"{self.path}: git {args[0]} failed: "
                              f"{proc.stderr.decode('utf-8', 'replace').strip()}")
        return proc.stdout
