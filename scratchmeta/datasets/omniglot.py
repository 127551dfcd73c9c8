"""Chapter 5, part 1: the Omniglot images, read once and checked.

Omniglot (Lake, Salakhutdinov and Tenenbaum, Science 2015) is the dataset of
datasets of lecture 22, section 1.1 made real: 1,623 handwritten characters
from 50 alphabets, each drawn once by 20 people. Every character is one task
class; its 20 drawings are the only examples there will ever be of it.

``load()`` returns all 1,623 x 20 drawings as one array of shape
(1623, 20, 28, 28). The steps, each a function below:

1. **Find the sources.** ``root`` names a folder holding the two official
   zips, ``images_background.zip`` (30 alphabets, 964 characters) and
   ``images_evaluation.zip`` (20 alphabets, 659 characters), or the folders
   they extract to. Without ``root``, the zips are looked for in the cache
   folder, and ``download=True`` fetches them from their official address,
   checking byte count and md5 and writing atomically.
2. **Check them before any decoding.** Every PNG path must read
   ``images_background/<alphabet>/<character>/<file>.png``; there must be 964
   (659) characters of exactly 20 drawings; and the *content hash* must equal
   the documented one. The content hash is the SHA-256 of the sorted lines
   ``<path inside the zip>\\0<sha256 hex of the PNG bytes>\\n`` over the PNG
   members, so it is the same for the official zips, for re-packed zips with
   byte-identical PNGs, and for the extracted folders.
3. **Decode.** Each 105 x 105 one-bit PNG is converted to 8-bit gray and
   resized to 28 x 28 with a LANCZOS filter, the size and filter of Finn et
   al. (2017, section 5.2; their ``resize_images.py``). Values are then
   inverted, as in Finn et al.'s data generator (``1 - image``), so ink is 1
   and paper is 0. (Their script calls ``resize`` on the one-bit images,
   where Pillow silently falls back to nearest-neighbour; converting to gray
   first makes the filter the LANCZOS one the paper names.)
4. **Cache.** The decoded drawings are stored once, as 8-bit integers, in
   ``$SCRATCHMETA_DATA/omniglot/`` (default ``~/.cache/scratchmeta/omniglot/``),
   written atomically, read back with ``allow_pickle=False`` and validated
   (shape, names, source hashes and a SHA-256 of the pixels) before use.

Characters are ordered background first, then evaluation, each by alphabet
name and then character folder name; drawings by file name. The result holds
float32 values in [0, 1] (half the memory of float64: 102 MB).
"""

import hashlib
import http.client
import io
import os
import re
import tempfile
import urllib.error
import urllib.request
import warnings
import zipfile
from pathlib import Path
from typing import NamedTuple

import numpy as np

from scratchmeta.autodiff.checks import check_flag
from scratchmeta.datasets.checks import check_folder, check_folder_path, check_members
from scratchmeta.datasets.progress import Progress
from scratchmeta.meta.checks import check_instance, check_rate
from scratchmeta.messages import seen

IMAGE_SIZE = 28               # Finn et al. (2017), section 5.2
SOURCE_SIZE = 105             # every Omniglot PNG is 105 x 105
DRAWINGS = 20                 # each character drawn by 20 people
RECIPE = "omniglot-v1: PNG -> gray 'L' -> LANCZOS 28x28 -> uint8 ink = 255 - gray"


class Part(NamedTuple):
    """One official archive: where it lives, how to check it, what it holds."""

    name: str                 # "images_background": the zip's stem and its top folder
    url: str
    size: int                 # bytes of the official zip
    md5: str                  # md5 of the official zip
    n_characters: int
    content_hash: str         # SHA-256 over (path, PNG sha256) lines; see the module docstring


# Addresses, sizes, md5s and content hashes: /work/shared/data/omniglot/README.md,
# from Brenden Lake's omniglot repository (MIT licence).
_GITHUB = "https://github.com/brendenlake/omniglot/raw/master/python/"
OFFICIAL = (
    Part("images_background", _GITHUB + "images_background.zip", 9_464_212,
         "68d2efa1b9178cc56df9314c21c6e718", 964,
         "7c563fb7d98dbd312c5e0ccb87230ca9d7e8a13d672e5de6186245e7905ed43e"),
    Part("images_evaluation", _GITHUB + "images_evaluation.zip", 6_462_886,
         "6b91aef0f799c5bb55b94e3f2daec811", 659,
         "e5a69b751aa33f555bdc92febd48220b69a811b2ff01de32bf4d1bca47bd1809"),
)


class OmniglotImages(NamedTuple):
    """Every drawing of every character, with the characters' names."""

    images: np.ndarray        # (characters, 20, 28, 28) float32 in [0, 1], ink = 1
    alphabets: np.ndarray     # (characters,) alphabet of each character, e.g. "Greek"
    characters: np.ndarray    # (characters,) its folder name, e.g. "character01"
    n_background: int         # the first n_background characters are images_background's


# --------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------

def load(root=None, *, download=False, cache_dir=None, parts=OFFICIAL, progress=True):
    """All Omniglot drawings, shape (1623, 20, 28, 28), background characters first.

    ``root``: a folder holding ``images_background.zip`` and
    ``images_evaluation.zip``, or the folders they extract to. Without it the
    zips are looked for in ``<cache_dir>/omniglot/``; ``download=True`` then
    fetches any that are missing from the official addresses.
    ``cache_dir`` defaults to ``$SCRATCHMETA_DATA``, else ``~/.cache/scratchmeta``;
    the decoded array is cached there, so decoding happens once.
    ``parts`` describes the archives (tests pass a tiny one); ``progress``
    draws progress bars on standard error.

    When ``root`` is given its archives are always checked (read and hashed,
    not decoded), even if a decoded copy is cached, so a wrong ``root`` is
    reported; a cache that cannot be written is then only warned about. Without
    ``root`` the drawings are looked for in the cache folder, so a ``cache_dir``
    (or ``$SCRATCHMETA_DATA``) that is a file is a ValueError naming it.
    """
    parts = _check_load_arguments(root, download, parts, progress)
    folder, named = _data_folder(cache_dir)
    cache_file = folder / f"omniglot_{IMAGE_SIZE}x{IMAGE_SIZE}_{_cache_key(parts)}.npz"
    damage = None                                # what is wrong with a cache found damaged
    if root is None:
        check_folder(named, folder.parent)       # the drawings are looked for there
        cached, damage = _read_cache(cache_file, parts)
        if cached is not None:
            return cached
        source_folder = folder
    else:
        source_folder = Path(root).expanduser()
        if not source_folder.is_dir():
            given = os.fspath(root)
            expanded = "" if str(given) == str(source_folder) else \
                f" (expanded to {str(source_folder)!r})"
            raise ValueError(f"root must be a folder holding {_part_files(parts)} or their "
                             f"extracted folders; {seen(given)}{expanded} is not a folder")
    sources = _find_or_fetch(source_folder, parts, download, progress, root_given=root is not None,
                             named=named, damaged=damage and (cache_file, damage))
    try:
        members = [_checked_members(source, part) for source, part in zip(sources, parts)]
    except ValueError as err:                # say which argument led to the bad archive
        given = ("root (--root on the command line)" if root is not None else
                 f"{named} (the omniglot folder in it)")
        raise ValueError(f"{err} [found through {given}]") from None
    if root is not None:
        cached, damage = _read_cache(cache_file, parts)
        if cached is not None:
            return cached
    if damage:                  # said only now that the archives to decode again are found
        warnings.warn(f"ignoring the Omniglot cache {str(cache_file)!r}: {damage}; decoding the "
                      f"archives again", stacklevel=2)
    data = _decode(members, parts, progress)
    try:
        _write_cache(cache_file, data, parts)
    except OSError as err:
        also = " or set SCRATCHMETA_DATA to one" if named == "SCRATCHMETA_DATA" else ""
        warnings.warn(f"could not write the Omniglot cache {str(cache_file)!r} ({err}); the "
                      f"drawings are returned, but will be decoded again next time (pass "
                      f"cache_dir=<a writable folder>{also})", stacklevel=2)
    return _as_float(data)


def _check_load_arguments(root, download, parts, progress):
    if root is not None:
        check_folder_path("root", root)
    for name, value in (("download", download), ("progress", progress)):
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False, got {seen(value)}")
    given = parts                          # a Part is a tuple too, of its fields: not a list
    parts = (() if isinstance(parts, (str, bytes, Part, set, frozenset, dict))  # sets: no order
             or not hasattr(parts, "__iter__") or getattr(parts, "ndim", 1) == 0
             else tuple(parts))
    if not parts or not all(isinstance(p, Part) for p in parts):
        raise TypeError(f"parts must be a non-empty sequence (list or tuple) of omniglot.Part, "
                        f"in the order their characters come, got {seen(given, 200)}")
    names = [p.name for p in parts]
    if len(set(names)) != len(names):      # one archive twice: every character twice
        raise ValueError(f"parts must name each archive once, got the names {names!r:.200}")
    return parts


def _data_folder(cache_dir):
    """<cache_dir>/omniglot, and what set cache_dir (it defaults to $SCRATCHMETA_DATA)."""
    named = "cache_dir"
    if cache_dir is None:
        named, cache_dir = "SCRATCHMETA_DATA", os.environ.get("SCRATCHMETA_DATA")
        if cache_dir == "":                        # set, to nothing: no folder, said so
            raise ValueError("SCRATCHMETA_DATA is set to the empty string: set it to a folder "
                             "(the Omniglot zips are looked for in <it>/omniglot), or unset it "
                             "(unset SCRATCHMETA_DATA) for the default ~/.cache/scratchmeta")
        if cache_dir:                              # a folder's path, as cache_dir would be
            check_folder_path("SCRATCHMETA_DATA", cache_dir)
        if not cache_dir:
            named, cache_dir = "the default cache_dir", Path.home() / ".cache" / "scratchmeta"
    else:
        check_folder_path("cache_dir", cache_dir)
    return Path(cache_dir).expanduser() / "omniglot", named


def _part_files(parts):
    return " and ".join(f"{p.name}.zip" for p in parts)


def _cache_key(parts):
    """Names the cache by what it holds: the sources' content hashes and the decoding recipe."""
    text = RECIPE + "".join(f"\n{p.name} {p.n_characters} {p.content_hash}" for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --------------------------------------------------------------------------
# 1. Finding (or fetching) the archives
# --------------------------------------------------------------------------

def _find_or_fetch(folder, parts, download, progress, *, root_given, named="cache_dir",
                   damaged=None):
    """For each part, its zip or extracted folder under ``folder``, downloading if asked.

    ``named``: what set ``folder`` when no root was given (the message names it);
    ``damaged``: (the decoded cache, what is wrong with it) when one was found damaged,
    so that a missing archive is reported as that damage, not as a missing cache."""
    sources = []
    for part in parts:
        zip_path, dir_path = folder / f"{part.name}.zip", folder / part.name
        if zip_path.exists() and not (zip_path.is_file() or zip_path.is_dir()):
            raise ValueError(f"{str(zip_path)!r} must be the {part.name} zip archive, a regular "
                             f"file, but it is a named pipe, a socket or a device (reading it "
                             f"could wait forever); put the official archive there (from "
                             f"{part.url})")
        if zip_path.exists():
            sources.append(zip_path)
        elif dir_path.is_dir():
            sources.append(dir_path)
        elif download:
            sources.append(fetch(part, folder, progress=progress))
        elif root_given:
            others = sorted(p.name for p in folder.glob("*.zip"))[:3] if folder.is_dir() else []
            raise ValueError(
                f"root {str(folder)!r} (--root on the command line) holds neither "
                f"{part.name}.zip nor an extracted {part.name}/ folder"
                + (f" (its zips: {', '.join(others)}: not the official archives' names)"
                   if others else "")
                + f". Put the official archive there (from {part.url}), or pass "
                  f"download=True to fetch it.")
        elif damaged:
            raise ValueError(
                f"the decoded Omniglot cache {str(damaged[0])!r} (in the omniglot folder of "
                f"{named}) is damaged: {damaged[1]}; and there is no {part.name}.zip beside "
                f"it to decode again. Remove the file, and pass root=<a folder holding "
                f"{_part_files(parts)}> or download=True to fetch {part.url}.")
        else:
            raise FileNotFoundError(
                f"Omniglot is not here yet: no decoded cache and no {part.name}.zip in "
                f"{str(folder)!r} (the omniglot folder of {named}){_comment(folder)}. Pass "
                f"root=<a folder holding {_part_files(parts)} or their extracted folders>, or "
                f"download=True to fetch {part.url} ({part.size:,} bytes).")
    return sources


def _comment(folder):
    """", whose path holds ' ; ' ..." where a config file's inline comment (INI's ``;``, a
    shell's or YAML's ``#``) rode along into the folder's path, else ""."""
    mark = next((m for m in (" ;", " #", "\t;", "\t#") if m in str(folder)), None)
    return (f", whose path holds {mark.strip()!r} after a blank (a config file's inline "
            f"comment kept with the value?)" if mark else "")


def fetch(part, folder, *, progress=True, timeout=60):
    """Download ``part.url`` into ``folder/<name>.zip``, checking byte count and md5.

    The bytes go to a temporary file in the same folder, renamed into place
    only once both checks pass, so a failed or partial download leaves
    nothing behind. ``timeout``: seconds to wait for the server, a number > 0.
    """
    check_instance("part", part, Part, "an omniglot.Part, e.g. omniglot.OFFICIAL[0]")
    check_folder_path("folder", folder)
    check_flag(progress, "fetch", "progress")
    check_rate("timeout", timeout)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{part.name}.", suffix=".part")
    except OSError as err:
        raise OSError(f"cannot write the download of {part.url} into {str(folder)!r} "
                      f"({err}); pass cache_dir=<a writable folder>, or root=<a folder "
                      f"already holding {part.name}.zip>") from None
    target = folder / f"{part.name}.zip"
    md5, size = hashlib.md5(), 0
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                response = urllib.request.urlopen(part.url, timeout=timeout)
                with response, Progress(f"downloading {part.name}.zip", part.size,
                                        unit=" bytes", enabled=progress) as bar:
                    while chunk := response.read(1 << 16):
                        out.write(chunk)
                        md5.update(chunk)
                        size += len(chunk)
                        bar.advance(len(chunk))
            except (urllib.error.URLError, http.client.HTTPException, OSError) as err:
                raise ConnectionError(
                    f"could not download Omniglot's {part.name} from {part.url} "
                    f"({type(err).__name__}: {err}; {size:,} bytes arrived, none kept). "
                    f"Try again; without a network, download the file elsewhere and pass "
                    f"root=<the folder holding {part.name}.zip>.") from None
        if size != part.size or md5.hexdigest() != part.md5:
            raise ValueError(
                f"the download of {part.url} is not the official {part.name}.zip: got "
                f"{size:,} bytes with md5 {md5.hexdigest()}, expected {part.size:,} bytes "
                f"with md5 {part.md5}. Nothing was kept; try again, or download it by hand "
                f"and pass root=<its folder>.")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# --------------------------------------------------------------------------
# 2. Checking an archive before any decoding
# --------------------------------------------------------------------------

_LAYOUT = re.compile(r"^([^/]+)/([^/]+)/([^/]+)/([^/]+\.png)$")


def _read_pngs(source, part):
    """{path inside the zip: PNG bytes} for the PNG members of a zip or extracted folder."""
    if source.is_dir():
        return {f"{part.name}/{p.relative_to(source).as_posix()}": p.read_bytes()
                for p in sorted(source.rglob("*.png"))}
    try:
        with zipfile.ZipFile(source) as archive:
            names = [n for n in archive.namelist() if n.endswith(".png")]
            if len(set(names)) != len(names):      # one would silently replace the other
                twice = sorted({n for n in names if names.count(n) > 1})
                raise ValueError(f"{str(source)!r} is damaged: it holds {len(twice)} member(s) "
                                 f"more than once, e.g. {twice[0]!r}. Replace the archive "
                                 f"(official copy: {part.url}).")
            members = {}
            for name in names:
                try:
                    members[name] = archive.read(name)
                except Exception as err:      # BadZipFile (bad CRC), zlib.error, EOFError
                    raise ValueError(f"{str(source)!r} is damaged: member {name!r} cannot be "
                                     f"read ({type(err).__name__}: {err}). Replace the "
                                     f"archive (official copy: {part.url}).") from None
            return members
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise ValueError(f"{str(source)!r} is damaged or not a zip archive "
                         f"({type(err).__name__}: {err}). Replace it (official copy: "
                         f"{part.url}).") from None


def content_hash(members):
    """SHA-256 of the sorted lines ``<path>\\0<sha256 hex of PNG bytes>\\n`` (see the docstring)."""
    check_members(members)                       # {path inside the zip: PNG bytes}
    lines = sorted(f"{path}\0{hashlib.sha256(data).hexdigest()}\n"
                   for path, data in members.items())
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def _checked_members(source, part):
    """The PNG bytes of one archive, grouped by character, after every check passes.

    Returns a sorted list of ((alphabet, character), [PNG bytes of its drawings]).
    """
    members = _read_pngs(source, part)
    where = f"{str(source)!r} does not hold Omniglot's {part.name}"
    if not members:
        raise ValueError(f"{where}: it has no PNG images at all")
    characters = {}
    for path in members:
        match = _LAYOUT.match(path)
        if match is None or match.group(1) != part.name:
            raise ValueError(f"{where}: {path!r} is not laid out as "
                             f"{part.name}/<alphabet>/<character>/<drawing>.png")
        characters.setdefault(match.group(2, 3), []).append(path)
    wrong = {k: len(v) for k, v in characters.items() if len(v) != DRAWINGS}
    if len(characters) != part.n_characters or wrong:
        example = ""
        if wrong:
            (alphabet, character), count = sorted(wrong.items())[0]
            example = f"; {len(wrong)} have a number other than {DRAWINGS}, e.g. " \
                      f"{alphabet}/{character} with {count}"
        raise ValueError(f"{where}: expected {part.n_characters} characters of {DRAWINGS} "
                         f"drawings each, found {len(characters)} characters{example}")
    found = content_hash(members)
    if found != part.content_hash:
        raise ValueError(f"{where}, or some of its images were changed: its content hash is "
                         f"{found}, the documented one is {part.content_hash}")
    return [(key, [members[p] for p in sorted(paths)])
            for key, paths in sorted(characters.items())]


# --------------------------------------------------------------------------
# 3. Decoding
# --------------------------------------------------------------------------

def _decode(members, parts, progress):
    """uint8 ink (255 - gray) of every drawing, resized to 28 x 28 with LANCZOS."""
    from PIL import Image      # Pillow comes with matplotlib; imported only when decoding

    n_chars = sum(p.n_characters for p in parts)
    images = np.empty((n_chars, DRAWINGS, IMAGE_SIZE, IMAGE_SIZE), np.uint8)
    alphabets, characters = [], []
    with Progress("decoding Omniglot", n_chars * DRAWINGS, unit=" PNGs",
                  enabled=progress) as bar:
        i = 0
        for part, grouped in zip(parts, members):
            for (alphabet, character), pngs in grouped:
                for j, png in enumerate(pngs):
                    images[i, j] = _decode_one(Image, png, part, alphabet, character, j)
                bar.advance(len(pngs))
                alphabets.append(alphabet)
                characters.append(character)
                i += 1
    return OmniglotImages(images, np.array(alphabets), np.array(characters),
                          parts[0].n_characters)


def _decode_one(Image, png, part, alphabet, character, j):
    try:
        with Image.open(io.BytesIO(png)) as im:
            if im.size != (SOURCE_SIZE, SOURCE_SIZE):
                raise ValueError(f"it is {im.size[0]} x {im.size[1]} pixels, Omniglot's are "
                                 f"{SOURCE_SIZE} x {SOURCE_SIZE}")
            gray = im.convert("L").resize((IMAGE_SIZE, IMAGE_SIZE), Image.LANCZOS)
    except Exception as err:
        raise ValueError(f"{part.name}/{alphabet}/{character}: drawing {j + 1} cannot be "
                         f"used ({type(err).__name__}: {err})") from None
    return 255 - np.asarray(gray, dtype=np.uint8)


def _as_float(data):
    return data._replace(images=data.images.astype(np.float32) / np.float32(255))


# --------------------------------------------------------------------------
# 4. The cache
# --------------------------------------------------------------------------

def _pixels_hash(images):
    return hashlib.sha256(np.ascontiguousarray(images).tobytes()).hexdigest()


def _write_cache(path, data, parts):
    """Write the decoded uint8 drawings atomically: a temporary file, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".omniglot.", suffix=".npz.part")
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez_compressed(
                out, images=data.images, alphabets=data.alphabets, characters=data.characters,
                part_names=np.array([p.name for p in parts]),
                part_counts=np.array([p.n_characters for p in parts]),
                content_hashes=np.array([p.content_hash for p in parts]),
                recipe=np.array(RECIPE), pixels_sha256=np.array(_pixels_hash(data.images)))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_cache(path, parts):
    """(the cached drawings, None) if ``path`` exists and passes every check, else (None,
    what is wrong with it), or (None, None) when there is no such file."""
    if not path.exists():
        return None, None
    problem = None
    try:
        with open(path, "rb") as f:
            head = f.read(16)
        if not head.startswith(b"PK\x03\x04"):          # every .npz is a zip archive
            looks = ("empty" if not head else "a text file" if all(
                32 <= c < 127 or c in b"\t\r\n" for c in head) else "a binary file")
            problem = f"it cannot be read: it is {looks}, not a .npz archive (starts {head!r})"
        else:
            with np.load(path, allow_pickle=False) as f:
                stored = {k: f[k] for k in f.files}
            problem = _cache_problem(stored, parts)
    except Exception as err:                  # unreadable, truncated, or pickled objects
        what = ("it holds pickled objects, which a cache never does" if "pickle" in str(err)
                else f"{type(err).__name__}: {err}")
        problem = f"it cannot be read ({what})"
    if problem is not None:
        return None, problem
    return _as_float(OmniglotImages(stored["images"], stored["alphabets"],
                                    stored["characters"], parts[0].n_characters)), None


def _cache_problem(stored, parts):
    keys = {"images", "alphabets", "characters", "part_names", "part_counts",
            "content_hashes", "recipe", "pixels_sha256"}
    if not keys <= set(stored):
        return f"it lacks {sorted(keys - set(stored))}"
    if str(stored["recipe"]) != RECIPE:
        return "it was decoded with another recipe"
    if stored["content_hashes"].tolist() != [p.content_hash for p in parts] or \
            stored["part_counts"].tolist() != [p.n_characters for p in parts]:
        return "it was decoded from other archives"
    n = sum(p.n_characters for p in parts)
    images = stored["images"]
    if images.dtype != np.uint8 or images.shape != (n, DRAWINGS, IMAGE_SIZE, IMAGE_SIZE):
        return (f"its images are {images.dtype} of shape {images.shape}, expected uint8 "
                f"of shape {(n, DRAWINGS, IMAGE_SIZE, IMAGE_SIZE)}")
    if stored["alphabets"].shape != (n,) or stored["characters"].shape != (n,):
        return "its names do not match its images"
    if _pixels_hash(images) != str(stored["pixels_sha256"]):
        return "its pixels do not match their recorded SHA-256 (the file is damaged)"
    return None
