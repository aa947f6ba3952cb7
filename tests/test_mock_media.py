"""/image/{prompt}: real PNG files and MP4 videos, checked by independent readers."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from _mock_helpers import bearer, read_mp4, read_png, unfilter

from pollinations_client.custom.mock import MockServer


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with MockServer() as server, httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


Param = str | int


def image(client: httpx.Client, prompt: str = "a cat", **params: Param) -> httpx.Response:
    return client.get(f"/image/{prompt}", params=params, headers=bearer())


def test_default_image_is_a_valid_1024_square_png(client: httpx.Client) -> None:
    answer = image(client)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/png"
    assert int(answer.headers["content-length"]) == len(answer.content)
    png = read_png(answer.content)
    assert (png.width, png.height, png.bit_depth, png.colour_type) == (1024, 1024, 8, 2)
    assert png.chunk_types == [b"IHDR", b"IDAT", b"IEND"]


@pytest.mark.parametrize(("width", "height"), [(1, 1), (37, 5), (300, 200), (0, 16)])
def test_image_has_the_requested_size(client: httpx.Client, width: int, height: int) -> None:
    png = read_png(image(client, width=width, height=height).content)
    assert (png.width, png.height) == (width or 1024, height)
    rows = unfilter(png)
    assert len(rows) == height and all(len(row) == png.width * 3 for row in rows)


def test_pixels_depend_only_on_the_request(client: httpx.Client) -> None:
    base = image(client, width=64, height=48, seed=5).content
    assert image(client, width=64, height=48, seed=5).content == base
    others = [
        image(client, width=64, height=48, seed=6).content,
        image(client, "a dog", width=64, height=48, seed=5).content,
        image(client, width=64, height=48, seed=5, model="flux").content,
    ]
    pixels = unfilter(read_png(base))
    for other in others:
        assert unfilter(read_png(other)) != pixels
    distinct_colours = {row[i : i + 3] for row in pixels for i in range(0, len(row), 3)}
    assert len(distinct_colours) > 1, "a blank picture tells a client nothing"


def test_transparent_images_have_an_alpha_channel(client: httpx.Client) -> None:
    png = read_png(image(client, width=64, height=64, transparent="true").content)
    assert png.colour_type == 6
    alphas = {row[i] for row in unfilter(png) for i in range(3, len(row), 4)}
    assert alphas == {0, 255}


def test_video_models_return_a_structurally_valid_mp4(client: httpx.Client) -> None:
    answer = image(client, "a bee in flight", model="veo")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "video/mp4"
    video = read_mp4(answer.content)
    assert video.brands[0] == b"isom"
    assert video.duration_seconds == 4
    assert (video.width, video.height) == (256, 144)
    assert video.codec == b"png "
    assert len(video.samples) >= 4
    for sample in video.samples:
        frame = read_png(sample)
        assert (frame.width, frame.height) == (video.width, video.height)
    assert len(set(video.samples)) > 1, "the frames should move"
    assert image(client, "a bee in flight", model="veo").content == answer.content


@pytest.mark.parametrize(
    ("model", "duration", "aspect", "size"),
    [
        ("veo", 8, "9:16", (144, 256)),
        ("seedance", 2, None, (256, 144)),
        ("seedance", 10, "1:1", (256, 256)),
    ],
)
def test_video_duration_and_aspect_ratio(
    client: httpx.Client, model: str, duration: int, aspect: str | None, size: tuple[int, int]
) -> None:
    params: dict[str, Param] = {"model": model, "duration": duration}
    if aspect:
        params["aspectRatio"] = aspect
    video = read_mp4(image(client, "a cat", **params).content)
    assert video.duration_seconds == duration
    assert (video.width, video.height) == size


@pytest.mark.parametrize(
    ("model", "duration"), [("veo", 5), ("veo", 2), ("veo", 10), ("seedance", 11), ("seedance", 1)]
)
def test_invalid_video_durations_are_field_errors(
    client: httpx.Client, model: str, duration: int
) -> None:
    answer = image(client, model=model, duration=duration)
    assert answer.status_code == 400
    assert answer.json()["error"]["details"]["fieldErrors"]["duration"]


def test_zero_aspect_ratio_is_refused(client: httpx.Client) -> None:
    answer = image(client, model="veo", aspectRatio="0:9")
    assert answer.status_code == 400
    assert "aspectRatio" in answer.json()["error"]["details"]["fieldErrors"]
