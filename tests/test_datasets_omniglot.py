"""The Omniglot loader: a tiny archive in the official layout, damaged and wrong inputs,
the download path (a file:// address, no network), and the real data when it is there."""

import hashlib
import io
import urllib.request
import warnings
import zipfile

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot import Part
from omniglot_real import REAL_DATA, needs_real_data, real_omniglot


# A tiny Omniglot: 2 + 1 alphabets, 3 + 2 characters, 20 drawings each.
TINY_LAYOUT = {"images_background": [("Alpha", "character01"), ("Alpha", "character02"),
                                     ("Beta", "character01")],
               "images_evaluation": [("Gamma", "character01"), ("Gamma", "character02")]}


def _png(seed, size=105):
    """A one-bit drawing like Omniglot's: white paper (True), a few black strokes."""
    rng = np.random.default_rng(seed)
    im = Image.new("1", (size, size), 1)
    draw = ImageDraw.Draw(im)
    for _ in range(3):
        draw.line([tuple(rng.integers(10, size - 10, 2)) for _ in range(3)], fill=0, width=4)
    out = io.BytesIO()
    im.save(out, format="PNG")
    return out.getvalue()


def _members(name, characters, n_drawings=20):
    offset = 1000 * sorted(TINY_LAYOUT).index(name)       # distinct drawings in each zip
    members = {}
    for c, (alphabet, character) in enumerate(characters):
        for j in range(n_drawings):
            members[f"{name}/{alphabet}/{character}/{c:04d}_{j + 1:02d}.png"] = \
                _png(offset + 100 * c + j)
    return members


def _hash_as_documented(members):
    """The README's definition, written out independently of the loader."""
    lines = sorted(p + "\0" + hashlib.sha256(b).hexdigest() + "\n" for p, b in members.items())
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def _write_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


@pytest.fixture
def tiny(tmp_path):
    """Two zips in the official layout under tmp_path/root, and Parts describing them."""
    root = tmp_path / "root"
    root.mkdir()
    parts, members = [], {}
    for name, characters in TINY_LAYOUT.items():
        m = _members(name, characters)
        members[name] = m
        zpath = _write_zip(root / f"{name}.zip", m)
        raw = zpath.read_bytes()
        parts.append(Part(name, zpath.as_uri(), len(raw), hashlib.md5(raw).hexdigest(),
                          len(characters), _hash_as_documented(m)))
    return root, tuple(parts), members, tmp_path / "cache"


def _expected_image(png):
    with Image.open(io.BytesIO(png)) as im:
        gray = np.asarray(im.convert("L").resize((28, 28), Image.LANCZOS), dtype=float)
    return 1.0 - gray / 255.0


def test_tiny_archive_reads_in_official_order_with_lanczos_ink_as_one(tiny):
    root, parts, members, cache = tiny
    data = omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    assert data.images.shape == (5, 20, 28, 28) and data.images.dtype == np.float32
    assert data.n_background == 3
    assert list(zip(data.alphabets, data.characters)) == \
        TINY_LAYOUT["images_background"] + TINY_LAYOUT["images_evaluation"]
    # Every drawing equals an independent LANCZOS decode of its PNG, inverted.
    for i, (alphabet, character) in enumerate(TINY_LAYOUT["images_background"] +
                                              TINY_LAYOUT["images_evaluation"]):
        name = "images_background" if i < 3 else "images_evaluation"
        pngs = [members[name][p] for p in sorted(members[name])
                if p.startswith(f"{name}/{alphabet}/{character}/")]
        expected = np.stack([_expected_image(b) for b in pngs])
        np.testing.assert_allclose(data.images[i], expected, atol=1e-6)
    assert 0.0 <= data.images.min() and data.images.max() <= 1.0
    assert data.images.mean() < 0.5        # mostly paper (0), strokes are ink (1)


def test_the_documented_content_hash_is_what_the_loader_computes(tiny):
    _, parts, members, _ = tiny
    for part in parts:
        assert omniglot.content_hash(members[part.name]) == part.content_hash


def test_extracted_folders_give_the_same_array_as_the_zips(tiny, tmp_path):
    root, parts, _, cache = tiny
    from_zips = omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    extracted = tmp_path / "extracted"
    for part in parts:
        with zipfile.ZipFile(root / f"{part.name}.zip") as z:
            z.extractall(extracted)
    from_dirs = omniglot.load(extracted, cache_dir=tmp_path / "cache2", parts=parts,
                              progress=False)
    np.testing.assert_array_equal(from_zips.images, from_dirs.images)
    np.testing.assert_array_equal(from_zips.characters, from_dirs.characters)


def test_decoded_array_is_cached_and_used_without_the_archives(tiny):
    root, parts, _, cache = tiny
    first = omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    cached = list((cache / "omniglot").glob("*.npz"))
    assert len(cached) == 1
    assert not list((cache / "omniglot").glob(".*part"))       # no temporary file left
    for part in parts:
        (root / f"{part.name}.zip").unlink()
    again = omniglot.load(cache_dir=cache, parts=parts, progress=False)
    np.testing.assert_array_equal(first.images, again.images)
    np.testing.assert_array_equal(first.alphabets, again.alphabets)


def test_a_wrong_root_is_reported_even_when_a_decoded_copy_is_cached(tiny):
    root, parts, members, cache = tiny
    omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    changed = dict(members["images_background"])
    changed[sorted(changed)[-1]] = _png(54321)
    _write_zip(root / "images_background.zip", changed)
    with pytest.raises(ValueError, match="content hash"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)


def test_cache_folder_defaults_to_scratchmeta_data(tiny, monkeypatch, tmp_path):
    root, parts, _, _ = tiny
    monkeypatch.setenv("SCRATCHMETA_DATA", str(tmp_path / "env_cache"))
    omniglot.load(root, parts=parts, progress=False)
    assert len(list((tmp_path / "env_cache" / "omniglot").glob("*.npz"))) == 1


def test_damaged_cache_is_reported_and_rebuilt(tiny):
    root, parts, _, cache = tiny
    first = omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    (path,) = (cache / "omniglot").glob("*.npz")
    path.write_bytes(path.read_bytes()[:1000])                   # truncated
    with pytest.warns(UserWarning, match="ignoring the Omniglot cache.*cannot be read"):
        again = omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    np.testing.assert_array_equal(first.images, again.images)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                           # rebuilt: no warning now
        omniglot.load(cache_dir=cache, parts=parts, progress=False)


def test_cache_with_changed_pixels_is_rejected(tiny):
    root, parts, _, cache = tiny
    omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    (path,) = (cache / "omniglot").glob("*.npz")
    with np.load(path) as f:
        stored = {k: f[k] for k in f.files}
    stored["images"][0, 0, 0, 0] ^= 1
    with open(path, "wb") as out:
        np.savez(out, **stored)
    with pytest.warns(UserWarning, match="pixels do not match"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)


def test_truncated_archive_is_named_as_damaged(tiny):
    root, parts, _, cache = tiny
    path = root / "images_background.zip"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ValueError, match=r"images_background\.zip' is damaged"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    assert not cache.exists()                                    # nothing decoded or written


def test_corrupted_member_is_named(tiny):
    root, parts, members, cache = tiny
    path = root / "images_evaluation.zip"
    # Store uncompressed so we can flip a byte inside one PNG's data: its CRC then fails.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in members["images_evaluation"].items():
            z.writestr(name, data)
    raw = bytearray(path.read_bytes())
    first = sorted(members["images_evaluation"])[0]
    offset = raw.index(members["images_evaluation"][first][40:60])
    raw[offset] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="images_evaluation.zip' is damaged: member"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)


def test_root_with_another_dataset_is_reported(tiny):
    root, parts, _, cache = tiny
    mnist_like = {f"images_background/train/{d}/{i}.png": _png(i) for d in range(3)
                  for i in range(2)}
    _write_zip(root / "images_background.zip", mnist_like)
    with pytest.raises(ValueError, match="does not hold Omniglot's images_background: "
                                         "expected 3 characters of 20 drawings"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    _write_zip(root / "images_background.zip", {"train/0/1.png": _png(0)})
    with pytest.raises(ValueError, match="is not laid out as images_background/<alphabet>"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    _write_zip(root / "images_background.zip", {"readme.txt": b"hello"})
    with pytest.raises(ValueError, match="no PNG images at all"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)


def test_wrong_drawing_count_and_changed_image_are_reported(tiny):
    root, parts, members, cache = tiny
    short = dict(members["images_background"])
    short.pop(sorted(short)[0])
    _write_zip(root / "images_background.zip", short)
    with pytest.raises(ValueError, match="Alpha/character01 with 19"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    changed = dict(members["images_background"])
    changed[sorted(changed)[0]] = _png(12345)
    _write_zip(root / "images_background.zip", changed)
    with pytest.raises(ValueError, match="content hash is [0-9a-f]{64}, the documented one"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)


def test_root_missing_an_archive_names_it_and_the_download_option(tiny):
    root, parts, _, cache = tiny
    (root / "images_evaluation.zip").unlink()
    with pytest.raises(ValueError, match=r"neither images_evaluation\.zip.*download=True"):
        omniglot.load(root, cache_dir=cache, parts=parts, progress=False)
    with pytest.raises(ValueError, match="is not a folder"):
        omniglot.load(root / "nowhere", cache_dir=cache, parts=parts, progress=False)


def test_no_data_and_no_download_names_the_address_and_root(tiny):
    _, parts, _, cache = tiny
    with pytest.raises(FileNotFoundError, match=r"root=.*download=True to fetch file://"):
        omniglot.load(cache_dir=cache, parts=parts, progress=False)


def test_download_fetches_checks_and_places_the_archives(tiny, capsys):
    _, parts, _, cache = tiny
    data = omniglot.load(cache_dir=cache, parts=parts, download=True, progress=True)
    assert data.images.shape == (5, 20, 28, 28)
    folder = cache / "omniglot"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == \
        sorted([f"{p.name}.zip" for p in parts] + [next(folder.glob("*.npz")).name])
    assert "downloading images_background.zip" in capsys.readouterr().err


def test_download_with_wrong_md5_keeps_nothing(tiny):
    _, parts, _, cache = tiny
    bad = (parts[0]._replace(md5="0" * 32),) + parts[1:]
    with pytest.raises(ValueError, match="is not the official images_background.zip.*"
                                         "Nothing was kept"):
        omniglot.load(cache_dir=cache, parts=bad, download=True, progress=False)
    assert list((cache / "omniglot").iterdir()) == []


def test_download_without_network_names_the_address_and_root(tiny, tmp_path):
    _, parts, _, cache = tiny
    gone = (parts[0]._replace(url=(tmp_path / "no_such.zip").as_uri()),) + parts[1:]
    with pytest.raises(ConnectionError, match=r"no_such\.zip.*pass root="):
        omniglot.load(cache_dir=cache, parts=gone, download=True, progress=False)
    assert list((cache / "omniglot").iterdir()) == []


def test_download_broken_off_midway_keeps_nothing_and_says_what_to_do(tiny, monkeypatch):
    _, parts, _, cache = tiny

    class BrokenResponse(io.BytesIO):
        """Serves 100 bytes, then the connection drops."""

        def read(self, n=-1):
            if self.tell() >= 100:
                raise ConnectionResetError("connection reset by peer")
            return super().read(min(n, 100 - self.tell()))

    monkeypatch.setattr(urllib.request, "urlopen",
                        lambda url, timeout: BrokenResponse(b"x" * 1000))
    with pytest.raises(ConnectionError, match=r"100 bytes arrived, none kept\). Try again"):
        omniglot.load(cache_dir=cache, parts=parts, download=True, progress=False)
    assert list((cache / "omniglot").iterdir()) == []


def test_unwritable_cache_warns_and_still_returns_the_drawings(tiny, tmp_path):
    root, parts, _, _ = tiny
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("in the way")
    with pytest.warns(UserWarning, match="could not write the Omniglot cache"):
        data = omniglot.load(root, cache_dir=not_a_folder, parts=parts, progress=False)
    assert data.images.shape == (5, 20, 28, 28)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"root": 5}, TypeError, "root must be a folder path"),
    ({"download": "yes"}, TypeError, "download must be True or False"),
    ({"parts": ()}, TypeError, "parts must be a non-empty sequence"),
])
def test_bad_arguments_are_named(kwargs, error, match, tmp_path):
    with pytest.raises(error, match=match):
        omniglot.load(**{"cache_dir": tmp_path, **kwargs})


# --------------------------------------------------------------------------
# The real data (../shared/data/omniglot from the repository root), when present
# --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def real(tmp_path_factory):
    """The real drawings, decoded once per test session into a temporary cache."""
    return real_omniglot(tmp_path_factory)


@needs_real_data
def test_real_omniglot_has_1623_characters_of_20_drawings_background_first(real):
    data, _, _ = real
    assert data.images.shape == (1623, 20, 28, 28)
    assert data.n_background == 964
    assert len(set(data.alphabets[:964])) == 30 and len(set(data.alphabets[964:])) == 20
    assert not set(data.alphabets[:964]) & set(data.alphabets[964:])
    assert 0.0 <= data.images.min() and data.images.max() <= 1.0
    assert len(set(zip(data.alphabets, data.characters))) == 1623


@needs_real_data
def test_real_drawings_equal_an_independent_lanczos_decode(real):
    data, _, _ = real
    for index, name in ((0, "images_background"), (1622, "images_evaluation")):
        prefix = f"{name}/{data.alphabets[index]}/{data.characters[index]}/"
        with zipfile.ZipFile(REAL_DATA / f"{name}.zip") as z:
            pngs = [z.read(n) for n in sorted(z.namelist()) if n.startswith(prefix)]
        np.testing.assert_allclose(data.images[index],
                                   np.stack([_expected_image(b) for b in pngs]), atol=1e-6)


@needs_real_data
def test_real_cache_loads_without_the_archives_and_matches(real):
    data, cache, _ = real
    again = omniglot.load(cache_dir=cache, progress=False)
    np.testing.assert_array_equal(data.images, again.images)


@needs_real_data
def test_real_archives_match_the_documented_content_hashes(real):
    for part in omniglot.OFFICIAL:
        with zipfile.ZipFile(REAL_DATA / f"{part.name}.zip") as z:
            members = {n: z.read(n) for n in z.namelist() if n.endswith(".png")}
        assert _hash_as_documented(members) == part.content_hash
